namespace CyclingCoach.Sync.Model;

/// <summary>
/// Values of <see cref="Workout.StreamSource"/>: where a ride's 1 Hz streams came from. A source's original file is
/// preferred; without one, Garmin's downsampled details or intervals.icu's streams are resampled to 1 Hz.
/// </summary>
public static class StreamSources
{
    /// <summary>The original recording (FIT, GPX, TCX): an upload, Garmin's download-service, intervals.icu's file.</summary>
    public const string OriginalFile = "original_file";

    /// <summary>Garmin's <c>activity/{id}/details</c> (chart samples, often 1–5 s apart), resampled to 1 Hz.</summary>
    public const string GarminDetails = "garmin_details";

    /// <summary>intervals.icu's <c>activity/{id}/streams</c>, resampled to 1 Hz.</summary>
    public const string IntervalsStreams = "intervals_streams";

    /// <summary>No samples: a summary only (manual entries, sources that had neither file nor streams).</summary>
    public const string None = "none";
}
