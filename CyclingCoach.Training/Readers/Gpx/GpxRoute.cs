using CyclingCoach.Training.Model;

namespace CyclingCoach.Training.Readers;

/// <summary>A GPX <c>rte</c> (planned route) and its <c>rtept</c> points.</summary>
public sealed record GpxRoute(string? Name, string? Type, IReadOnlyList<TrackPoint> Points);
