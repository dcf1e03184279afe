using CyclingCoach.Coaching.Domain.Plans;
using CyclingCoach.Coaching.Domain.Rules;
using Xunit.Abstractions;

namespace CyclingCoach.Coaching.Tests.Domain;

/// <summary>
/// Random plans × random rule sets a rider can store (seeded, so a failure replays): whatever Repair accepts keeps
/// every rule as <see cref="RuleChecker"/> reads it — written from what each rule means to the rider, not from the
/// validator — repairing again changes nothing, and a session on a day the rider cannot ride moves to a free riding
/// day of its week instead of vanishing. Mutated repairers (wrappers around the real one) must fail the same checks,
/// so the checks are known to catch what they are for.
/// </summary>
public sealed class PlanRepairPropertyTests(ITestOutputHelper output)
{
    private const int Cases = 600;

    private static readonly WorkoutType[] Types = Enum.GetValues<WorkoutType>();

    public delegate PlanRepairResult Repairer(TrainingPlan plan, RuleSet rules);

    [Fact]
    public void Accepted_plans_keep_every_rule_and_repair_is_idempotent()
    {
        var failures = EveryRule(PlanValidator.Repair, out var accepted, out var repaired);

        Assert.True(failures.Count == 0, string.Join("\n", failures.Take(20)));
        output.WriteLine($"{accepted} accepted of {Cases}, {repaired} of them needed repairs");
        // The generator must exercise the repairs, not only hand over valid plans.
        Assert.True(repaired > accepted / 2, $"only {repaired} of {accepted} accepted plans needed a repair");
    }

    [Fact]
    public void Sessions_on_days_without_riding_move_to_free_riding_days_of_their_week()
    {
        var failures = Placement(PlanValidator.Repair, out var displaced);

        Assert.True(failures.Count == 0, string.Join("\n", failures.Take(20)));
        output.WriteLine($"{displaced} sessions on days without riding");
        Assert.True(displaced > Cases, $"only {displaced} displaced sessions: the generator does not exercise moves");
    }

    /// <summary>Repairers with one thing wrong, each built around the real one, and what in the checks' report says so.</summary>
    public static readonly IReadOnlyDictionary<string, (Repairer Repair, string CaughtBy)> Mutants = new Dictionary<string, (Repairer, string)>
    {
        // Drops every session on a day without riding instead of moving it: the plan then keeps every rule.
        ["drops sessions instead of moving them"] = ((plan, rules) => PlanValidator.Repair(
            plan with { Weeks = [.. plan.Weeks.Select(w => w with { Days = [.. w.Days.Select(d => RuleChecker.RidingAllowed(rules, d.Date) ? d : d with { Workouts = [] })] })] },
            rules), "sessions kept of"),
        // Never tops a week up to the rider's minimum.
        ["ignores the weekly minimum"] = ((plan, rules) => PlanValidator.Repair(plan, rules with { MinHoursPerWeek = null }), "minimum, while"),
        // Reads "no back-to-back hard days" and "at most N hard sessions" by the label alone: an engine that calls its
        // 2 × 12 min at 90 % FTP "tempo" gets it through.
        ["trusts a hard session's label"] = ((plan, rules) => PlanValidator.Repair(
            plan with { Weeks = [.. plan.Weeks.Select(w => w with { Days = [.. w.Days.Select(d => d with { Workouts = [.. d.Workouts.Select(x => x.Type == WorkoutType.SweetSpot ? x with { Type = WorkoutType.Tempo } : x)] })] })] },
            rules), "hard"),
    };

    public static TheoryData<string> MutantNames() => [.. Mutants.Keys];

    [Theory]
    [MemberData(nameof(MutantNames))]
    public void A_mutated_repairer_fails_the_checks_made_for_it(string mutant)
    {
        var (repair, caughtBy) = Mutants[mutant];
        var failures = EveryRule(repair, out _, out _).Concat(Placement(repair, out _)).ToList();

        output.WriteLine($"{failures.Count} failures, e.g. {failures.FirstOrDefault()}");
        Assert.Contains(failures, f => f.Contains(caughtBy, StringComparison.Ordinal));
    }

