using CyclingCoach.Training.Model;
using CyclingCoach.Training.Readers;

namespace CyclingCoach.Training.Tests.Readers;

/// <summary>Every GPX fixture with the shape the MANIFEST documents, and the ride-import outcome.</summary>
public sealed class GpxFixtureTests
{
    // file, segment sizes ("" = no tracks), routes, route points, waypoints, points with <ele>, points with <time>,
    // ride-import outcome: number of points, or -1 for no_points
    public static TheoryData<string, string, int, int, int, int, int, int> Cases => new()
    {
        { "gpxpy__korita-zbevnica.gpx", "0,358,176,337", 0, 0, 2, 871, 513, 871 },
        { "gpxpy__Mojstrovka.gpx", "184", 0, 0, 0, 184, 184, 184 },
        { "gpxpy__cerknicko-jezero.gpx", "0,173,52,2,44,2,2,21", 0, 0, 7, 302, 297, 296 },
        { "gpxpy__cerknicko-jezero-without-elevations.gpx", "0,173,52,2,44,2,2,21", 0, 0, 7, 0, 295, 296 },
        { "gpxpy__cerknicko-jezero-with-elevations-zero.gpx", "0,173,52,2,44,2,2,21", 0, 0, 7, 302, 296, 296 },
        { "gpxpy__cerknicko-without-times.gpx", "0,173,52,2,44,2,2,21", 0, 0, 7, 302, 5, 296 },
        { "gpxpy__route.gpx", "", 1, 55, 0, 0, 0, 55 },
        { "gpxpy__around-visnjan-with-car.gpx", "104", 0, 0, 0, 104, 104, 104 },
        { "gpxpy__gpx1.1_with_all_fields.gpx", "1,0", 2, 5, 2, 3, 3, 1 },
        { "gpxpy__track-with-empty-segment.gpx", "9,0", 0, 0, 0, 9, 9, 9 },
        { "gpxpy__unicode_with_bom.gpx", "", 0, 0, 1, 1, 1, -1 },
        { "gpxpy__gpx_with_garmin_extension.gpx", "", 0, 0, 1, 1, 1, -1 },
        { "gpxpy__first_and_last_elevation.gpx", "10", 0, 0, 0, 2, 10, 10 },
        { "gpxpy__track-with-small-floats.gpx", "3", 0, 0, 0, 3, 0, 3 },
        { "goldencheetah__1292585194-20906.gpx", "462,83,602,329,413,20,657,374,482,749,186,137,350,589,265,237", 0, 0, 14, 5935, 5949, 5935 },
        { "goldencheetah__A_ride_mapped_on_11_22_2011.gpx", "9722", 0, 0, 0, 0, 0, 9722 },
        { "goldencheetah__UrbanBiker2019-04-18_16-12.gpx", "0,884,1986", 0, 0, 0, 2844, 2870, 2870 },
        { "goldencheetah__Move_2014_01_17_09_33_11.gpx", "1405", 0, 0, 0, 1405, 1405, 1405 },
        { "goldencheetah__MetadataOnly.gpx", "", 0, 0, 0, 0, 0, -1 },
        { "sportslib__3939576645.gpx", "2547", 0, 0, 0, 2547, 2547, 2547 },
        { "sportslib__6909869014.gpx", "3790", 0, 0, 0, 3790, 3790, 3790 },
        // Undeclared namespace prefixes: strict parsers fail; we match by local name and read it.
        { "sportslib__6037744996.gpx", "4040", 0, 0, 0, 4040, 4040, 4040 },
        { "gpxstudio__with_power_2.gpx", "80", 0, 0, 0, 80, 0, 80 },
        { "gpxstudio__with_routes.gpx", "", 2, 77, 0, 77, 0, 77 },
        { "togeojson__osm.gpx", "2280,115,2605", 0, 0, 0, 0, 2395, 5000 },
        { "togeojson__multitrackgpx.gpx", "1966,1685,1584", 0, 0, 0, 5235, 5235, 5235 },
        { "togeojson__blue_hills.gpx", "95,59,115,3,2,1,3,6,25,172,326,298,90,48", 0, 0, 46, 1284, 1285, 1243 },
        { "togeojson__trek.gpx", "", 1, 120, 0, 120, 0, 120 },
        { "togeojson__empty_trk.gpx", "0", 0, 0, 0, 0, 0, -1 },
    };

