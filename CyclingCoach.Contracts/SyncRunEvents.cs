namespace CyclingCoach.Contracts;

/// <summary>A sync run began (Garmin, intervals.icu or a file import batch).</summary>
public record SyncRunStarted(Guid RunId, WorkoutSource Source, DateTimeOffset StartedAt);

/// <summary>Counts so far, published as the run goes.</summary>
public record SyncRunProgressed(Guid RunId, WorkoutSource Source, int Found, int Imported, int Skipped, int Failed);

public record SyncRunCompleted(Guid RunId, WorkoutSource Source, int Found, int Imported, int Skipped, int Failed, DateTimeOffset CompletedAt);

public record SyncRunFailed(Guid RunId, WorkoutSource Source, string Error, int Found, int Imported, int Skipped, int Failed, DateTimeOffset FailedAt);
