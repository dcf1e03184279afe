using System.Text.Json;
using CyclingCoach.Training.Model;
using CyclingCoach.Training.Routes;
using CyclingCoach.Training.Science;

namespace CyclingCoach.Training.Tests.Routes;

/// <summary>Results are stored and served as JSON: no NaN or infinity may reach the serializer.</summary>
public class RouteAnalysisSerializationTests
{
    [Fact]
    public void Routes_with_and_without_elevation_or_positions_serialise()
    {
        var distanceOnly = Enumerable.Range(0, 200)
            .Select(i => new TrackPoint(null, double.NaN, double.NaN, double.NaN, i * 25.0, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN))
            .ToList();
        foreach (var points in new[] { RouteBuilder.Line(12_000, RouteBuilder.Legs(50, (4_000, 6), (8_000, -3))), RouteBuilder.Line(5_000, _ => double.NaN), distanceOnly })
        {
            var analysis = RouteAnalyzer.Analyze(points);
            var json = JsonSerializer.Serialize(analysis);
            Assert.Contains("\"Sections\"", json);
        }

        Assert.Equal(4_975, RouteAnalyzer.Analyze(distanceOnly).DistanceMeters, 6);
    }

    [Fact]
    public void Ride_metrics_without_hr_or_ftp_serialise()
    {
        var metrics = RideMetricsCalculator.Compute(RideStreams.FromPower([100, 200, 0, 300]), new AthleteThresholds(null));
        Assert.Contains("\"NormalizedPowerWatts\"", JsonSerializer.Serialize(metrics));
    }
}
