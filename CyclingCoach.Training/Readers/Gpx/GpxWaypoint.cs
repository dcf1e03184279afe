using CyclingCoach.Training.Model;

namespace CyclingCoach.Training.Readers;

/// <summary>A GPX <c>wpt</c>: one point with its name and description.</summary>
public sealed record GpxWaypoint(TrackPoint Point, string? Name, string? Description);
