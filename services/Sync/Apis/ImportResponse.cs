namespace CyclingCoach.Sync.Apis;

/// <summary>
/// Result of <c>POST /api/workouts/import</c>: one item per activity file (a zip gives several). <c>outcome</c> is
/// <c>created</c> (new workout), <c>merged</c> (the same ride from another source was already stored: the richer copy
/// is kept under that workout id) or <c>duplicate</c> (this exact file is already stored).
/// </summary>
public sealed record ImportResponse(IReadOnlyList<ImportItemResponse> Items);

public sealed record ImportItemResponse(string? Entry, string Outcome, Guid WorkoutId, WorkoutResponse Workout);
