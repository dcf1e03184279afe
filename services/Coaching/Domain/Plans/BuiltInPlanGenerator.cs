using System.Globalization;
using CyclingCoach.Coaching.Domain.Courses;
using CyclingCoach.Coaching.Domain.Library;
using CyclingCoach.Coaching.Domain.Load;
using CyclingCoach.Coaching.Domain.Rules;
using static CyclingCoach.Coaching.Domain.Load.CoachingPrinciples;

namespace CyclingCoach.Coaching.Domain.Plans;

/// <summary>
/// The built-in coach's plan: weeks of TSS targets from the rider's recent load (<see cref="LoadModel"/>), shaped by
/// their season (<see cref="Season"/>) and laid out in sessions by <see cref="WeekLayout"/>. It keeps every rule by
/// construction (the validator still checks it) and every principle of <see cref="CoachingPrinciples"/> (the judgement
/// and the scenario suite check it).
/// <list type="bullet">
/// <item>Build and base weeks: min(7·(CTL + 6.5·ramp), 1.10 × the biggest of the 4 weeks before, or of what CTL holds),
/// CTL carried forward week by week through the planned TSS; ramp 5, or 4 for a new, provisional or returning rider.</item>
/// <item>A recovery week once 3 build weeks are behind the rider (counted from their history, so the cadence carries on
/// when the plan rolls forward from the current plan's phases): 60 % of the mean build week, one short tempo session at
/// most; before an A event a week early rather than in the week before the taper, which absorbs it.</item>
/// <item>Events: the A event's 14-day taper (90 %, then 55 % in the last 7 days with race openers, nothing hard in the
/// last 48 h), the event's week Race, the week after Transition (40 %, easy only); a B event's 4 days before at 70 %;
/// a C event ridden as one of the week's hard sessions.</item>
/// <item>A week the caps hold under its target says so in the notes, and so does one planned below the rider's
/// fitness (recovery, taper, transition, or caps too tight to hold it).</item>
/// </list>
/// </summary>
public static class BuiltInPlanGenerator
{
    public static TrainingPlan Generate(PlanContext context)
    {
        if (context.StartDate.DayOfWeek != DayOfWeek.Monday)
        {
            throw new ArgumentException($"A plan starts on a Monday, not on {context.StartDate:dddd yyyy-MM-dd}.", nameof(context));
        }

        if (context.Weeks < 1)
        {
            throw new ArgumentException("A plan has at least one week.", nameof(context));
        }

        var block = new Block(context);
        var weeks = Enumerable.Range(0, context.Weeks).Select(block.Week).ToList();
        return new TrainingPlan(context.StartDate, block.Focus, weeks, block.Notes());
    }

    private sealed class Block
    {
        /// <summary>A taper week's TSS is asked high enough that its hours, not its TSS, bind [E].</summary>
        private const double TaperTssReach = 1.3;

        private readonly PlanContext context;
        private readonly RuleSet rules;
        private readonly Season season;
        private readonly LoadStart start;
        private readonly WeekLayout layout;
        private readonly List<double> weekTss;
        private readonly List<double> weekHours;
        private readonly List<double> buildTss;
        private readonly List<double> buildHours;
        private readonly List<string> capped = [];
        private readonly Dictionary<WorkoutType, int> levels;
        private double ctl, atl;
        private int buildRun, courseWeeks;

        public Block(PlanContext context)
        {
            this.context = context;
            rules = context.Rules;
            season = new Season(rules);
            start = LoadModel.Start(context);
            layout = new WeekLayout(rules, context.Goals, season, []);
            (ctl, atl) = (start.Ctl, start.Atl);
            weekTss = [.. start.ReferenceWeeks];
            weekHours = [.. start.ReferenceHours.DefaultIfEmpty(LoadModel.Holds(start.Ctl) / 42)];
            buildTss = [.. start.ReferenceWeeks.DefaultIfEmpty(LoadModel.Holds(start.Ctl))];
            buildHours = [.. weekHours];
            buildRun = start.BuildWeeksDone;
            levels = StartLevels(context, start.Ctl);
        }

        public string Focus => context.Goals.Focus ?? (season.GoalFrom(context.StartDate) is { } goal ? $"Toward {goal.Name}" : "General fitness");