    [Fact]
    public void Every_gpx_fixture_is_in_the_table()
    {
        var listed = Cases.Select(row => (string)row[0]).ToHashSet();
        var onDisk = Directory.GetFiles(Path.Combine(Fixtures.Root, "gpx"), "*.gpx").Select(Path.GetFileName).ToList();
        Assert.Equal(29, onDisk.Count);
        Assert.All(onDisk, f => Assert.Contains(f!, listed));
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Fixture_reads_to_documented_shape(string file, string segments, int routes, int routePoints, int waypoints, int withEle, int withTime, int ridePoints)
    {
        GpxDocument doc;
        using (var s = Fixtures.Open(Fixtures.Gpx(file)))
        {
            doc = GpxReader.Read(s);
        }
        Assert.Equal(segments, string.Join(",", doc.Tracks.SelectMany(t => t.Segments).Select(x => x.Points.Count)));
        Assert.Equal(routes, doc.Routes.Count);
        Assert.Equal(routePoints, doc.RoutePointCount);
        Assert.Equal(waypoints, doc.Waypoints.Count);
        var all = doc.Tracks.SelectMany(t => t.Segments).SelectMany(x => x.Points)
            .Concat(doc.Routes.SelectMany(r => r.Points)).Concat(doc.Waypoints.Select(w => w.Point)).ToList();
        Assert.Equal(withEle, all.Count(p => p.HasElevation));
        Assert.Equal(withTime, all.Count(p => p.TimeUtc is not null));
        Assert.All(all, p => Assert.True(p.HasPosition));

        if (ridePoints < 0)
        {
            var ex = Assert.Throws<ActivityFileException>(doc.ToActivityData);
            Assert.Equal(ActivityFileErrorCodes.NoPoints, ex.Code);
        }
        else
        {
            var a = doc.ToActivityData();
            Assert.Equal(ActivityFormat.Gpx, a.Format);
            Assert.Equal(ridePoints, a.Points.Count);
        }
    }

    [Fact]
    public void Garmin_trackpoint_extension_values_are_read()
    {
        using var s = Fixtures.Open(Fixtures.Gpx("sportslib__3939576645.gpx"));
        var a = GpxReader.ReadActivity(s);
        var p = a.Points[0];
        Assert.Equal(45.2068527974188327789306640625, p.Latitude, 12);
        Assert.Equal(5.78827821649610996246337890625, p.Longitude, 12);
        Assert.Equal(208.8000030517578125, p.ElevationMeters, 9);
        Assert.Equal(new DateTime(2019, 8, 11, 12, 52, 20, DateTimeKind.Utc), p.TimeUtc);
        Assert.Equal(111, p.HeartRateBpm);
        Assert.Equal(90, p.CadenceRpm);
        Assert.Equal(27, p.TemperatureCelsius);
        Assert.True(double.IsNaN(p.PowerWatts));
        Assert.Equal("Meylan Road Cycling", a.Name);
        Assert.Equal("road_biking", a.Sport);
        Assert.Equal(p.TimeUtc, a.StartTimeUtc);
    }

    [Fact]
    public void Same_ride_as_gpx_and_fit_agrees_point_by_point()
    {
        ActivityData gpx, fit;
        using (var s = Fixtures.Open(Fixtures.Gpx("sportslib__3939576645.gpx")))
        {
            gpx = GpxReader.ReadActivity(s);
        }
        using (var s = Fixtures.Open(Fixtures.Fit("sportslib__3939576645.fit")))
        {
            fit = FitDecoder.Read(s).Activity;
        }
        Assert.Equal(fit.Points.Count, gpx.Points.Count);
        for (var i = 0; i < fit.Points.Count; i++)
        {
            Assert.Equal(fit.Points[i].TimeUtc, gpx.Points[i].TimeUtc);
            Assert.Equal(fit.Points[i].Latitude, gpx.Points[i].Latitude, 7);
            Assert.Equal(fit.Points[i].Longitude, gpx.Points[i].Longitude, 7);
            Assert.Equal(fit.Points[i].HeartRateBpm, gpx.Points[i].HeartRateBpm);
            Assert.Equal(fit.Points[i].CadenceRpm, gpx.Points[i].CadenceRpm);
        }
    }

    [Fact]
    public void Power_variants_are_read()
    {
        using (var s = Fixtures.Open(Fixtures.Gpx("sportslib__6909869014.gpx")))
        {
            var p = GpxReader.ReadActivity(s).Points;
            Assert.Equal(62, p[0].PowerWatts); // plain <power>
            Assert.Equal(85, p[0].HeartRateBpm);
            Assert.Equal(7, p[0].CadenceRpm);
        }
        using (var s = Fixtures.Open(Fixtures.Gpx("gpxstudio__with_power_2.gpx")))
        {
            var p = GpxReader.ReadActivity(s).Points;
            Assert.Equal(200, p[0].PowerWatts); // undeclared gpxpx:PowerInWatts
            Assert.Equal(109, p[0].ElevationMeters);
            Assert.All(p, x => Assert.False(double.IsNaN(x.PowerWatts)));
        }
        using (var s = Fixtures.Open(Fixtures.Gpx("goldencheetah__UrbanBiker2019-04-18_16-12.gpx")))
        {
            var p = GpxReader.ReadActivity(s).Points;
            Assert.Equal(48.8788889100, p[0].Latitude, 10);
            Assert.Equal(125, p[0].HeartRateBpm);
            Assert.Equal(26.9, p[0].TemperatureCelsius, 9);
            Assert.Equal(new DateTime(2019, 4, 18, 14, 12, 21, 9, DateTimeKind.Utc), p[1].TimeUtc); // milliseconds kept
            Assert.Equal(2847, p.Count(x => !double.IsNaN(x.PowerWatts))); // PowerInWatts with a non-standard namespace URI
        }
        using (var s = Fixtures.Open(Fixtures.Gpx("goldencheetah__Move_2014_01_17_09_33_11.gpx")))
        {
            var p = GpxReader.ReadActivity(s).Points;
            Assert.Equal(92, p[0].HeartRateBpm); // cluetrust gpxdata:hr
            Assert.Equal(20.7000007629395, p[0].TemperatureCelsius, 9);
            Assert.Equal(12, p[0].DistanceMeters);
            Assert.Equal(new DateTime(2014, 1, 17, 8, 33, 11, 150, DateTimeKind.Utc), p[0].TimeUtc);
        }
    }

    [Fact]
    public void Bom_file_without_version_reads_its_waypoint()
    {
        using var s = Fixtures.Open(Fixtures.Gpx("gpxpy__unicode_with_bom.gpx"));
        var doc = GpxReader.Read(s);
        Assert.Null(doc.Version);
        var w = Assert.Single(doc.Waypoints);
        Assert.Equal("test", w.Name);
        Assert.Equal("test desc", w.Description);
        Assert.Equal(-14.6, w.Point.ElevationMeters, 9);
        Assert.Equal(new DateTime(2016, 5, 27, 10, 8, 47, 800, DateTimeKind.Utc), w.Point.TimeUtc);
    }

    [Fact]
    public void Missing_and_zero_elevation_are_distinguished()
    {
        using var zero = Fixtures.Open(Fixtures.Gpx("gpxpy__cerknicko-jezero-with-elevations-zero.gpx"));
        Assert.All(GpxReader.ReadActivity(zero).Points, p => Assert.Equal(0, p.ElevationMeters));
        using var none = Fixtures.Open(Fixtures.Gpx("gpxpy__cerknicko-jezero-without-elevations.gpx"));
        Assert.All(GpxReader.ReadActivity(none).Points, p => Assert.False(p.HasElevation));
        using var small = Fixtures.Open(Fixtures.Gpx("gpxpy__track-with-small-floats.gpx"));
        var first = GpxReader.ReadActivity(small).Points[0];
        Assert.True(first.Latitude is > 0 and < 0.001);
    }
}
