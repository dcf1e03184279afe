namespace CyclingCoach.Contracts;

/// <summary>A workout analysis is ready; <see cref="SuggestionCount"/> changes wait for the rider's approval.</summary>
public record AnalysisCompleted(Guid AnalysisId, Guid WorkoutId, string Engine, int SuggestionCount, DateTimeOffset CompletedAt);
