using CyclingCoach.Coaching.Domain.Plans;

namespace CyclingCoach.Coaching.Domain.Analyses;

/// <summary>
/// The citation and applicability check every feedback passes before it is stored, from either engine: each claim
/// and suggestion cites facts that exist, and each suggestion is a change to a later day that applies to the plan,
/// alone and together with the others (approving all applies them in order), and together they make the reactions
/// the ride requires (<see cref="Reactions.Problems"/>: the days a big or hard unplanned day or fatigue keeps easy).
/// </summary>
public static class FeedbackValidator
{
    /// <returns>The problems found, empty when the feedback can be stored.</returns>
    public static IReadOnlyList<string> Check(CoachFeedback feedback, AnalysisFacts facts, TrainingPlan? plan)
    {
        var problems = new List<string>();
        var citable = facts.Citable;

        void CheckCites(string where, IReadOnlyList<string>? cites)
        {
            if (cites is null || cites.Count == 0)
            {
                problems.Add($"{where} cites no fact.");
                return;
            }

            foreach (var name in cites.Where(n => !citable.ContainsKey(n)).Distinct())
            {
                problems.Add($"{where} cites '{name}', which is not a fact of this ride.");
            }
        }

        if (string.IsNullOrWhiteSpace(feedback.Summary))
        {
            problems.Add("The summary is empty.");
        }

        void CheckClaims(string list, IReadOnlyList<CoachClaim> claims)
        {
            for (var i = 0; i < claims.Count; i++)
            {
                if (string.IsNullOrWhiteSpace(claims[i].Text))
                {
                    problems.Add($"{list}[{i}] has no text.");
                }

                CheckCites($"{list}[{i}]", claims[i].Cites);
            }
        }

        CheckClaims("strengths", feedback.Strengths);
        CheckClaims("improvements", feedback.Improvements);

        if (feedback.Suggestions.Count > 0 && plan is null)
        {
            problems.Add("There are suggestions but no plan to change.");
        }

        var eachApplies = true;
        foreach (var (suggestion, i) in feedback.Suggestions.Select((s, i) => (s, i)))
        {
            var where = $"suggestions[{i}]";
            CheckCites(where, suggestion.Cites);
            if (string.IsNullOrWhiteSpace(suggestion.Reason))
            {
                problems.Add($"{where} gives no reason.");
            }

            var op = suggestion.Operation;
            // The ride's day and the days before it are history.
            foreach (var date in new[] { op.Date, op.TargetDate }.OfType<DateOnly>().Where(d => d <= facts.Date))
            {
                problems.Add($"{where} changes {date:yyyy-MM-dd}, not after the ride on {facts.Date:yyyy-MM-dd}.");
            }

            if (plan is not null && PlanOperationApplier.Apply(plan, op).Error is { } error)
            {
                problems.Add($"{where} does not apply to the plan ({error.Code}): {error.Message}");
                eachApplies = false;
            }
        }

        // Each applies alone, but approving all applies them in order: they must not conflict.
        if (eachApplies && plan is not null && feedback.Suggestions.Count > 1
            && PlanOperationApplier.ApplyAll(plan, feedback.Suggestions.Select(s => s.Operation)).Error is { } together)
        {
            problems.Add($"suggestions[{together.Index}] does not apply after the ones before it ({together.Code}): {together.Message}");
        }

        problems.AddRange(Reactions.Problems(feedback, facts, plan));

        return problems;
    }
}
