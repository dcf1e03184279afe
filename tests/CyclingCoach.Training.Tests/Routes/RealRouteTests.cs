using CyclingCoach.Training.Readers;
using CyclingCoach.Training.Routes;
using CyclingCoach.Training.Tests.Science;

namespace CyclingCoach.Training.Tests.Routes;

/// <summary>Route analysis on real GPX files from fixtures/gpx, read with the project's own reader.</summary>
public class RealRouteTests
{
    private static RouteAnalysis Analyze(string file)
    {
        using var stream = File.OpenRead(Path.Combine(FixturePaths.Fixtures, "gpx", file));
        return RouteAnalyzer.Analyze(ActivityReader.Read(stream, file).Points);
    }

    [Fact]
    public void Gpx_of_a_recorded_ride_matches_the_device_totals_of_the_same_ride()
    {
        // sports-lib 3939576645: the same ride as a FIT file whose session says 42 220.87 m, ascent 668 m, descent 664 m
        // (fixtures/fit/EXPECTED_fitdecode.json). Our distance is the haversine sum of the GPX points; our ascent uses
        // the smoothed profile with 3 m hysteresis, so it may be a little lower than the barometric device total.
        var a = Analyze("sportslib__3939576645.gpx");
        Assert.InRange(a.DistanceMeters, 42_220.87 * 0.98, 42_220.87 * 1.02);
        Assert.InRange(a.ElevationGainMeters!.Value, 668 * 0.9, 668 * 1.05);
        Assert.InRange(a.ElevationLossMeters!.Value, 664 * 0.9, 664 * 1.05);
        Assert.Contains(a.Sections, s => s.Kind == SectionKind.Climb && s.Category >= ClimbCategory.Cat4);
        Assert.Equal(a.DistanceMeters, a.Sections.Sum(s => s.DistanceMeters), 6);
        Assert.InRange(a.EstimatedTimeSeconds / 3600, 1, 3);
    }

    [Fact]
    public void Variants_of_one_track_agree_on_distance_and_elevation_handling()
    {
        var original = Analyze("gpxpy__cerknicko-jezero.gpx");
        var noTimes = Analyze("gpxpy__cerknicko-without-times.gpx");
        var noElevation = Analyze("gpxpy__cerknicko-jezero-without-elevations.gpx");
        var zeroElevation = Analyze("gpxpy__cerknicko-jezero-with-elevations-zero.gpx");

        Assert.True(original.HasElevation);
        Assert.Equal(original.DistanceMeters, noTimes.DistanceMeters, 3);
        Assert.Equal(original.Sections.Count, noTimes.Sections.Count);
        Assert.Equal(original.DistanceMeters, noElevation.DistanceMeters, 3);
        Assert.Equal(original.DistanceMeters, zeroElevation.DistanceMeters, 3);
        Assert.False(noElevation.HasElevation);
        Assert.False(zeroElevation.HasElevation);
        Assert.All(noElevation.Sections.Concat(zeroElevation.Sections), s =>
        {
            Assert.Equal(SectionKind.Unknown, s.Kind);
            Assert.Null(s.AverageGradePercent);
        });
    }
}