        public PlanWeek Week(int index)
        {
            var monday = context.StartDate.AddDays(index * 7);
            var dates = Enumerable.Range(0, 7).Select(monday.AddDays).ToList();
            var place = season.Week(monday);
            var phase = place.Phase;
            // A recovery week after 3 build weeks; before an A event it comes a week early rather than next to the
            // taper (3 weeks before the event's week), and never in the week just before the taper, which absorbs it.
            var due = buildRun >= BuildWeeksPerCycle || buildRun == BuildWeeksPerCycle - 1 && place.WeeksToGoal == 3;
            if (phase is PlanPhase.Base or PlanPhase.Build && due && place.WeeksToGoal != 2)
            {
                phase = PlanPhase.Recovery;
            }

            var preTaper = buildTss.TakeLast(BuildWeeksPerCycle).Average();
            var full = phase switch
            {
                PlanPhase.Recovery => RecoveryShare * preTaper,
                PlanPhase.Transition => TransitionShare * preTaper,
                PlanPhase.Taper or PlanPhase.Race => preTaper,
                _ => LoadModel.BuildTarget(ctl, start.Ramp, weekTss.TakeLast(4)),
            };

            // Around events a day gets its share of a normal day's riding (taper, B reduction, the event itself).
            var share = dates.Sum(d => phase == PlanPhase.Transition ? 1 : season.TaperShare(d)) / 7;
            var back = start.State == RiderState.Returning && index == 0;
            var course = phase is PlanPhase.Base or PlanPhase.Build ? context.CourseOf(season.GoalFrom(monday)) : null;
            var ask = new WeekLayout.Ask(dates, phase, full * share, ctl, QualityTypes(place.Label),
                (int)(HoursOverRecentMax * weekHours.TakeLast(4).Max() * 3600), phase.IsLighter() ? 0 : Math.Min(full, LoadModel.Holds(ctl)), EasyOnly: back,
                Levels: new Dictionary<WorkoutType, int>(levels), LongRideShare: LongRideShareFor(course));
            if (phase != PlanPhase.Transition && dates.Any(season.InATaper))
            {
                // An A taper cuts volume (hours) and keeps intensity: the hours are the limit, the TSS follows [BO, MP].
                ask = ask with { Target = TaperTssReach * preTaper * share, VolumeCapSeconds = (int)(buildHours.TakeLast(BuildWeeksPerCycle).Average() * share * 3600), Floor = 0 };
            }

            var result = layout.Lay(ask);
            if (course is not null && result.Days.Any(d => d.Workouts.Any(w => w.Type.IsHard())))
            {
                // The A event's course: its key climbs in turn become the week's first hard session, the long ride says what the course holds.
                var days = CourseSessions.Prepare(result.Days, course, courseWeeks++);
                result = result with { Days = days, Tss = days.SelectMany(d => d.Workouts).Sum(w => w.TargetTss) };
            }

            var daily = result.Days.Select(d => d.Workouts.Sum(w => w.TargetTss)).ToList();
            (ctl, atl) = LoadModel.Advance(ctl, atl, daily);
            weekTss.Add(result.Tss);
            weekHours.Add(result.Days.Sum(d => d.DurationSeconds) / 3600.0);

            if (phase is PlanPhase.Base or PlanPhase.Build)
            {
                // A build week's quality sessions move their systems one level up for the next week.
                foreach (var system in result.Days.SelectMany(d => d.Workouts).Where(w => w.Type.IsHard() || w.Type == WorkoutType.Tempo).Select(w => ProgressionLevels.System(w.Type)).Distinct())
                {
                    levels[system] = Math.Min(ProgressionLevels.Highest, levels[system] + 1);
                }

                // A week eased for a B event still counts towards the next recovery week (the race is hard work),
                // but not in the mean that sizes recovery weeks and tapers.
                buildRun++;
                if (!dates.Any(d => season.TaperShare(d) < 1))
                {
                    buildTss.Add(result.Tss);
                    buildHours.Add(result.Days.Sum(d => d.DurationSeconds) / 3600.0);
                }
            }
            else if (phase.IsLighter())
            {
                buildRun = 0;
            }

            if (phase is PlanPhase.Base or PlanPhase.Build && !dates.Any(season.InATaper) && result.Short > 0.03 * result.Target)
            {
                capped.Add($"week {index + 1} at {result.Tss:0} of {result.Target:0} TSS{(result.Tss < CoachingPrinciples.MaintenanceTolerance * LoadModel.Holds(ctl) && !phase.IsLighter() ? $", under the {LoadModel.Holds(ctl):0} your CTL holds" : "")}");
            }

            var focus = WeekFocus(phase, place, dates);
            return new PlanWeek(index + 1, back ? $"Back from the break: endurance only ({focus})" : focus, result.Days, phase);
        }

        /// <summary>
        /// Toward a course longer than the long ride usually gets, the long ride takes a bigger share of the week's endurance
        /// time (three endurance rides' worth from a 4-hour course, at most four) so it approaches the event's duration within
        /// the same weekly load and caps [E].
        /// </summary>
        private static double LongRideShareFor(EventCourse? course) =>
            course is null ? WeekLayout.LongRideWeight : Math.Clamp(course.EstimatedSeconds / (4 * 3600) * 3, WeekLayout.LongRideWeight, 4);

