namespace CyclingCoach.Routes.Analysis;

/// <summary>
/// Douglas–Peucker for the map track, run best-first: the segment whose farthest point deviates most is split first,
/// until <c>maxPoints</c> are kept or no point deviates more than <c>toleranceMeters</c>. Distances are measured on a
/// local equirectangular projection (metres), which is exact enough for a drawn line. Returns kept indices, in order,
/// always including the first and the last point.
/// </summary>
public static class TrackSimplifier
{
    private const double MetersPerDegree = 6_371_008.8 * Math.PI / 180;

    public static int[] Simplify(IReadOnlyList<double> latitudes, IReadOnlyList<double> longitudes, int maxPoints, double toleranceMeters = 1)
    {
        var n = latitudes.Count;
        if (longitudes.Count != n)
        {
            throw new ArgumentException("Latitudes and longitudes differ in length.", nameof(longitudes));
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(maxPoints, 2);
        if (n <= maxPoints)
        {
            return Enumerable.Range(0, n).ToArray();
        }

        var cos = Math.Cos(latitudes[0] * Math.PI / 180);
        var x = new double[n];
        var y = new double[n];
        for (var i = 0; i < n; i++)
        {
            x[i] = longitudes[i] * MetersPerDegree * cos;
            y[i] = latitudes[i] * MetersPerDegree;
        }

        var keep = new bool[n];
        keep[0] = keep[n - 1] = true;
        var kept = 2;
        var queue = new PriorityQueue<(int A, int B, int Far), double>(Comparer<double>.Create((p, q) => q.CompareTo(p)));
        Enqueue(queue, x, y, 0, n - 1);
        while (kept < maxPoints && queue.TryDequeue(out var segment, out var deviation))
        {
            if (deviation <= toleranceMeters)
            {
                break;
            }

            keep[segment.Far] = true;
            kept++;
            Enqueue(queue, x, y, segment.A, segment.Far);
            Enqueue(queue, x, y, segment.Far, segment.B);
        }

        var result = new int[kept];
        for (int i = 0, k = 0; i < n; i++)
        {
            if (keep[i])
            {
                result[k++] = i;
            }
        }

        return result;
    }

    private static void Enqueue(PriorityQueue<(int, int, int), double> queue, double[] x, double[] y, int a, int b)
    {
        if (b - a < 2)
        {
            return;
        }

        var far = -1;
        var max = -1.0;
        for (var i = a + 1; i < b; i++)
        {
            var d = Distance(x[i], y[i], x[a], y[a], x[b], y[b]);
            if (d > max)
            {
                max = d;
                far = i;
            }
        }

        queue.Enqueue((a, b, far), max);
    }

    /// <summary>Distance from (px, py) to the segment (ax, ay)–(bx, by).</summary>
    private static double Distance(double px, double py, double ax, double ay, double bx, double by)
    {
        var dx = bx - ax;
        var dy = by - ay;
        var length2 = (dx * dx) + (dy * dy);
        var t = length2 > 0 ? Math.Clamp((((px - ax) * dx) + ((py - ay) * dy)) / length2, 0, 1) : 0;
        var ex = px - (ax + (t * dx));
        var ey = py - (ay + (t * dy));
        return Math.Sqrt((ex * ex) + (ey * ey));
    }
}
