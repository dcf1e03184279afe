using CyclingCoach.Contracts;

namespace CyclingCoach.Sync.Sources;

/// <summary>
/// A source that knows per-day wellness (overnight HRV, sleep, resting HR, …). A sync run of that source pulls the
/// last days through it after the activities (<see cref="Wellness.WellnessSync"/>).
/// </summary>
public interface IWellnessSource
{
    WorkoutSource Source { get; }

    /// <summary>
    /// The days in [<paramref name="from"/>, <paramref name="to"/>] (inclusive, the rider's calendar days) that have
    /// any value, oldest first; days without data are not returned.
    /// </summary>
    IAsyncEnumerable<SourceWellnessDay> ListWellnessAsync(DateOnly from, DateOnly to, CancellationToken cancellationToken);
}

/// <param name="RawJson">What the source answered for the day (trimmed of large per-reading arrays), kept beside the parsed values.</param>
public sealed record SourceWellnessDay(DateOnly Date, WellnessMetrics Metrics, string? RawJson);
