using CyclingCoach.Training.Model;
using CyclingCoach.Training.Readers;
using Microsoft.AspNetCore.Http;

namespace CyclingCoach.Routes.Analysis;

/// <summary>
/// Reads an uploaded or stored GPX file with CyclingCoach.Training's reader (DTDs prohibited, no resolver, bounded)
/// and maps every refusal to a <see cref="RouteRejectedException"/> with a stable type.
/// </summary>
public static class GpxRouteReader
{
    public sealed record GpxRoutePoints(string? Name, IReadOnlyList<TrackPoint> Points, IReadOnlyList<string> Warnings);

    public static GpxRoutePoints Read(Stream stream, long maxBytes)
    {
        ActivityFile file;
        try
        {
            file = ActivityReader.ReadFile(stream, fileNameHint: null, new ActivityReaderOptions { MaxInputBytes = maxBytes, MaxFitBytes = maxBytes });
        }
        catch (ActivityFileException e)
        {
            throw Map(e);
        }

        if (file.Format != ActivityFormat.Gpx)
        {
            throw Reject(RouteProblemTypes.GpxNotGpx, $"The file is {file.Format}, not GPX.");
        }

        var points = file.Activity.Points;
        if (!HasTwoDistinctPositions(points))
        {
            throw Reject(RouteProblemTypes.GpxSinglePoint, $"The GPX file has {points.Count} point(s) but fewer than two distinct positions.");
        }

        var name = file.Gpx?.Name ?? file.Gpx?.Tracks.FirstOrDefault(t => t.Name is not null)?.Name ?? file.Gpx?.Routes.FirstOrDefault(r => r.Name is not null)?.Name;
        return new GpxRoutePoints(name, points, file.Activity.Warnings);
    }

    private static bool HasTwoDistinctPositions(IReadOnlyList<TrackPoint> points)
    {
        TrackPoint? first = null;
        foreach (var p in points)
        {
            if (!p.HasPosition)
            {
                continue;
            }

            if (first is null)
            {
                first = p;
            }
            else if (p.Latitude != first.Value.Latitude || p.Longitude != first.Value.Longitude)
            {
                return true;
            }
        }

        return false;
    }

    private static RouteRejectedException Map(ActivityFileException e) => e.Code switch
    {
        _ when e.Format is { } format && format != ActivityFormat.Gpx => Reject(RouteProblemTypes.GpxNotGpx, $"The file is {format}, not GPX."),
        ActivityFileErrorCodes.Empty => Reject(RouteProblemTypes.GpxEmpty, "The file is empty."),
        ActivityFileErrorCodes.DtdProhibited => Reject(RouteProblemTypes.GpxDtdProhibited,
            "The XML declares a DTD; DTDs and entities are not accepted in GPX files."),
        ActivityFileErrorCodes.MalformedXml => Reject(RouteProblemTypes.GpxMalformed, $"The file is not well-formed XML: {e.Message}"),
        ActivityFileErrorCodes.NoPoints => Reject(RouteProblemTypes.GpxNoPoints, e.Message),
        ActivityFileErrorCodes.TooManyPoints => Reject(RouteProblemTypes.GpxTooManyPoints, e.Message),
        ActivityFileErrorCodes.TooLarge => new RouteRejectedException(StatusCodes.Status413PayloadTooLarge,
            ServiceDefaults.Problems.ProblemTypes.TooLarge, "file", e.Message),
        _ => Reject(RouteProblemTypes.GpxNotGpx, $"The file is not GPX: {e.Message}"),
    };

    private static RouteRejectedException Reject(string type, string detail) =>
        new(StatusCodes.Status400BadRequest, type, "file", detail);
}
