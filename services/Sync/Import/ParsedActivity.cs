using CyclingCoach.Training.Model;
using CyclingCoach.Training.Science;

namespace CyclingCoach.Sync.Import;

/// <summary>One decoded activity file: its bytes (kept on disk), hash, the reader's result and the 1 Hz streams.</summary>
public sealed record ParsedActivity(
    byte[] Content,
    string Sha256,
    ActivityFormat Format,
    ActivityData Activity,
    RideStreams Streams,
    string? EntryName)
{
    public DateTime? StartUtc => Activity.Session?.StartTimeUtc ?? Activity.StartTimeUtc ?? Streams.StartUtc;
}
