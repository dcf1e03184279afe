using CyclingCoach.Coaching.Coach.Plans;
using CyclingCoach.Coaching.Engines;

namespace CyclingCoach.Coaching.Coach.Analyses;

/// <summary>
/// The built-in coach's feedback on a ride: deterministic, from the computed facts alone. Claims cite the facts they
/// state; suggestions change only days after the ride and are kept only when they apply to the plan, so the output
/// passes <see cref="FeedbackValidator"/>. The two suggestion branches (ease after fatigue or an overshoot, make up a
/// missed hard session when not tired) exclude each other, so the suggestions never conflict.
/// </summary>
public static class BuiltInAnalyzer
{
    /// <summary>Below this TSB fatigue is high (GoldenCheetah and TrainingPeaks put "overreaching" around −25 to −30).</summary>
    public const double FatiguedTsb = -25;

    /// <summary>A ride above this multiple of the planned TSS overshoots enough to ease the next hard session.</summary>
    public const double OvershootRatio = 1.5;

    public const double PoorCompliancePercent = 60;

    public const double GoodCompliancePercent = 90;

    /// <summary>IF above this on an easy day is tempo or harder (Coggan: endurance rides sit at IF 0.65–0.75).</summary>
    public const double EasyDayMaxIntensityFactor = 0.85;

    /// <summary>Without power: average HR above this fraction of LTHR is above Friel's zone 2 (81–89 % LTHR).</summary>
    public const double EasyDayMaxLthrFraction = 0.90;

    /// <summary>How far ahead a tired rider's next hard session is eased.</summary>
    private const int EaseWithinDays = 3;

    /// <summary>How far ahead a missed hard session may be made up.</summary>
    private const int MakeUpWithinDays = 7;

    public static CoachFeedback Analyze(AnalysisContext context)
    {
        var facts = context.Facts;
        var planned = facts.Planned;
        var onTss = planned is not null && Compliance.UsesTss(planned.TargetTss, facts.TrainingStressScore);
        // What compliance was measured on, as the facts to cite and the two numbers.
        string[] measure = onTss ? ["trainingStressScore", "plannedTss"] : ["durationSeconds", "plannedDurationSeconds"];
        var (done, target) = onTss ? (facts.TrainingStressScore!.Value, planned!.TargetTss) : (facts.DurationSeconds, planned?.DurationSeconds ?? 0);
        var tired = facts.Tsb < FatiguedTsb;
        var overshoot = onTss && done > OvershootRatio * target;
        var missedHard = planned is not null && planned.Type.IsHard() && facts.CompliancePercent < PoorCompliancePercent && done < target;

        var strengths = new List<CoachClaim>();
        var improvements = new List<CoachClaim>();
        if (planned is not null && facts.CompliancePercent is { } compliance)
        {
            var amounts = onTss ? $"TSS {done:0} of {target:0}" : $"{Minutes(done)} of {Minutes(target)}";
            if (compliance >= GoodCompliancePercent)
            {
                strengths.Add(new CoachClaim($"Rode the planned {planned.Name} as planned: {compliance:0} % compliance ({amounts}).", ["compliancePercent", .. measure]));
            }
            else if (compliance < PoorCompliancePercent)
            {
                var what = done < target ? "much less than" : "much more than";
                improvements.Add(new CoachClaim($"Did {what} the planned {planned.Name}: {compliance:0} % compliance ({amounts}).", ["compliancePercent", .. measure]));
            }
        }

        if (facts.PlannedRestDay)
        {
            improvements.Add(new CoachClaim($"Rode {Minutes(facts.DurationSeconds)} on a planned rest day; rest is when the training is absorbed.", ["durationSeconds"]));
        }

        if (planned?.Type is WorkoutType.Recovery or WorkoutType.Endurance or WorkoutType.LongRide)
        {
            if (facts.IntensityFactor > EasyDayMaxIntensityFactor)
            {
                improvements.Add(new CoachClaim(
                    $"Rode too hard on an easy day: IF {facts.IntensityFactor:0.00} on a planned {planned.Name} (easy rides stay below {EasyDayMaxIntensityFactor:0.00}).",
                    ["intensityFactor"]));
            }
            else if (facts.IntensityFactor is null && facts.AverageHeartRateBpm is { } hr && facts.LactateThresholdHeartRateBpm is { } lthr
                && hr > EasyDayMaxLthrFraction * lthr)
            {
                improvements.Add(new CoachClaim(
                    $"Rode too hard on an easy day: average HR {hr:0} bpm is {hr / lthr:P0} of LTHR {lthr:0} bpm on a planned {planned.Name} (easy rides stay below {EasyDayMaxLthrFraction:P0}).",
                    ["averageHeartRateBpm", "lactateThresholdHeartRateBpm"]));
            }
        }

        if (tired)
        {
            improvements.Add(new CoachClaim(
                $"Fatigue is high: TSB {facts.Tsb:0} (fitness CTL {facts.Ctl:0}, fatigue ATL {facts.Atl:0}); below {FatiguedTsb:0} the risk of overreaching rises.",
                ["tsb", "ctl", "atl"]));
        }

        if (strengths.Count == 0)
        {
            strengths.Add(new CoachClaim($"Got the ride done: {Minutes(facts.DurationSeconds)} and {facts.DistanceMeters / 1000:0.0} km.", ["durationSeconds", "distanceMeters"]));
        }

        var suggestions = context.Plan is { } plan
            ? Suggest(plan, context, done, tired, overshoot, missedHard, measure)
            : [];
        return new CoachFeedback(Summary(facts), strengths, improvements, suggestions);
    }

