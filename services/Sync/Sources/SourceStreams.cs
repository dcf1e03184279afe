using CyclingCoach.Sync.Model;
using CyclingCoach.Training.Science;

namespace CyclingCoach.Sync.Sources;

/// <summary>
/// A ride's samples as a source serves them when it has no original file, already resampled to 1 Hz:
/// <see cref="StreamSource"/> says which (<see cref="StreamSources"/>), <see cref="Laps"/> null when it has none, <see cref="Device"/> holds the session values
/// the source computed from the original (compared with ours by DeviceMismatchCheck).
/// </summary>
public sealed record SourceStreams(string StreamSource, RideStreams Streams, IReadOnlyList<WorkoutLap>? Laps, DeviceSessionValues? Device);
