using CyclingCoach.Coaching.Coach.Plans;
using CyclingCoach.Coaching.Coach.Rules;
using Xunit.Abstractions;

namespace CyclingCoach.Coaching.Tests.Coach;

/// <summary>
/// Random plans × random rule sets (seeded, so a failure replays): whatever Repair accepts satisfies every rule by a
/// checker written here from the rules' definitions (it does not call the validator), and repairing again changes nothing.
/// </summary>
public sealed class PlanRepairPropertyTests(ITestOutputHelper output)
{
    private const int Cases = 600;

    private static readonly WorkoutType[] Types = Enum.GetValues<WorkoutType>();

    [Fact]
    public void Accepted_plans_satisfy_every_rule_and_repair_is_idempotent()
    {
        var accepted = 0;
        var repaired = 0;
        for (var seed = 0; seed < Cases; seed++)
        {
            var random = new Random(seed);
            var (plan, soundCalendar) = RandomPlan(random);
            var rules = RandomRules(random, plan.StartDate);

            var result = PlanValidator.Repair(plan, rules);

            // Every rule violation has a repair; only a broken calendar is refused.
            Assert.True(result.Accepted == soundCalendar, $"seed {seed}: accepted {result.Accepted}, sound calendar {soundCalendar}: {string.Join(" | ", result.Remaining.Select(v => v.Message))}");
            if (!result.Accepted)
            {
                continue;
            }

            accepted++;
            repaired += result.Repairs.Count > 0 ? 1 : 0;
            var broken = IndependentCheck(result.Plan, rules);
            Assert.True(broken.Count == 0, $"seed {seed}: {string.Join(" | ", broken)}\nrepairs: {string.Join(" | ", result.Repairs)}");

            var again = PlanValidator.Repair(result.Plan, rules);
            Assert.True(again.Repairs.Count == 0, $"seed {seed}: second repair did {string.Join(" | ", again.Repairs)}");
            Assert.Equal(result.Plan.Json(), again.Plan.Json());
        }

        output.WriteLine($"{accepted} accepted of {Cases}, {repaired} of them needed repairs");
        // The generator must exercise the repairs, not only hand over valid plans.
        Assert.True(repaired > accepted / 2, $"only {repaired} of {accepted} accepted plans needed a repair");
    }

    private static (TrainingPlan Plan, bool SoundCalendar) RandomPlan(Random random)
    {
        var start = new DateOnly(2027, 1, 4).AddDays(7 * random.Next(0, 52));
        var fault = random.Next(20);
        if (fault == 0)
        {
            start = start.AddDays(random.Next(1, 7));
        }

        var weeks = Enumerable.Range(0, random.Next(1, 6)).Select(w => new PlanWeek(w + 1, "random",
            Enumerable.Range(0, 7).Select(d => new PlanDay(start.AddDays(w * 7 + d), RandomDay(random))).ToList())).ToList();
        if (fault == 1)
        {
            weeks[^1] = weeks[^1] with { Days = weeks[^1].Days.Take(random.Next(0, 7)).ToList() };
        }

        return (new TrainingPlan(start, "random", weeks), fault > 1);
    }

    private static List<PlannedWorkout> RandomDay(Random random)
    {
        var count = random.Next(10) switch { < 4 => 0, < 9 => 1, _ => 2 };
        return Enumerable.Range(0, count).Select(_ =>
        {
            var workout = WorkoutLibrary.Build(Types[random.Next(Types.Length)], random.Next(20, 330) * 60);
            return random.Next(12) switch
            {
                0 => workout with { TargetTss = workout.TargetTss * 2 + 5 },
                1 => workout with { DurationSeconds = workout.DurationSeconds + 600, Zone = 9 },
                2 => workout with { Steps = [], DurationSeconds = random.Next(0, 2) * 5400 },
                _ => workout,
            };
        }).ToList();
    }

    private static RuleSet RandomRules(Random random, DateOnly start)
    {
        DayOfWeek[] Days(int max) => Enum.GetValues<DayOfWeek>().Where(_ => random.Next(7) < max).ToArray();
        double? Maybe(double low, double high) => random.Next(2) == 0 ? null : Math.Round(low + random.NextDouble() * (high - low), 2);

        return new RuleSet
        {
            AvailableDays = random.Next(3) == 0 ? null : Days(random.Next(1, 8)),
            RestDays = Days(random.Next(0, 3)),
            MaxHoursPerWeek = Maybe(1, 15),
            MinHoursPerWeek = Maybe(1, 10),
            MaxHoursPerDay = Maybe(0.2, 4),
            DayCaps = Enumerable.Range(0, random.Next(3)).Select(_ => new DayCap((DayOfWeek)random.Next(7), Math.Round(0.2 + random.NextDouble() * 3, 2))).ToList(),
            LongRideDay = random.Next(2) == 0 ? null : (DayOfWeek)random.Next(7),
            LongRideMaxHours = Maybe(1, 6),
            MaxHardSessionsPerWeek = random.Next(2) == 0 ? null : random.Next(0, 4),
            NoBackToBackHardDays = random.Next(2) == 0,
            BlackoutDates = Enumerable.Range(0, random.Next(3)).Select(_ =>
            {
                var from = start.AddDays(random.Next(-3, 35));
                return new DateRange(from, from.AddDays(random.Next(0, 6)));
            }).ToList(),
        };
    }

