using CyclingCoach.Training.Model;
using CyclingCoach.Training.Readers;

namespace CyclingCoach.Training.Science;

/// <summary>
/// One call from a decoded file to 1 Hz streams: keeps only the records inside the chosen session (multi-sport FIT
/// files carry several), applies the FIT timer pauses, and resamples (<see cref="RideResampler"/>).
/// </summary>
public static class ActivityStreams
{
    public static RideStreams FromFit(FitActivity fit, ResampleOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(fit);
        return RideResampler.Resample(SessionPoints(fit.Activity), options, PauseInterval.FromFitTimerEvents(fit.TimerEvents));
    }

    /// <summary>GPX / TCX (or FIT without its timer events): the session window only, pauses from the gap rule.</summary>
    public static RideStreams FromActivity(ActivityData activity, ResampleOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(activity);
        return RideResampler.Resample(SessionPoints(activity), options);
    }

    /// <summary>
    /// The points inside [session start, session start + elapsed time] when the session says so; all points
    /// otherwise.
    /// </summary>
    public static IReadOnlyList<TrackPoint> SessionPoints(ActivityData activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        if (activity.Session is not { StartTimeUtc: { } start, TotalElapsedSeconds: { } elapsed } || !(elapsed > 0))
        {
            return activity.Points;
        }

        var end = start.AddSeconds(elapsed);
        var kept = new List<TrackPoint>(activity.Points.Count);
        foreach (var p in activity.Points)
        {
            if (p.TimeUtc is not { } t || (t >= start && t <= end))
            {
                kept.Add(p);
            }
        }

        return kept.Count > 0 ? kept : activity.Points;
    }
}
