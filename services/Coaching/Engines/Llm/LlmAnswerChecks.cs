using CyclingCoach.Coaching.Domain.Analyses;
using CyclingCoach.Coaching.Domain.Library;
using CyclingCoach.Coaching.Domain.Plans;

namespace CyclingCoach.Coaching.Engines.Llm;

/// <summary>
/// What makes a model's plan or feedback structurally unusable, as messages the repair retry sends back (parsed rules
/// are checked by <c>RuleSetChecks</c>, as every rule set is). Whether a plan keeps the rider's rules is the shared
/// validator's job, not this.
/// </summary>
public static class LlmAnswerChecks
{
    private const double MaxPowerFraction = 3.0; // above this the model wrote watts, not fractions of FTP

    public static IReadOnlyList<string> Plan(PlanAnswer plan, DateOnly startDate, int weeks)
    {
        var errors = new List<string>();
        if (plan.StartDate != startDate)
        {
            errors.Add($"startDate: must be {startDate:yyyy-MM-dd}, not {plan.StartDate:yyyy-MM-dd}");
        }

        if (plan.Weeks.Count != weeks)
        {
            errors.Add($"weeks: must have {weeks} weeks, not {plan.Weeks.Count}");
        }

        for (var w = 0; w < plan.Weeks.Count; w++)
        {
            var week = plan.Weeks[w];
            if (week.WeekNumber != w + 1)
            {
                errors.Add($"weeks[{w}].weekNumber: must be {w + 1}");
            }

            if (week.Days.Count != 7)
            {
                errors.Add($"weeks[{w}].days: must have 7 days, not {week.Days.Count}");
            }

            for (var d = 0; d < week.Days.Count; d++)
            {
                var expected = startDate.AddDays(w * 7 + d);
                var day = week.Days[d];
                if (day.Date != expected)
                {
                    errors.Add($"weeks[{w}].days[{d}].date: must be {expected:yyyy-MM-dd}, not {day.Date:yyyy-MM-dd}");
                }

                for (var i = 0; i < day.Workouts.Count; i++)
                {
                    errors.AddRange(Session(day.Workouts[i], $"weeks[{w}].days[{d}].workouts[{i}]"));
                }
            }
        }

        return errors;
    }

    public static IReadOnlyList<string> Feedback(CoachFeedback feedback, IReadOnlyDictionary<string, double> citable)
    {
        var errors = new List<string>();
        void Cites(string path, IReadOnlyList<string> cites)
        {
            if (cites.Count == 0)
            {
                errors.Add($"{path}.cites: must name at least one fact");
            }

            errors.AddRange(cites.Where(c => !citable.ContainsKey(c)).Select(c => $"{path}.cites: \"{c}\" is not a fact; use one of {string.Join(", ", citable.Keys)}"));
        }

        for (var i = 0; i < feedback.Strengths.Count; i++)
        {
            Cites($"strengths[{i}]", feedback.Strengths[i].Cites);
        }

        for (var i = 0; i < feedback.Improvements.Count; i++)
        {
            Cites($"improvements[{i}]", feedback.Improvements[i].Cites);
        }

        for (var i = 0; i < feedback.Suggestions.Count; i++)
        {
            Cites($"suggestions[{i}]", feedback.Suggestions[i].Cites);
            if (feedback.Suggestions[i].Operation is { Kind: PlanOperationKind.Replace, Workout: { } workout })
            {
                errors.AddRange(Workout(workout, $"suggestions[{i}].operation.workout"));
            }
        }

        return errors;
    }

    /// <summary>
    /// A library pick names a session of the library at a scale it can take, and nothing else; a structured workout has
    /// its type, name, description and sound steps (length and TSS are recomputed from the steps: models are poor at
    /// arithmetic).
    /// </summary>
    private static IEnumerable<string> Session(SessionAnswer session, string path)
    {
        if (session.IsLibraryPick)
        {
            if (WorkoutCatalogue.Find(session.LibraryId) is not { } found)
            {
                yield return $"{path}.libraryId: \"{session.LibraryId}\" is not in the workout library; use an id from the library list, or set libraryId null and give the structured workout";
                yield break;
            }

            if (session.Steps is { Count: > 0 })
            {
                yield return $"{path}: give either libraryId and scale or a structured workout (steps), not both";
            }

            var scale = session.Scale ?? 1;
            if (scale is < SessionAnswer.MinScale or > SessionAnswer.MaxScale)
            {
                yield return $"{path}.scale: must be {SessionAnswer.MinScale} to {SessionAnswer.MaxScale} (1 = the listed {found.DurationSeconds / 60} min), not {scale}";
            }
            else if (LibraryFit.ShortestSeconds(found) - SessionAnswer.ScaledSeconds(found, scale) > PlanValidator.DurationToleranceSeconds)
            {
                yield return $"{path}.scale: {found.Id} lasts at least {LibraryFit.ShortestSeconds(found) / 60} min, not the {SessionAnswer.ScaledSeconds(found, scale) / 60} min scale {scale} asks for";
            }

            yield break;
        }

        if (session.Type is null || session.Name is null || session.Description is null)
        {
            yield return $"{path}: a structured workout needs its type, name and description (or a libraryId)";
        }

        foreach (var error in Workout(session.ToWorkout(), path))
        {
            yield return error;
        }
    }

    private static IEnumerable<string> Workout(PlannedWorkout workout, string path)
    {
        if (workout.Zone is < 1 or > 7)
        {
            yield return $"{path}.zone: must be 1 to 7, not {workout.Zone}";
        }

        if (workout.Steps.Count == 0)
        {
            yield return $"{path}.steps: a workout needs at least one step";
        }

        for (var s = 0; s < workout.Steps.Count; s++)
        {
            var step = workout.Steps[s];
            if (step.DurationSeconds <= 0 || step.Repeat < 1 || step.OffDurationSeconds < 0)
            {
                yield return $"{path}.steps[{s}]: durationSeconds must be positive, repeat at least 1, offDurationSeconds not negative";
            }

            if (new[] { step.PowerLow, step.PowerHigh, step.OffPower }.Any(p => p is < 0 or > MaxPowerFraction))
            {
                yield return $"{path}.steps[{s}]: powers are fractions of FTP (0.65 = 65 %), not watts";
            }
        }
    }
}
