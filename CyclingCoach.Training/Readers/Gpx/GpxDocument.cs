using CyclingCoach.Training.Model;

namespace CyclingCoach.Training.Readers;

/// <summary>The shape of a GPX 1.0/1.1 file as read by <see cref="GpxReader"/>.</summary>
public sealed record GpxDocument(
    string? Version,
    string? Creator,
    string? Name,
    DateTime? TimeUtc,
    IReadOnlyList<GpxTrack> Tracks,
    IReadOnlyList<GpxRoute> Routes,
    IReadOnlyList<GpxWaypoint> Waypoints,
    IReadOnlyList<string> Warnings)
{
    public int TrackPointCount
    {
        get
        {
            var n = 0;
            foreach (var t in Tracks)
            {
                foreach (var s in t.Segments)
                {
                    n += s.Points.Count;
                }
            }
            return n;
        }
    }

    public int RoutePointCount
    {
        get
        {
            var n = 0;
            foreach (var r in Routes)
            {
                n += r.Points.Count;
            }
            return n;
        }
    }

    /// <summary>
    /// Flattens for ride import: every track point of every track and segment in file order; when the file has no track
    /// points, the route points instead. Waypoints are never a ride. Throws <c>no_points</c> when nothing is left.
    /// </summary>
    public ActivityData ToActivityData()
    {
        var trackPoints = TrackPointCount;
        var points = new List<TrackPoint>(trackPoints > 0 ? trackPoints : RoutePointCount);
        string? sport = null;
        string? name = Name;
        if (trackPoints > 0)
        {
            foreach (var t in Tracks)
            {
                sport ??= t.Type;
                name ??= t.Name;
                foreach (var s in t.Segments)
                {
                    points.AddRange(s.Points);
                }
            }
        }
        else
        {
            foreach (var r in Routes)
            {
                sport ??= r.Type;
                name ??= r.Name;
                points.AddRange(r.Points);
            }
        }
        if (points.Count == 0)
        {
            throw new ActivityFileException(ActivityFileErrorCodes.NoPoints,
                $"The GPX file has no track or route points ({Waypoints.Count} waypoints).", ActivityFormat.Gpx);
        }
        DateTime? start = null;
        foreach (var p in points)
        {
            if (p.TimeUtc is { } t)
            {
                start = t;
                break;
            }
        }
        return new ActivityData(ActivityFormat.Gpx, start ?? TimeUtc, sport, null, name, points, [], null,
            Creator is null ? null : new DeviceData(null, Creator, null, null), Warnings);
    }
}
