using BenchmarkDotNet.Attributes;
using CyclingCoach.Training.Model;
using CyclingCoach.Training.Routes;

namespace CyclingCoach.Bench.Routes;

/// <summary>200 routes of 10 000 points each, fully analysed (sections, times, gears): target ≤ 3 s.</summary>
[ShortRunJob]
[MemoryDiagnoser]
public class RouteAnalysisBenchmarks
{
    private const int Routes = 200;
    private const int PointsPerRoute = 10_000;
    private TrackPoint[][] _routes = [];

    [GlobalSetup]
    public void Setup()
    {
        _routes = new TrackPoint[Routes][];
        for (var r = 0; r < Routes; r++)
        {
            _routes[r] = SyntheticRoute(new Random(r));
        }
    }

    [Benchmark]
    public RouteAnalysis OneRoute() => RouteAnalyzer.Analyze(_routes[0]);

    [Benchmark(Baseline = true)]
    public int TwoHundredRoutes()
    {
        var sections = 0;
        foreach (var route in _routes)
        {
            sections += RouteAnalyzer.Analyze(route).Sections.Count;
        }

        return sections;
    }

    /// <summary>A wandering route, 5-25 m between points (≈ 150 km), hills of random length and grade, 1 m GPS-like noise.</summary>
    private static TrackPoint[] SyntheticRoute(Random rng)
    {
        var points = new TrackPoint[PointsPerRoute];
        double lat = 45, lon = 6, heading = rng.NextDouble() * 2 * Math.PI, elevation = 200, grade = 0, legLeft = 0;
        const double metersPerDegree = 111_195;
        for (var i = 0; i < points.Length; i++)
        {
            var step = 5 + (rng.NextDouble() * 20);
            if (legLeft <= 0)
            {
                legLeft = 300 + (rng.NextDouble() * 5000);
                grade = (rng.NextDouble() - 0.45) * 0.16;
            }

            legLeft -= step;
            heading += (rng.NextDouble() - 0.5) * 0.2;
            lat += step * Math.Cos(heading) / metersPerDegree;
            lon += step * Math.Sin(heading) / (metersPerDegree * Math.Cos(lat * Math.PI / 180));
            elevation = Math.Max(0, elevation + (step * grade));
            points[i] = TrackPoint.At(lat, lon, elevation + rng.NextDouble() - 0.5);
        }

        return points;
    }
}
