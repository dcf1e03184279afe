using CyclingCoach.Coaching.Domain.Analyses;
using CyclingCoach.Coaching.Domain.Plans;

namespace CyclingCoach.Coaching.Domain.Readiness;

/// <summary>
/// A low-readiness morning with a hard session planned: suggest easing that session to endurance of the same length
/// (it keeps the week's hours and removes the intensity). Only when readiness is <see cref="ReadinessBand.Low"/> with at
/// least <see cref="MinConfidence"/> of its inputs, so a night with only a sleep duration suggests nothing. The
/// suggestion cites the readiness facts it rests on and is kept only when it applies to the plan.
/// </summary>
public static class ReadinessAdvice
{
    public const double MinConfidence = 0.5;

    public static PlanSuggestion? ForDay(DailyReadiness readiness, TrainingPlan? plan)
    {
        if (readiness.Band != ReadinessBand.Low || readiness.Confidence < MinConfidence || plan?.Day(readiness.Date) is not { } day
            || day.Workouts.FirstOrDefault(w => w.Type.IsHard()) is not { } hard)
        {
            return null;
        }

        var operation = new PlanOperation(PlanOperationKind.ChangeIntensity, day.Date, WorkoutType: WorkoutType.Endurance);
        if (!PlanOperationApplier.Apply(plan, operation).Succeeded)
        {
            return null;
        }

        var weakest = readiness.Reasons.Where(r => r.Score < ReadinessCalculator.LowBelow).OrderBy(r => r.Score).ToList();
        var why = weakest.Count > 0 ? " " + string.Join(" ", weakest.Select(r => r.Text)) : "";
        var reason = $"Readiness this morning is {readiness.Score:0} (low).{why} Ride today's {hard.Name} as endurance instead.";
        return new PlanSuggestion(operation, reason, ["readinessScore", "readinessConfidence", .. weakest.SelectMany(r => r.Cites).Distinct()]);
    }
}
