using CyclingCoach.Coaching.Domain.Load;
using CyclingCoach.Coaching.Domain.Plans;

namespace CyclingCoach.Coaching.Domain.Analyses;

/// <summary>
/// The built-in coach's feedback on a ride: deterministic, from the computed facts alone. Claims cite the facts they
/// state; suggestions change only days after the ride and are kept only when they apply to the plan, so the output
/// passes <see cref="FeedbackValidator"/>. The reactions to load and fatigue are <see cref="Reactions"/> (shared with
/// the check every engine passes); a hard session ridden far short is moved or let go by <see cref="MissedSessions"/>,
/// never into the days those reactions keep easy.
/// </summary>
public static class BuiltInAnalyzer
{
    public const double PoorCompliancePercent = 60;

    public const double GoodCompliancePercent = 90;

    /// <summary>IF above this on an easy day is tempo or harder (Coggan: endurance rides sit at IF 0.65–0.75).</summary>
    public const double EasyDayMaxIntensityFactor = CoachingPrinciples.HardRideIntensityFactor;

    /// <summary>Without power: average HR above this fraction of LTHR is above Friel's zone 2 (81–89 % LTHR).</summary>
    public const double EasyDayMaxLthrFraction = 0.90;

    public static CoachFeedback Analyze(AnalysisContext context)
    {
        var facts = context.Facts;
        var planned = facts.Planned;
        var onTss = planned is not null && Compliance.UsesTss(planned.TargetTss, facts.TrainingStressScore);
        // What compliance was measured on, as the facts to cite and the two numbers.
        string[] measure = onTss ? ["trainingStressScore", "plannedTss"] : ["durationSeconds", "plannedDurationSeconds"];
        var (done, target) = onTss ? (facts.TrainingStressScore!.Value, planned!.TargetTss) : (facts.DurationSeconds, planned?.DurationSeconds ?? 0);
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

        var needs = Reactions.Assess(facts, context.Plan);
        improvements.AddRange(needs.Claims);

        if (strengths.Count == 0)
        {
            strengths.Add(new CoachClaim($"Got the ride done: {Minutes(facts.DurationSeconds)} and {facts.DistanceMeters / 1000:0.0} km.", ["durationSeconds", "distanceMeters"]));
        }

        var suggestions = new List<PlanSuggestion>();
        if (context.Plan is { } plan)
        {
            suggestions.AddRange(Reactions.Suggest(needs, context));
            if (missedHard)
            {
                // After the reactions: the session may not land on a day they keep easy, nor where they moved one.
                var changed = PlanOperationApplier.ApplyAll(plan, suggestions.Select(s => s.Operation)).Plan ?? plan;
                var taken = needs.EasyDays.Select(n => n.Date).Concat(suggestions.SelectMany(s => new[] { s.Operation.Date, s.Operation.TargetDate }.OfType<DateOnly>())).ToHashSet();
                var advice = MissedSessions.Advise(changed, facts.Date, facts.Date.AddDays(1), context.Rules, (p, d) => Reactions.ProjectedTsbInto(p, facts, d), taken);
                if (advice?.Move is { } move)
                {
                    suggestions.Add(move with { Cites = ["compliancePercent", .. measure] });
                }
                else if (advice is not null)
                {
                    improvements.Add(new CoachClaim(advice.Verdict, ["compliancePercent", .. measure]));
                }
            }
        }

        return new CoachFeedback(Summary(facts), strengths, improvements, suggestions);
    }

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