    /// <summary>The rules restated from RuleSet's definitions, without the validator or RuleSetQueries.</summary>
    private static List<string> IndependentCheck(TrainingPlan plan, RuleSet rules)
    {
        var broken = new List<string>();
        static bool Hard(WorkoutType t) => t is WorkoutType.SweetSpot or WorkoutType.Threshold or WorkoutType.Vo2Max or WorkoutType.Anaerobic or WorkoutType.Sprint;

        if (plan.StartDate.DayOfWeek != DayOfWeek.Monday)
        {
            broken.Add("start is not a Monday");
        }

        var previousHard = false;
        var expected = plan.StartDate;
        for (var w = 0; w < plan.Weeks.Count; w++)
        {
            var week = plan.Weeks[w];
            if (week.WeekNumber != w + 1 || week.Days.Count != 7)
            {
                broken.Add($"week {w + 1} numbered {week.WeekNumber} with {week.Days.Count} days");
            }

            var weekSeconds = 0;
            var weekHard = 0;
            foreach (var day in week.Days)
            {
                if (day.Date != expected)
                {
                    broken.Add($"{day.Date} where {expected} was expected");
                }

                expected = expected.AddDays(1);
                var dow = day.Date.DayOfWeek;
                var seconds = day.Workouts.Sum(x => x.DurationSeconds);
                weekSeconds += seconds;
                weekHard += day.Workouts.Count(x => Hard(x.Type));
                var hard = day.Workouts.Any(x => Hard(x.Type));
                if (rules.NoBackToBackHardDays && hard && previousHard)
                {
                    broken.Add($"{day.Date}: hard after a hard day");
                }

                previousHard = hard;
                foreach (var x in day.Workouts)
                {
                    var stepSeconds = x.Steps.Sum(s => s.Kind == StepKind.Intervals ? s.Repeat * (s.DurationSeconds + s.OffDurationSeconds) : s.DurationSeconds);
                    var tss = x.Steps.Sum(s => s.Kind == StepKind.Intervals
                        ? s.Repeat * (s.DurationSeconds * s.PowerHigh * s.PowerHigh + s.OffDurationSeconds * s.OffPower * s.OffPower)
                        : s.DurationSeconds * (s.PowerLow * s.PowerLow + s.PowerLow * s.PowerHigh + s.PowerHigh * s.PowerHigh) / 3) / 36;
                    if (x.DurationSeconds <= 0 || Math.Abs(x.DurationSeconds - stepSeconds) > 60 || x.Zone is < 1 or > 7 || !(Math.Abs(x.TargetTss - tss) <= 1.05)
                        || x.Steps.Any(s => s.PowerLow is < 0 or > 3 || s.PowerHigh is < 0 or > 3 || s.OffPower is < 0 or > 3))
                    {
                        broken.Add($"{day.Date}: {x.Name} does not match its steps");
                    }
                }

                if (seconds == 0)
                {
                    continue;
                }

                if (rules.RestDays.Contains(dow) || (rules.AvailableDays is not null && !rules.AvailableDays.Contains(dow))
                    || rules.BlackoutDates.Any(r => day.Date >= r.From && day.Date <= r.To))
                {
                    broken.Add($"{day.Date}: a session on a day without riding");
                }

                var longRideDay = rules.LongRideDay is { } l ? l == dow : day.Workouts.Any(x => x.Type == WorkoutType.LongRide);
                var capHours = longRideDay && rules.LongRideMaxHours is { } longCap
                    ? longCap
                    : rules.DayCaps.Where(c => c.Day == dow).Select(c => (double?)c.MaxHours).LastOrDefault() ?? rules.MaxHoursPerDay;
                if (capHours is { } cap && seconds > cap * 3600 + 0.5)
                {
                    broken.Add($"{day.Date}: {seconds} s over the {cap} h cap");
                }
            }

            if (rules.MaxHoursPerWeek is { } max && weekSeconds > max * 3600 + 0.5)
            {
                broken.Add($"week {w + 1}: {weekSeconds} s over {max} h");
            }

            if (rules.MaxHardSessionsPerWeek is { } maxHard && weekHard > maxHard)
            {
                broken.Add($"week {w + 1}: {weekHard} hard sessions over {maxHard}");
            }
        }

        return broken;
    }
}
