using System.Diagnostics;
using CyclingCoach.Coaching.Domain.Load;
using CyclingCoach.Coaching.Domain.Plans;
using CyclingCoach.Coaching.Domain.Rules;
using CyclingCoach.Coaching.Tests.Scenarios;
using Xunit.Abstractions;
using static System.DayOfWeek;
using CyclingCoach.Coaching.Domain.Athletes;

namespace CyclingCoach.Coaching.Tests.Domain;

/// <summary>
/// The built-in generator's own behaviour (rules by construction, days, sessions, events). Whether its load is what a
/// coach would plan for a rider is the scenario suite's question (Scenarios/).
/// </summary>
public sealed class BuiltInPlanGeneratorTests(ITestOutputHelper output)
{
    private static readonly DateOnly Start = TestPlans.Monday;

    /// <summary><paramref name="hours"/> a week for 16 weeks at 45 TSS an hour, on Tuesday, Thursday, Saturday and Sunday.</summary>
    private static FitnessSnapshot History(double hours)
    {
        if (hours <= 0)
        {
            return FitnessSnapshot.Empty;
        }

        var history = new RideHistory(Start.AddDays(-1)).Weeks(16, (Tuesday, hours * 0.2, hours * 9), (Thursday, hours * 0.2, hours * 9), (Saturday, hours * 0.35, hours * 15.75), (Sunday, hours * 0.25, hours * 11.25));
        return LoadHistory.Snapshot(history.Riding(), Start.AddDays(-1));
    }

    private static TrainingPlan Generate(RuleSet? rules = null, double recentHours = 6, PlanGoals? goals = null, int weeks = 4) =>
        BuiltInPlanGenerator.Generate(new PlanContext(rules ?? RuleSet.None, new AthleteSnapshot(250, 70, null, null, null),
            History(recentHours), goals ?? new PlanGoals(), Start, weeks));

    private static double Hours(PlanWeek week) => week.Days.Sum(d => d.DurationSeconds) / 3600.0;

    private static double Tss(PlanWeek week) => week.Days.SelectMany(d => d.Workouts).Sum(w => w.TargetTss);

    private static IEnumerable<PlannedWorkout> Hard(PlanWeek week) => week.Days.SelectMany(d => d.Workouts).Where(w => w.Type.IsHard());

    public static IEnumerable<RuleSet> Grid()
    {
        DayOfWeek[]?[] available =
        [
            [Tuesday, Thursday, Sunday],
            [Monday, Wednesday, Friday, Saturday],
            [Monday, Tuesday, Wednesday, Thursday, Friday],
            [Monday, Tuesday, Wednesday, Thursday, Saturday, Sunday],
            null,
        ];
        foreach (var days in available)
        foreach (var rest in new[] { false, true })
        foreach (var maxHours in Enumerable.Range(4, 12))
        foreach (var hard in Enumerable.Range(0, 4))
        foreach (var backToBack in new[] { false, true })
        foreach (var longRideDay in new[] { false, true })
        foreach (var dayCaps in new[] { false, true })
        foreach (var blackout in new[] { false, true })
        foreach (var targetEvent in new[] { false, true })
        {
            yield return new RuleSet
            {
                AvailableDays = days,
                RestDays = rest ? [Monday] : [],
                MaxHoursPerWeek = maxHours,
                MaxHardSessionsPerWeek = hard,
                NoBackToBackHardDays = backToBack,
                LongRideDay = longRideDay ? Sunday : null,
                LongRideMaxHours = longRideDay ? 3.5 : null,
                MaxHoursPerDay = dayCaps ? 1.5 : null,
                DayCaps = dayCaps ? [new DayCap(Wednesday, 1)] : [],
                BlackoutDates = blackout ? [new DateRange(Start.AddDays(9), Start.AddDays(12), "travel")] : [],
                Events = targetEvent ? [new TargetEvent("Gran Fondo", Start.AddDays(19)), new TargetEvent("Club TT", Start.AddDays(4), EventPriority.C)] : [],
            };
        }
    }

