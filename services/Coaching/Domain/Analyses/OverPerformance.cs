using CyclingCoach.Coaching.Domain.Plans;
using CyclingCoach.Coaching.Domain.Rules;
using CyclingCoach.Training.Science;
using static CyclingCoach.Coaching.Domain.Load.CoachingPrinciples;

namespace CyclingCoach.Coaching.Domain.Analyses;

/// <summary>Why the FTP looks out of date, and the FTP the rides give when they give one.</summary>
public sealed record FtpCheck(string Why, IReadOnlyList<string> Cites, double? ProposedFtpWatts);

/// <summary>
/// Repeated over-performance → an FTP test (coaching.md §5): IF above 1.0 for an hour or more (FTP ≈ best 1-hour
/// power [AC], so the ride's best hour is offered); or two rides within 14 days whose best 20 minutes × 0.95 is at
/// least FTP + 3 % (95 % of this ride's best 20 minutes is offered); or more than 6 weeks since the FTP last changed
/// with hard sessions done (reassess every 4–6 weeks [TR-F]: a test only). Rides held for implausible data prove
/// nothing.
/// </summary>
public static class OverPerformance
{
    /// <summary>A test day is at least this fresh: the top of intervals.icu's optimal training band [E; FR4: test when fresh].</summary>
    public const double TestFreshTsb = -10;

    public static FtpCheck? Assess(AnalysisFacts facts)
    {
        if (facts.LoadHeld || facts.FtpWatts is not { } ftp)
        {
            return null;
        }

        if (facts.IntensityFactor > OverFtpIntensityFactor && facts.DurationSeconds >= OverFtpMinSeconds)
        {
            var hour = facts.Best60MinWatts ?? facts.NormalizedPowerWatts ?? ftp * facts.IntensityFactor.Value;
            return new FtpCheck(
                $"You held IF {facts.IntensityFactor:0.00} for {facts.DurationSeconds / 60:0} min: above FTP for an hour, so your FTP of {ftp:0} W is too low "
                + $"(FTP is about your best hour: {hour:0} W in this ride).",
                facts.Best60MinWatts is null ? ["intensityFactor", "durationSeconds", "ftpWatts"] : ["intensityFactor", "durationSeconds", "ftpWatts", "best60MinWatts"],
                Math.Round(hour));
        }

        if (facts.StrongEffortsLast14Days >= StrongEffortsNeeded && facts.Best20MinWatts is { } best20
            && best20 * FtpEstimator.TwentyMinuteFactor >= ftp * (1 + StrongEffortMargin))
        {
            var estimate = Math.Round(best20 * FtpEstimator.TwentyMinuteFactor);
            return new FtpCheck(
                $"{facts.StrongEffortsLast14Days:0} rides in {StrongEffortWindowDays} days had a best 20 minutes worth at least FTP + {StrongEffortMargin:P0}: "
                + $"95 % of this ride's {best20:0} W is {estimate:0} W against your FTP of {ftp:0} W.",
                ["strongEffortsLast14Days", "best20MinWatts", "ftpWatts"],
                estimate);
        }

        if (facts.DaysSinceFtpChange > RetestAfterDays && facts.HardRidesSinceFtpChange >= HardRidesBeforeRetest)
        {
            return new FtpCheck(
                $"Your FTP of {ftp:0} W was last set {facts.DaysSinceFtpChange:0} days ago and you have done {facts.HardRidesSinceFtpChange:0} hard rides since: "
                + $"FTP is worth retesting every 4–6 weeks.",
                ["daysSinceFtpChange", "hardRidesSinceFtpChange", "ftpWatts"],
                null);
        }

        return null;
    }

    /// <summary>
    /// Allen &amp; Coggan's 20-minute test [AC]: warm up, three 1-minute openers, 5 minutes easy, 20 minutes as hard as
    /// can be held evenly, cool down; FTP is 95 % of the 20 minutes. A hard session (typed threshold).
    /// </summary>
    public static PlannedWorkout FtpTest { get; } = Build();

    /// <summary>The first day of the next week after the ride that can take the test: free, allowed, an easy day either side, no rule broken, fresh enough.</summary>
    public static PlanSuggestion? TestDay(TrainingPlan plan, AnalysisFacts facts, RuleSet rules, string why, IReadOnlyList<string> cites, IReadOnlySet<DateOnly>? taken = null)
    {
        foreach (var day in plan.Days.Where(d => d.Date > facts.Date && d.Date <= facts.Date.AddDays(7) && Reactions.IsFree(d)
                     && rules.AllowsSessionOn(d.Date) && taken?.Contains(d.Date) != true))
        {
            var op = new PlanOperation(PlanOperationKind.Replace, day.Date, Workout: FtpTest);
            if (PlanOperationApplier.Apply(plan, op) is { Succeeded: true, Plan: var after }
                && !Reactions.HardOn(after, day.Date.AddDays(-1)) && !Reactions.HardOn(after, day.Date.AddDays(1))
                && !Reactions.BreaksRules(plan, after, rules)
                && Reactions.ProjectedTsbInto(after, facts, day.Date) > TestFreshTsb)
            {
                return new PlanSuggestion(op, $"Test your FTP on {day.Date:ddd d MMM} ({FtpTest.Name}, {FtpTest.DurationSeconds / 60} min): {why}", cites);
            }
        }

        return null;
    }

    private static PlannedWorkout Build()
    {
        List<WorkoutStep> steps =
        [
            new(StepKind.Warmup, 15 * 60, 0.45, 0.70),
            new(StepKind.Intervals, 60, 1.10, 1.10, Repeat: 3, OffDurationSeconds: 60, OffPower: 0.50),
            new(StepKind.Steady, 5 * 60, 0.55, 0.55),
            new(StepKind.Steady, 20 * 60, 1.00, 1.00),
            new(StepKind.Cooldown, 10 * 60, 0.60, 0.40),
        ];
        return new PlannedWorkout(WorkoutType.Threshold, "FTP test (20 min)", WorkoutSteps.TotalSeconds(steps), 4, WorkoutSteps.Tss(steps), steps,
            "Allen & Coggan's 20-minute test: warm up, three 1-min openers, 5 min easy, then 20 min as hard as you can hold evenly, cool down. "
            + "Your FTP is 95 % of the 20-minute average power.");
    }
}
