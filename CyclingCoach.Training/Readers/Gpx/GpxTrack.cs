namespace CyclingCoach.Training.Readers;

/// <summary>A GPX <c>trk</c> with its name, optional <c>type</c> (e.g. "road_biking") and segments.</summary>
public sealed record GpxTrack(string? Name, string? Type, IReadOnlyList<GpxSegment> Segments);