    [Fact]
    public void Plans_for_a_grid_of_rule_sets_need_no_repair()
    {
        double[] recent = [0, 3, 9, 14];
        var fitness = recent.Select(History).ToArray();
        var cases = 0;
        var clock = Stopwatch.StartNew();
        foreach (var rules in Grid())
        {
            var plan = BuiltInPlanGenerator.Generate(new PlanContext(rules, new AthleteSnapshot(250, 70, null, null, null), fitness[cases++ % recent.Length], new PlanGoals(), Start));
            var where = $"case {cases}: {System.Text.Json.JsonSerializer.Serialize(rules)}";

            var violations = PlanValidator.Validate(plan, rules);
            Assert.True(violations.Count == 0, $"{where}\n{string.Join("\n", violations.Select(v => v.Message))}");
            Assert.Empty(PlanValidator.Repair(plan, rules).Repairs);

            Assert.Equal(4, plan.Weeks.Count);
            Assert.True(plan.Days.Sum(d => d.DurationSeconds) > 0, where);
            // Quality days are spaced even without the back-to-back rule, across week ends too, and keep off a C event's eve and morrow.
            var hardDays = plan.Days.Where(d => d.Workouts.Any(w => w.Type.IsHard()) || rules.HasCEventOn(d.Date)).Select(d => d.Date).ToHashSet();
            Assert.DoesNotContain(hardDays, d => hardDays.Contains(d.AddDays(1)));
            foreach (var e in rules.Events)
            {
                Assert.Empty(plan.Day(e.Date)!.Workouts);
                Assert.Equal(e.Name, plan.Day(e.Date)!.Event?.Name ?? PlanValidator.Repair(plan, rules).Plan.Day(e.Date)!.Event?.Name);
            }
        }

        output.WriteLine($"{cases} rule sets, {clock.Elapsed.TotalMilliseconds / cases:0.000} ms per generate + validate + repair");
        Assert.Equal(5 * 2 * 12 * 4 * 2 * 2 * 2 * 2 * 2, cases);
    }

    [Fact]
    public void Week_one_is_ten_percent_over_the_recent_weeks_and_week_four_recovers_without_intensity()
    {
        var plan = Generate(recentHours: 8);
        output.WriteLine(PlanPrinter.Print(plan, days: false));

        // 8 h at 45 TSS an hour is 360 TSS a week: week 1 may rise 10 %, no more.
        Assert.InRange(Tss(plan.Weeks[0]), 0.97 * 396, 396);
        Assert.True(Tss(plan.Weeks[1]) > Tss(plan.Weeks[0]) && Tss(plan.Weeks[2]) >= Tss(plan.Weeks[1]));
        Assert.Equal([PlanPhase.Build, PlanPhase.Build, PlanPhase.Build, PlanPhase.Recovery], plan.Weeks.Select(w => w.Phase));
        Assert.InRange(Tss(plan.Weeks[3]) / plan.Weeks.Take(3).Average(Tss), 0.55, 0.65);
        Assert.Empty(Hard(plan.Weeks[3]));
        Assert.All(plan.Weeks.Take(3), w => Assert.Equal(2, Hard(w).Count()));
    }

    [Fact]
    public void Without_history_the_block_starts_from_five_hours_at_fifty_tss_an_hour()
    {
        var plan = Generate(recentHours: 0);

        // Seeded at 5 h × 50 TSS/h = 250 TSS; week 1 at most 10 % above it.
        Assert.InRange(Tss(plan.Weeks[0]), 0.9 * 250, 275);
        Assert.Contains("No rides yet", plan.Notes);
        Assert.InRange(Hours(Generate(recentHours: 0, goals: new PlanGoals(WeeklyHours: 3)).Weeks[0]), 2.7, 3.0);
    }