        public string Notes()
        {
            var parts = new List<string> { $"Built-in coach. {start.Why}" };
            parts.Add($"Build weeks rise at most 10 % over the biggest of the 4 weeks before and at most {start.Ramp:0} CTL a week " +
                      $"(7·(CTL + 6.5·{start.Ramp:0}) TSS); after 3 build weeks a recovery week at {RecoveryShare:P0} of them, below your fitness on purpose.");
            if (capped.Count > 0)
            {
                var caps = string.Join(", ", new[]
                {
                    rules.MaxHoursPerWeek is { } max ? $"{max:0.#} h a week" : null,
                    context.Goals.WeeklyHours is { } wanted ? $"a {wanted:0.#} h goal" : null,
                    rules.AvailableDays is { } days ? $"{days.Count} available days" : null,
                    rules.DayCaps.Count > 0 || rules.MaxHoursPerDay is not null || rules.LongRideMaxHours is not null ? "day caps" : null,
                }.OfType<string>());
                parts.Add($"Your caps ({(caps.Length > 0 ? caps : "the coach's session ceilings")}) hold {string.Join("; ", capped)}: the plan stays inside them rather than reach the ramp.");
            }

            parts.Add($"At least {MinEasyShare:P0} of each week's time is easy (under {EasyPowerCeiling:P0} FTP); hard sessions by your sessions and CTL" +
                      (rules.MaxHardSessionsPerWeek is { } hard ? $", at most {hard} as your rules say." : "."));
            if (season.GoalFrom(context.StartDate) is { } goal)
            {
                var weeks = (Season.Monday(goal.Date).DayNumber - context.StartDate.DayNumber) / 7;
                parts.Add($"Season: {goal.Name} (A) on {goal.Date:yyyy-MM-dd}, {weeks} week{(weeks == 1 ? "" : "s")} away: a 14-day taper from {goal.Date.AddDays(-TaperDays):yyyy-MM-dd} " +
                          $"({TaperFirstWeekShare:P0}, then {TaperLastWeekShare:P0} with race openers), nothing hard in the last 48 h.");
            }

            parts.AddRange(season.Notes);
            return string.Join(" ", parts);
        }

        private string WeekFocus(PlanPhase phase, SeasonWeek place, List<DateOnly> dates)
        {
            var focus = phase switch
            {
                PlanPhase.Recovery => $"Recovery: about {RecoveryShare:P0} of the build weeks, nothing above tempo",
                PlanPhase.Taper => $"Taper for {place.Goal!.Name}: volume down, intensity kept",
                PlanPhase.Race => $"Race week: {place.Goal!.Name} on {place.Goal.Date.DayOfWeek}",
                PlanPhase.Transition => $"Transition after {place.Goal!.Name}: easy riding only",
                _ => $"{place.Label} {buildRun}",
            };
            if (phase is PlanPhase.Base or PlanPhase.Build && dates.Any(d => season.TaperShare(d) < 1) && season.GoalFrom(dates[0]) is { } goal && goal.Date.DayNumber - dates[^1].DayNumber < TaperDays)
            {
                focus += $", taper for {goal.Name} begins";
            }

            var events = season.Events.Where(e => dates.Contains(e.Date) && !(phase == PlanPhase.Race && e == place.Goal))
                .Select(e => e.Priority == EventPriority.C ? $"{e.Name} (C) as a hard session" : $"{e.Name} ({e.Priority}) on {e.Date.DayOfWeek.ToString()[..3]}, easier days before it");
            return string.Join(", with ", new[] { focus }.Concat(events));
        }

        /// <summary>
        /// The rider's level per energy system going into the plan: one above the last library session of that system
        /// in the current plan's build weeks before the start (the progression carries on), else from CTL.
        /// </summary>
        private static Dictionary<WorkoutType, int> StartLevels(PlanContext context, double ctl)
        {
            var levels = Enum.GetValues<WorkoutType>().Select(ProgressionLevels.System).Distinct().ToDictionary(s => s, _ => ProgressionLevels.Start(ctl));
            var before = context.Current?.Weeks.SelectMany(w => w.Days.Where(d => d.Date < context.StartDate)
                .SelectMany(d => d.Workouts.Select(x => (Week: w, Session: WorkoutCatalogue.Find(x.LibraryId))))) ?? [];
            foreach (var (week, session) in before)
            {
                if (session is not null && session.Type != WorkoutType.Recovery)
                {
                    var step = week.Phase is PlanPhase.Base or PlanPhase.Build ? 1 : 0;
                    levels[ProgressionLevels.System(session.Type)] = Math.Clamp(session.Level + step, ProgressionLevels.Lowest, ProgressionLevels.Highest);
                }
            }

            return levels;
        }

        /// <summary>The goal's focus when it names one, else the phase's: base sweet spot, build sweet spot and threshold, specialty threshold and VO2max.</summary>
        private WorkoutType[] QualityTypes(string label) => context.Goals.Focus?.ToLower(CultureInfo.InvariantCulture) switch
        {
            { } f when f.Contains("threshold") || f.Contains("ftp") => [WorkoutType.Threshold],
            { } f when f.Contains("sweet") => [WorkoutType.SweetSpot],
            { } f when f.Contains("vo2") => [WorkoutType.Vo2Max],
            { } f when f.Contains("tempo") => [WorkoutType.Tempo],
            _ => label switch
            {
                "Base" => [WorkoutType.SweetSpot],
                "Specialty" => [WorkoutType.Threshold, WorkoutType.Vo2Max],
                _ => [WorkoutType.SweetSpot, WorkoutType.Threshold],
            },
        };
    }
}
