using CyclingCoach.Training.Model;

namespace CyclingCoach.Training.Readers;

/// <summary>A GPX <c>trkseg</c>: an unbroken run of points (segments may be empty).</summary>
public sealed record GpxSegment(IReadOnlyList<TrackPoint> Points);