    /// <summary>
    /// A rider with almost no recent riding still gets every available day's session in a build week of at least 2 h,
    /// with the focus's quality session on Tuesday and the long ride on Sunday (a 0.75 h history once left 32 minutes).
    /// </summary>
    [Theory]
    [InlineData(0.5)]
    [InlineData(3)]
    public void A_little_recent_riding_still_gives_a_plan_with_its_quality_sessions(double rideHours)
    {
        var rules = BuiltInRuleParser.Parse("I can ride Tuesday, Thursday, Saturday and Sunday. No more than 8 hours a week. Max 2 hard sessions per week. Long ride on Sunday up to 4 hours.").Rules;
        var history = new RideHistory(Start.AddDays(-1)).Ride(Start.AddDays(-10), rideHours, rideHours * 45);
        var plan = BuiltInPlanGenerator.Generate(new PlanContext(rules, new AthleteSnapshot(250, 70, null, null, null),
            LoadHistory.Snapshot(history.Riding(), Start.AddDays(-1)), new PlanGoals("threshold"), Start));
        output.WriteLine(PlanPrinter.Print(plan));

        Assert.All(plan.Weeks.Where(w => w.Phase == PlanPhase.Build), week =>
        {
            Assert.True(Hours(week) >= 2, $"{Hours(week):0.0} h");
            Assert.Contains(week.Days, d => d.Date.DayOfWeek == Tuesday && d.Workouts.Any(w => w.Type == WorkoutType.Threshold));
            Assert.Contains(week.Days, d => d.Date.DayOfWeek == Sunday && d.Workouts.Any(w => w.Type == WorkoutType.LongRide));
        });
        Assert.Empty(PlanValidator.Validate(plan, rules));
    }

    [Fact]
    public void Goal_hours_and_the_rules_bound_every_week_and_the_minimum_lifts_them()
    {
        Assert.All(Generate(recentHours: 10, goals: new PlanGoals(WeeklyHours: 7)).Weeks, w => Assert.InRange(Hours(w), 0, 7));
        Assert.All(Generate(new RuleSet { MaxHoursPerWeek = 4 }, recentHours: 10).Weeks, w => Assert.InRange(Hours(w), 0, 4));
        // A 5-hour minimum lifts a 3-hour history, the recovery week too.
        Assert.All(Generate(new RuleSet { MinHoursPerWeek = 5 }, recentHours: 3).Weeks, w => Assert.True(Hours(w) >= 4.95, $"{Hours(w):0.00} h"));
    }

    [Fact]
    public void The_long_ride_is_on_the_long_ride_day_within_its_cap_and_is_the_week_s_longest()
    {
        var rules = new RuleSet { LongRideDay = Sunday, LongRideMaxHours = 3, MaxHoursPerDay = 2 };

        var plan = Generate(rules, recentHours: 10);

        foreach (var week in plan.Weeks.Where(w => w.Phase == PlanPhase.Build))
        {
            var ride = Assert.Single(week.Days[6].Workouts);
            Assert.Equal(WorkoutType.LongRide, ride.Type);
            Assert.Equal(ride.DurationSeconds, week.Days.Max(d => d.DurationSeconds));
            Assert.True(ride.DurationSeconds <= 3 * 3600);
        }
    }

    /// <summary>The recovery week has no long ride (nothing long, nothing hard: coaching.md §2); build weeks do.</summary>
    [Fact]
    public void Without_a_long_ride_day_the_long_ride_falls_on_an_available_weekend_day()
    {
        var plan = Generate(new RuleSet { AvailableDays = [Tuesday, Thursday, Sunday] });

        Assert.All(plan.Weeks.Where(w => w.Phase == PlanPhase.Build), w => Assert.Equal(WorkoutType.LongRide, Assert.Single(w.Days[6].Workouts).Type));
        Assert.DoesNotContain(plan.Weeks.Single(w => w.Phase == PlanPhase.Recovery).Days.SelectMany(d => d.Workouts), w => w.Type == WorkoutType.LongRide);
    }

    [Theory]
    [InlineData("threshold", new[] { WorkoutType.Threshold })]
    [InlineData("Sweet spot base", new[] { WorkoutType.SweetSpot })]
    [InlineData("VO2max", new[] { WorkoutType.Vo2Max })]
    [InlineData(null, new[] { WorkoutType.SweetSpot, WorkoutType.Threshold })]
    public void The_focus_chooses_the_quality_sessions(string? focus, WorkoutType[] expected)
    {
        var plan = Generate(goals: new PlanGoals(focus));

        Assert.Equal(expected, plan.Weeks.Take(3).SelectMany(Hard).Select(w => w.Type).Distinct().Order());
    }

    [Fact]
    public void Tempo_focus_plans_tempo_as_its_quality_session()
    {
        var plan = Generate(goals: new PlanGoals("tempo"));

        Assert.Empty(plan.Weeks.SelectMany(Hard));
        Assert.True(plan.Weeks[0].Days.SelectMany(d => d.Workouts).Count(w => w.Type == WorkoutType.Tempo) >= 2);
    }