    private static List<PlanSuggestion> Suggest(TrainingPlan plan, AnalysisContext context, double done, bool tired, bool overshoot, bool missedHard, string[] measure)
    {
        var facts = context.Facts;
        var suggestions = new List<PlanSuggestion>();
        void Offer(PlanOperation op, string reason, IReadOnlyList<string> cites)
        {
            if (PlanOperationApplier.Apply(plan, op).Succeeded)
            {
                suggestions.Add(new PlanSuggestion(op, reason, cites));
            }
        }

        var later = plan.Days.Where(d => d.Date > facts.Date).OrderBy(d => d.Date).ToList();
        if (tired || overshoot)
        {
            var cites = new List<string>();
            var reasons = new List<string>();
            if (tired)
            {
                cites.Add("tsb");
                reasons.Add($"TSB is {facts.Tsb:0}");
            }

            if (overshoot)
            {
                cites.AddRange(["trainingStressScore", "plannedTss"]);
                reasons.Add($"this ride's TSS {done:0} was over {OvershootRatio:0.#}× the planned {facts.Planned!.TargetTss:0}");
            }

            var why = string.Join(" and ", reasons);
            var nextHard = later.TakeWhile(d => d.Date <= facts.Date.AddDays(EaseWithinDays)).FirstOrDefault(d => LongestIsHard(d));
            if (nextHard is not null)
            {
                var session = Longest(nextHard);
                var shorter = session.DurationSeconds * 2 / 3;
                if (tired || shorter < WorkoutLibrary.MinimumSeconds)
                {
                    Offer(new PlanOperation(PlanOperationKind.ChangeIntensity, nextHard.Date, WorkoutType: WorkoutType.Recovery),
                        $"Turn {nextHard.Date:ddd d MMM}'s {session.Name} into a recovery spin: {why}.", cites);
                }
                else
                {
                    Offer(new PlanOperation(PlanOperationKind.Shorten, nextHard.Date, DurationSeconds: shorter),
                        $"Shorten {nextHard.Date:ddd d MMM}'s {session.Name} to {Minutes(shorter)}: {why}.", cites);
                }
            }
            else if (later.FirstOrDefault() is { IsRest: false } tomorrow && tomorrow.Date == facts.Date.AddDays(1))
            {
                Offer(new PlanOperation(PlanOperationKind.AddRest, tomorrow.Date), $"Rest tomorrow instead of the {Longest(tomorrow).Name}: {why}.", cites);
            }
        }
        else if (missedHard)
        {
            // Only when not tired: no hard work is added to fatigue.
            var missed = facts.Planned!;
            var makeUp = later
                .TakeWhile(d => d.Date <= facts.Date.AddDays(MakeUpWithinDays))
                .FirstOrDefault(d => !d.IsRest && Longest(d).Type == WorkoutType.Endurance && RoomForHard(plan, d.Date, facts.Date, context));
            if (makeUp is not null)
            {
                Offer(new PlanOperation(PlanOperationKind.ChangeIntensity, makeUp.Date, WorkoutType: missed.Type),
                    $"Make up the missed {missed.Name} on {makeUp.Date:ddd d MMM} instead of its endurance ride: compliance was {facts.CompliancePercent:0} %.",
                    ["compliancePercent", .. measure]);
            }
        }

        return suggestions;
    }

    /// <summary>
    /// A hard session fits on <paramref name="date"/> when no hard session is the day before or either of the two
    /// after, and the week stays within the rules' hard-session cap (the missed one no longer counts).
    /// </summary>
    private static bool RoomForHard(TrainingPlan plan, DateOnly date, DateOnly missedDate, AnalysisContext context)
    {
        bool HardOn(DateOnly d) => d != missedDate && plan.Day(d) is { } day && day.Workouts.Any(w => w.Type.IsHard());
        if (HardOn(date.AddDays(-1)) || HardOn(date.AddDays(1)) || HardOn(date.AddDays(2)))
        {
            return false;
        }

        if (context.Rules.MaxHardSessionsPerWeek is not { } max)
        {
            return true;
        }

        var week = plan.Weeks.First(w => w.Days.Any(d => d.Date == date));
        var hard = week.Days.Where(d => d.Date != missedDate).Sum(d => d.Workouts.Count(w => w.Type.IsHard()));
        return hard + 1 <= max;
    }

    private static PlannedWorkout Longest(PlanDay day) => day.Workouts.MaxBy(w => w.DurationSeconds)!;

    private static bool LongestIsHard(PlanDay day) => !day.IsRest && Longest(day).Type.IsHard();

    private static string Summary(AnalysisFacts facts)
    {
        var ride = facts.TrainingStressScore is { } tss
            ? $", TSS {tss:0}" + (facts.IntensityFactor is { } intensity ? $", IF {intensity:0.00}" : "") + (facts.NormalizedPowerWatts is { } np ? $", NP {np:0} W" : "")
            : "";
        var heart = facts.AverageHeartRateBpm is { } hr ? $", average HR {hr:0} bpm" : "";
        var plan = facts switch
        {
            { Planned: { } p, CompliancePercent: { } c } => $" Planned: {p.Name} ({Minutes(p.DurationSeconds)}, TSS {p.TargetTss:0}), compliance {c:0} %.",
            { PlannedRestDay: true } => " The plan had a rest day.",
            _ => "",
        };
        return $"{facts.Name} on {facts.Date:ddd d MMM}: {Minutes(facts.DurationSeconds)}, {facts.DistanceMeters / 1000:0.0} km{ride}{heart}.{plan} "
            + $"Form: CTL {facts.Ctl:0}, ATL {facts.Atl:0}, TSB {facts.Tsb:0}.";
    }

    private static string Minutes(double seconds) => $"{Math.Round(seconds / 60):0} min";
}
