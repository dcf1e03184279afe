using CyclingCoach.Training.Model;

namespace CyclingCoach.Training.Routes;

/// <summary>
/// Resamples route points at a fixed distance step. Distance is the haversine sum over points with a position
/// (or the points' own <see cref="TrackPoint.DistanceMeters"/> when no point has a position). Missing elevations are
/// interpolated along the distance; a route counts as having no elevation when fewer than two points carry one or
/// every elevation is exactly 0 (an exporter writing 0 for "unknown").
/// </summary>
internal static class RouteResampler
{
    public static ResampledRoute Resample(IReadOnlyList<TrackPoint> points, double spacing, List<string> warnings)
    {
        var n = points.Count;
        var dist = new List<double>(n);
        var lat = new List<double>(n);
        var lon = new List<double>(n);
        var ele = new List<double>(n);
        var positioned = 0;
        for (var i = 0; i < n; i++)
        {
            if (points[i].HasPosition)
            {
                positioned++;
            }
        }

        if (positioned >= 2)
        {
            double total = 0;
            var prev = -1;
            for (var i = 0; i < n; i++)
            {
                var p = points[i];
                if (!p.HasPosition)
                {
                    continue;
                }

                if (prev >= 0)
                {
                    total += GeoMath.DistanceMeters(points[prev].Latitude, points[prev].Longitude, p.Latitude, p.Longitude);
                }

                dist.Add(total);
                lat.Add(p.Latitude);
                lon.Add(p.Longitude);
                ele.Add(p.ElevationMeters);
                prev = i;
            }

            if (positioned < n)
            {
                warnings.Add($"{n - positioned} point(s) without a position were ignored.");
            }
        }
        else
        {
            var last = double.NegativeInfinity;
            for (var i = 0; i < n; i++)
            {
                var d = points[i].DistanceMeters;
                if (double.IsNaN(d) || d < last)
                {
                    continue;
                }

                dist.Add(d);
                lat.Add(points[i].Latitude);
                lon.Add(points[i].Longitude);
                ele.Add(points[i].ElevationMeters);
                last = d;
            }

            if (dist.Count > 0)
            {
                var d0 = dist[0];
                for (var i = 0; i < dist.Count; i++)
                {
                    dist[i] -= d0;
                }
            }
        }

        if (dist.Count < 2 || !(dist[^1] > 0))
        {
            warnings.Add("The route has fewer than two distinct positions.");
            return new ResampledRoute([0], [dist.Count > 0 ? lat[0] : double.NaN], [dist.Count > 0 ? lon[0] : double.NaN], [double.NaN], false, spacing);
        }

        var withElevation = 0;
        var allZero = true;
        foreach (var e in ele)
        {
            if (!double.IsNaN(e))
            {
                withElevation++;
                allZero &= e == 0;
            }
        }

        var hasElevation = withElevation >= 2 && !allZero;
        if (!hasElevation)
        {
            warnings.Add(withElevation >= 2 ? "Every elevation is 0: treated as missing." : "The route has no elevation data: grades are unknown.");
        }
        else
        {
            FillElevationGaps(dist, ele);
        }

        var totalDistance = dist[^1];
        var count = (int)Math.Floor(totalDistance / spacing) + 1;
        if (totalDistance - ((count - 1) * spacing) > 1e-6)
        {
            count++;
        }

        var rd = new double[count];
        var rlat = new double[count];
        var rlon = new double[count];
        var rele = new double[count];
        var j = 0;
        for (var k = 0; k < count; k++)
        {
            var s = Math.Min(k * spacing, totalDistance);
            while (j < dist.Count - 2 && dist[j + 1] < s)
            {
                j++;
            }

            var d0 = dist[j];
            var d1 = dist[j + 1];
            var f = d1 > d0 ? Math.Clamp((s - d0) / (d1 - d0), 0, 1) : 0;
            rd[k] = s;
            rlat[k] = lat[j] + ((lat[j + 1] - lat[j]) * f);
            rlon[k] = lon[j] + ((lon[j + 1] - lon[j]) * f);
            rele[k] = hasElevation ? ele[j] + ((ele[j + 1] - ele[j]) * f) : double.NaN;
        }

        return new ResampledRoute(rd, rlat, rlon, rele, hasElevation, spacing);
    }

    /// <summary>Linear interpolation of NaN elevations along the distance; the ends hold the nearest known value.</summary>
    private static void FillElevationGaps(List<double> dist, List<double> ele)
    {
        var prev = -1;
        for (var i = 0; i < ele.Count; i++)
        {
            if (double.IsNaN(ele[i]))
            {
                continue;
            }

            if (prev < 0)
            {
                for (var k = 0; k < i; k++)
                {
                    ele[k] = ele[i];
                }
            }
            else if (i - prev > 1)
            {
                var span = dist[i] - dist[prev];
                for (var k = prev + 1; k < i; k++)
                {
                    var f = span > 0 ? (dist[k] - dist[prev]) / span : 0;
                    ele[k] = ele[prev] + ((ele[i] - ele[prev]) * f);
                }
            }

            prev = i;
        }

        for (var k = prev + 1; k < ele.Count; k++)
        {
            ele[k] = ele[prev];
        }
    }
}
