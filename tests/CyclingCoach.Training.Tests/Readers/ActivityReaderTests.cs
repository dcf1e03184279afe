using System.Text;
using CyclingCoach.Training.Model;
using CyclingCoach.Training.Readers;

namespace CyclingCoach.Training.Tests.Readers;

/// <summary>The single entry point: content sniffing (never the file name), detail, and typed failures.</summary>
public sealed class ActivityReaderTests
{
    [Theory]
    [InlineData("fit/fitparse__Edge810-Vector-2013-08-16-15-35-10.fit", ActivityFormat.Fit, 4700)]
    [InlineData("gpx/sportslib__3939576645.gpx", ActivityFormat.Gpx, 2547)]
    [InlineData("gpx/gpxpy__unicode_with_bom.gpx", null, 0)]
    [InlineData("gpx/gpxpy__route.gpx", ActivityFormat.Gpx, 55)]
    public void Fixtures_are_sniffed_from_content_even_with_a_lying_name(string relative, ActivityFormat? format, int points)
    {
        var path = Path.Combine(Fixtures.Root, relative);
        foreach (var hint in new[] { Path.GetFileName(path), "upload.tcx", null })
        {
            using var s = new NonSeekableStream(Fixtures.Open(path));
            if (format is null)
            {
                Assert.Equal(ActivityFileErrorCodes.NoPoints, Assert.Throws<ActivityFileException>(() => ActivityReader.Read(s, hint)).Code);
                continue;
            }
            var a = ActivityReader.Read(s, hint);
            Assert.Equal(format, a.Format);
            Assert.Equal(points, a.Points.Count);
            Assert.Equal(hint == "upload.tcx", ReaderWarningCodes.Has(a.Warnings, ReaderWarningCodes.ExtensionMismatch));
        }
    }

    [Fact]
    public void Tcx_is_sniffed_and_fit_detail_is_kept()
    {
        var tcx = ActivityReader.Read(new MemoryStream(Encoding.UTF8.GetBytes(TcxSamples.EdgeRide)), "ride.gpx");
        Assert.Equal(ActivityFormat.Tcx, tcx.Format);
        Assert.True(ReaderWarningCodes.Has(tcx.Warnings, ReaderWarningCodes.ExtensionMismatch));

        using var s = Fixtures.Open(Fixtures.Fit("fitparse__garmin-edge-500-activity.fit"));
        var file = ActivityReader.ReadFile(s, "x.fit");
        Assert.NotNull(file.Fit);
        Assert.True(file.TimerEvents.Count > 10);
        Assert.Null(file.Gpx);

        using var g = Fixtures.Open(Fixtures.Gpx("togeojson__blue_hills.gpx"));
        var gpx = ActivityReader.ReadFile(g);
        Assert.Equal(46, gpx.Gpx!.Waypoints.Count);
        Assert.Empty(gpx.TimerEvents);
    }

    [Theory]
    [InlineData(new byte[0], ActivityFileErrorCodes.Empty)]
    [InlineData(new byte[] { 0x50, 0x4B, 0x03, 0x04, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0 }, ActivityFileErrorCodes.UnsupportedFormat)]
    public void Unknown_content_is_rejected(byte[] bytes, string code)
    {
        Assert.Equal(code, Assert.Throws<ActivityFileException>(() => ActivityReader.Read(new MemoryStream(bytes), "ride.fit")).Code);
    }

    [Theory]
    [InlineData("<kml><Document/></kml>", "ride.gpx", ActivityFileErrorCodes.UnsupportedFormat)]
    [InlineData("\uFEFF<?xml version=\"1.0\"?><!-- c --><gpx><trk><trkseg><trkpt lat=\"1\" lon=\"2\"/></trkseg></trk></gpx>", null, null)]
    [InlineData("<?xml version=\"1.0\"?><!DOCTYPE gpx [<!ENTITY a \"b\">]><gpx/>", "ride.gpx", ActivityFileErrorCodes.DtdProhibited)]
    [InlineData("<?xml version=\"1.0\"?><!DOCTYPE TrainingCenterDatabase SYSTEM \"http://evil/x.dtd\"><TrainingCenterDatabase/>", null, ActivityFileErrorCodes.DtdProhibited)]
    [InlineData("<gpx><trk><trkseg><trkpt lat=\"1\" lon=\"2\">", "ride.gpx", ActivityFileErrorCodes.MalformedXml)]
    [InlineData("<gpx version=\"1.1\"><metadata/></gpx>", null, ActivityFileErrorCodes.NoPoints)]
    [InlineData("hello world", "ride.gpx", ActivityFileErrorCodes.UnsupportedFormat)]
    public void Xml_inputs_are_routed_by_root_element(string xml, string? hint, string? code)
    {
        var stream = new MemoryStream(Encoding.UTF8.GetBytes(xml));
        if (code is null)
        {
            Assert.Single(ActivityReader.Read(stream, hint).Points);
        }
        else
        {
            Assert.Equal(code, Assert.Throws<ActivityFileException>(() => ActivityReader.Read(stream, hint)).Code);
        }
    }

    [Fact]
    public void Root_beyond_the_sniffed_prefix_is_still_validated()
    {
        var xml = "<?xml version=\"1.0\"?><!--" + new string('x', 10_000) + "--><gpx><trk><trkseg><trkpt lat=\"1\" lon=\"2\"/></trkseg></trk></gpx>";
        Assert.Single(ActivityReader.Read(new MemoryStream(Encoding.UTF8.GetBytes(xml)), null).Points);
        var notGpx = "<?xml version=\"1.0\"?><!--" + new string('x', 10_000) + "--><kml/>";
        Assert.Equal(ActivityFileErrorCodes.NotGpx, Assert.Throws<ActivityFileException>(() => ActivityReader.Read(new MemoryStream(Encoding.UTF8.GetBytes(notGpx)), null)).Code);
    }

    [Fact]
    public void Utf16_gpx_is_read()
    {
        var xml = "<?xml version=\"1.0\" encoding=\"UTF-16\"?><gpx><rte><rtept lat=\"1.5\" lon=\"2.5\"/></rte></gpx>";
        var bytes = Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes(xml)).ToArray();
        var a = ActivityReader.Read(new MemoryStream(bytes), null);
        Assert.Equal(1.5, Assert.Single(a.Points).Latitude);
    }
}
