using CyclingCoach.Contracts;
using CyclingCoach.Sync.Sources;

namespace CyclingCoach.Sync.Import;

/// <summary>
/// One activity to store: from a source (<see cref="Listed"/> set, <see cref="File"/> when it has an original, else
/// <see cref="Streams"/> when the source keeps samples) or an upload (<see cref="WorkoutSource.File"/>, the file's
/// SHA-256 is its source id).
/// </summary>
public sealed record ImportRequest(
    WorkoutSource Source, ParsedActivity? File, SourceActivity? Listed, Guid? RunId, string? UploadName = null, SourceStreams? Streams = null)
{
    public string SourceActivityId => Listed?.SourceActivityId ?? File?.Sha256 ?? throw new InvalidOperationException("An import needs a source id or a file.");
}

public enum ImportOutcomeKind
{
    /// <summary>A new workout.</summary>
    Created,

    /// <summary>The same ride was already stored from another source; this copy was richer and replaced its data (same workout id).</summary>
    MergedReplaced,

    /// <summary>The same ride was already stored from another source with as much data; this copy became an alias.</summary>
    MergedKept,

    /// <summary>This (source, source id) is already stored (as a workout or an alias): nothing changed.</summary>
    Duplicate,
}

public sealed record ImportOutcome(ImportOutcomeKind Kind, Guid WorkoutId, bool ImportedByThisRun = false);
