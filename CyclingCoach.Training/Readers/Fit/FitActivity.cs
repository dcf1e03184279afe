using CyclingCoach.Training.Model;

namespace CyclingCoach.Training.Readers;

/// <summary>
/// What the FIT decoder returns: the common <see cref="ActivityData"/> plus FIT-only detail.
/// <see cref="ActivityData.Session"/> is the chosen session (the only one, else the longest cycling one, else the first);
/// every session is in <see cref="Sessions"/>.
/// </summary>
public sealed record FitActivity(
    ActivityData Activity,
    IReadOnlyList<SessionData> Sessions,
    IReadOnlyList<FitTimerEvent> TimerEvents,
    int FitFileCount,
    string? FileType,
    DateTime? TimeCreatedUtc);
