using CyclingCoach.Training.Model;

namespace CyclingCoach.Training.Readers;

/// <summary>
/// Result of <see cref="ActivityReader.ReadFile"/>: the common activity plus the format-specific detail
/// (<see cref="Fit"/> for timer events and all sessions, <see cref="Gpx"/> for the track/route/waypoint shape).
/// </summary>
public sealed record ActivityFile(ActivityData Activity, FitActivity? Fit, GpxDocument? Gpx)
{
    public ActivityFormat Format => Activity.Format;

    /// <summary>Timer start/stop events (FIT only; empty for GPX/TCX).</summary>
    public IReadOnlyList<FitTimerEvent> TimerEvents => Fit?.TimerEvents ?? [];
}