    /// <summary>Every case, every rule: the failures found (none for a right repairer).</summary>
    private static List<string> EveryRule(Repairer repair, out int accepted, out int repaired)
    {
        var failures = new List<string>();
        accepted = repaired = 0;
        for (var seed = 0; seed < Cases; seed++)
        {
            var random = new Random(seed);
            var (plan, soundCalendar) = RandomPlan(random);
            var rules = RandomRules(random, plan.StartDate, placementOnly: false);
            var result = repair(plan, rules);

            // Every rule violation has a repair; only a broken calendar is refused.
            if (result.Accepted != soundCalendar)
            {
                failures.Add($"seed {seed}: accepted {result.Accepted}, sound calendar {soundCalendar}: {string.Join(" | ", result.Remaining.Select(v => v.Message))}");
            }

            if (!result.Accepted)
            {
                continue;
            }

            accepted++;
            repaired += result.Repairs.Count > 0 ? 1 : 0;
            failures.AddRange(RuleChecker.Broken(result.Plan, rules).Select(b => $"seed {seed}: {b}\n  repairs: {string.Join(" | ", result.Repairs)}"));

            var again = repair(result.Plan, rules);
            if (again.Repairs.Count > 0 || again.Plan.Json() != result.Plan.Json())
            {
                failures.Add($"seed {seed}: a second repair did {string.Join(" | ", again.Repairs)}");
            }
        }

        return failures;
    }

    /// <summary>
    /// Rules that only say where riding is allowed (days, rest days, blackouts), so nothing but a move can change a
    /// week: each session on a day without riding goes to a free riding day of its own in the same week (a coach does
    /// not stack a second session on a day to make room [E]) and is dropped only when the week has none left.
    /// </summary>
    private static List<string> Placement(Repairer repair, out int displaced)
    {
        var failures = new List<string>();
        displaced = 0;
        for (var seed = 0; seed < Cases; seed++)
        {
            var random = new Random(seed);
            var (plan, soundCalendar) = RandomPlan(random);
            if (!soundCalendar)
            {
                continue;
            }

            var rules = RandomRules(random, plan.StartDate, placementOnly: true);
            var result = repair(plan, rules);
            for (var w = 0; w < plan.Weeks.Count; w++)
            {
                var days = plan.Weeks[w].Days;
                var sessions = days.Sum(d => d.Workouts.Count(x => x.DurationSeconds > 0));
                var away = days.Where(d => !RuleChecker.RidingAllowed(rules, d.Date)).Sum(d => d.Workouts.Count(x => x.DurationSeconds > 0));
                var free = days.Count(d => RuleChecker.RidingAllowed(rules, d.Date) && d.Workouts.All(x => x.DurationSeconds <= 0));
                var expected = sessions - Math.Max(0, away - free);
                var kept = result.Plan.Weeks[w].Days.Sum(d => d.Workouts.Count);
                displaced += away;
                if (kept != expected)
                {
                    failures.Add($"seed {seed}, week {w + 1}: {kept} sessions kept of {sessions} ({away} on days without riding, {free} free riding days): expected {expected}");
                }
            }

            failures.AddRange(RuleChecker.Broken(result.Plan, rules).Select(b => $"seed {seed} (placement rules): {b}"));
        }

        return failures;
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

    /// <summary>A rule set the rules API would store (RuleSetChecks), drawn until one is.</summary>
    private static RuleSet RandomRules(Random random, DateOnly start, bool placementOnly)
    {
        while (true)
        {
            var rules = Draw(random, start);
            if (placementOnly)
            {
                rules = new RuleSet { AvailableDays = rules.AvailableDays, RestDays = rules.RestDays, BlackoutDates = rules.BlackoutDates };
            }

            if (RuleSetChecks.Validate(rules).Count == 0)
            {
                return rules;
            }
        }
    }

    private static RuleSet Draw(Random random, DateOnly start)
    {
        DayOfWeek[] Days(int max) => Enum.GetValues<DayOfWeek>().Where(_ => random.Next(7) < max).ToArray();
        double? Maybe(double low, double high) => random.Next(2) == 0 ? null : Math.Round(low + random.NextDouble() * (high - low), 2);

        return new RuleSet
        {
            AvailableDays = random.Next(3) == 0 ? null : Days(random.Next(1, 8)),
            RestDays = Days(random.Next(0, 3)),
            MaxHoursPerWeek = Maybe(1, 15),
            MinHoursPerWeek = Maybe(1, 10),
            MaxHoursPerDay = Maybe(0.25, 4),
            DayCaps = Enum.GetValues<DayOfWeek>().OrderBy(_ => random.Next()).Take(random.Next(3))
                .Select(day => new DayCap(day, Math.Round(0.25 + random.NextDouble() * 3, 2))).ToList(),
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
}
