using CyclingCoach.Contracts;

namespace CyclingCoach.Sync.Sources;

/// <summary>
/// A remote place rides come from (Garmin Connect, intervals.icu). A sync run lists a date window, skips what the
/// store already has, downloads the original file of the rest (else the source's own streams) and imports it through
/// the same pipeline as uploads.
/// </summary>
public interface IActivitySource
{
    WorkoutSource Source { get; }

    /// <summary>Null when a run can start now; otherwise why not (not connected, cooling down until …).</summary>
    Task<string?> GetUnavailableReasonAsync(CancellationToken cancellationToken);

    /// <summary>Activities whose start lies in [<paramref name="from"/>, <paramref name="to"/>), any order; paging is the source's business.</summary>
    IAsyncEnumerable<SourceActivity> ListActivitiesAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken);

    /// <summary>The original recording (FIT, a zip holding one, GPX or TCX), or null when the source has none.</summary>
    Task<SourceFile?> DownloadOriginalAsync(SourceActivity activity, CancellationToken cancellationToken);

    /// <summary>
    /// When there is no original: the samples the source keeps of the ride (Garmin details, intervals.icu streams) at
    /// 1 Hz, or null when it has none either (the ride is stored as a summary).
    /// </summary>
    Task<SourceStreams?> DownloadStreamsAsync(SourceActivity activity, CancellationToken cancellationToken) => Task.FromResult<SourceStreams?>(null);

    /// <summary>FTP, weight, HR zones the source knows, or null; published as AthleteSettingsImported by the run.</summary>
    Task<AthleteSettingsImported?> GetAthleteSettingsAsync(CancellationToken cancellationToken);
}