    [Fact]
    public void Before_an_A_event_the_volume_tapers_with_openers_and_after_it_only_easy_riding()
    {
        var eventDate = Start.AddDays(19); // Saturday of week 3
        var rules = new RuleSet { Events = [new TargetEvent("Tour of Flanders sportive", eventDate)] };
        double Hours(TrainingPlan plan, int from, int to) => plan.Days.Where(d => d.Date >= eventDate.AddDays(from) && d.Date < eventDate.AddDays(to)).Sum(d => d.DurationSeconds) / 3600.0;

        var plan = PlanValidator.Repair(Generate(rules, recentHours: 8), rules).Plan;
        output.WriteLine(PlanPrinter.Print(plan));

        // The last 7 days at 40–60 % of an 8-hour week, with one or two short openers and nothing hard in the last 48 h.
        Assert.InRange(Hours(plan, -7, 0) / 8, 0.40, 0.60);
        var last = plan.Days.Where(d => d.Date >= eventDate.AddDays(-7) && d.Date < eventDate).ToList();
        Assert.InRange(last.Count(d => d.Workouts.Any(w => w.Name == "Race openers")), 1, 2);
        Assert.DoesNotContain(last.Where(d => d.Date >= eventDate.AddDays(-2)), d => d.Workouts.Any(w => w.Type.IsHard()));
        Assert.Equal([PlanPhase.Build, PlanPhase.Taper, PlanPhase.Race, PlanPhase.Transition], plan.Weeks.Select(w => w.Phase));
        Assert.Equal("Race week: Tour of Flanders sportive on Saturday", plan.Weeks[2].Focus);
        Assert.Equal(new PlannedEvent("Tour of Flanders sportive", EventPriority.A), plan.Day(eventDate)!.Event);
        // The event day and the day after are free; the Sunday after holds no more than a short spin; the next week is easy only.
        Assert.Empty(plan.Day(eventDate)!.Workouts);
        Assert.All(plan.Days.Where(d => d.Date > eventDate && d.Date < Start.AddDays(21)).SelectMany(d => d.Workouts), w => Assert.Equal(WorkoutType.Recovery, w.Type));
        Assert.DoesNotContain(plan.Weeks[3].Days.SelectMany(d => d.Workouts), w => w.Type.IsHard() || w.Type == WorkoutType.Tempo);
    }

    [Fact]
    public void A_start_that_is_not_a_Monday_is_refused() =>
        Assert.Throws<ArgumentException>(() => BuiltInPlanGenerator.Generate(new PlanContext(RuleSet.None, new AthleteSnapshot(null, null, null, null, null), FitnessSnapshot.Empty, new PlanGoals(), Start.AddDays(2))));

    [Fact]
    public void An_eight_week_block_repeats_the_cycle_and_builds_on_the_first()
    {
        var plan = Generate(recentHours: 6, weeks: 8);

        Assert.Equal(["Build 1", "Build 2", "Build 3", "Recovery", "Build 1", "Build 2", "Build 3", "Recovery"], plan.Weeks.Select(w => w.Focus.Split(':')[0]));
        Assert.True(Tss(plan.Weeks[4]) > Tss(plan.Weeks[0]), $"{Tss(plan.Weeks[4]):0} after the recovery week, {Tss(plan.Weeks[0]):0} in week 1");
    }

    [Fact]
    public void Build_weeks_behind_the_rider_bring_the_recovery_week_forward()
    {
        // Three weeks each 15 % over what CTL holds: the next week is the recovery week.
        var history = new RideHistory(Start.AddDays(-1)).Weeks(12, 3, (Tuesday, 1.5, 70), (Thursday, 1.5, 70), (Saturday, 3, 140), (Sunday, 2, 90))
            .Weeks(3, (Tuesday, 2, 95), (Thursday, 2, 95), (Saturday, 3.5, 160), (Sunday, 2.5, 115));
        var plan = BuiltInPlanGenerator.Generate(new PlanContext(RuleSet.None, new AthleteSnapshot(250, 70, null, null, null),
            LoadHistory.Snapshot(history.Riding(), Start.AddDays(-1)), new PlanGoals(), Start));

        Assert.Equal([PlanPhase.Recovery, PlanPhase.Build, PlanPhase.Build, PlanPhase.Build], plan.Weeks.Select(w => w.Phase));
    }
}
