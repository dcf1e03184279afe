using System.Text;
using CyclingCoach.Training.Model;
using CyclingCoach.Training.Readers;

namespace CyclingCoach.Training.Tests.Readers;

/// <summary>Hostile and broken GPX inputs: every one ends in a typed error, reading no further than it must (time and memory: bench/).</summary>
public sealed class GpxHostileInputTests
{
    private static ActivityFileException Fails(string xml, ActivityReaderOptions? options = null) => Fails(Encoding.UTF8.GetBytes(xml), options);

    private static ActivityFileException Fails(byte[] bytes, ActivityReaderOptions? options = null)
    {
        var ex = Assert.Throws<ActivityFileException>(() => GpxReader.Read(new MemoryStream(bytes), options));
        Assert.Equal(ActivityFormat.Gpx, ex.Format);
        return ex;
    }

    [Fact]
    public void External_entity_is_refused_before_any_resolution()
    {
        var secret = Path.GetTempFileName();
        File.WriteAllText(secret, "TOP-SECRET");
        try
        {
            var xml = $"""
                <?xml version="1.0"?>
                <!DOCTYPE gpx [ <!ENTITY xxe SYSTEM "file://{secret}"> ]>
                <gpx version="1.1"><trk><name>&xxe;</name><trkseg><trkpt lat="1" lon="2"/></trkseg></trk></gpx>
                """;
            var ex = Fails(xml);
            Assert.Equal(ActivityFileErrorCodes.DtdProhibited, ex.Code);
            Assert.DoesNotContain("TOP-SECRET", ex.ToString(), StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(secret);
        }
    }

    [Fact]
    public void Billion_laughs_is_refused()
    {
        var sb = new StringBuilder("<?xml version=\"1.0\"?>\n<!DOCTYPE gpx [\n<!ENTITY lol \"lol\">\n");
        for (var i = 1; i <= 9; i++)
        {
            sb.Append($"<!ENTITY lol{i} \"{string.Concat(Enumerable.Repeat($"&lol{(i == 1 ? "" : (i - 1).ToString())};", 10))}\">\n");
        }
        sb.Append("]>\n<gpx version=\"1.1\"><trk><name>&lol9;</name></trk></gpx>");
        // Refused at the DTD, before any entity is expanded (how long that takes: bench/, "reader limits").
        Assert.Equal(ActivityFileErrorCodes.DtdProhibited, Fails(sb.ToString()).Code);
    }

    [Fact]
    public void Empty_input_is_empty()
    {
        Assert.Equal(ActivityFileErrorCodes.Empty, Fails([]).Code);
    }

    [Fact]
    public void Truncated_gpx_is_malformed()
    {
        var bytes = File.ReadAllBytes(Fixtures.Gpx("sportslib__3939576645.gpx"));
        var ex = Fails(bytes[..(bytes.Length / 2)]);
        Assert.Equal(ActivityFileErrorCodes.MalformedXml, ex.Code);
        Assert.True(ex.LineNumber > 1000);
    }

    [Theory]
    [InlineData("<kml xmlns=\"http://www.opengis.net/kml/2.2\"><Document/></kml>", ActivityFileErrorCodes.NotGpx)]
    [InlineData("<TrainingCenterDatabase/>", ActivityFileErrorCodes.NotGpx)]
    [InlineData("   ", ActivityFileErrorCodes.MalformedXml)]
    [InlineData("this is not xml", ActivityFileErrorCodes.MalformedXml)]
    [InlineData("<gpx><trk><trkseg><trkpt lat=\"1\" lon=\"2\"></trkseg></trk></gpx>", ActivityFileErrorCodes.MalformedXml)]
    public void Non_gpx_and_broken_xml_have_typed_codes(string xml, string code)
    {
        Assert.Equal(code, Fails(xml).Code);
    }

    [Fact]
    public void Random_bytes_are_malformed()
    {
        var bytes = new byte[10_000];
        new Random(42).NextBytes(bytes);
        bytes[0] = (byte)'<';
        Assert.Equal(ActivityFileErrorCodes.MalformedXml, Fails(bytes).Code);
    }

    [Fact]
    public void Self_closing_root_and_bad_values_are_tolerated()
    {
        Assert.Empty(GpxReader.Read(new MemoryStream("<gpx/>"u8.ToArray())).Tracks);
        var doc = GpxReader.Read(new MemoryStream("""
            <gpx><trk><trkseg>
              <trkpt lat="1,5" lon="2"><ele>1</ele></trkpt>
              <trkpt lat="95" lon="2"/>
              <trkpt lat="1.5" lon="2.5"><ele>abc</ele><time>yesterday</time></trkpt>
              <trkpt lat=" 1.25 " lon="-2e-1"><ele>1e2</ele><time>2020-02-29T23:59:59+02:00</time></trkpt>
            </trkseg></trk></gpx>
            """u8.ToArray()));
        var points = doc.Tracks[0].Segments[0].Points;
        Assert.Equal(2, points.Count);
        Assert.True(double.IsNaN(points[0].ElevationMeters));
        Assert.Null(points[0].TimeUtc);
        Assert.Equal(1.25, points[1].Latitude);
        Assert.Equal(-0.2, points[1].Longitude);
        Assert.Equal(100, points[1].ElevationMeters);
        Assert.Equal(new DateTime(2020, 2, 29, 21, 59, 59, DateTimeKind.Utc), points[1].TimeUtc);
        Assert.True(ReaderWarningCodes.Has(doc.Warnings, ReaderWarningCodes.InvalidValues));
    }

    [Fact]
    public void Huge_generated_gpx_stops_at_the_default_point_limit_while_streaming()
    {
        // The reader stops reading at the 2,000,001st point: it never asked for the rest of the ~225 MB. Its time and
        // peak memory, which a test sharing the process with others cannot measure: bench/, "reader limits".
        var stream = new GeneratedGpxStream(3_000_000);
        var ex = Assert.Throws<ActivityFileException>(() => GpxReader.Read(stream));
        Assert.Equal(ActivityFileErrorCodes.TooManyPoints, ex.Code);
        Assert.True(stream.BytesProduced < 250_000_000, $"read {stream.BytesProduced} bytes");
        Assert.True(stream.BytesProduced > 100_000_000, $"read {stream.BytesProduced} bytes");
    }

    [Fact]
    public void Huge_generated_gpx_stops_at_the_default_byte_limit()
    {
        var stream = new GeneratedGpxStream(400_000, comments: true); // ~400 MB of comments, never in memory
        var ex = Assert.Throws<ActivityFileException>(() => GpxReader.Read(stream));
        Assert.Equal(ActivityFileErrorCodes.TooLarge, ex.Code);
        Assert.InRange(stream.BytesProduced, 256L * 1024 * 1024, 256L * 1024 * 1024 + 1_000_000);
    }

    [Fact]
    public void Configured_limits_apply()
    {
        var options = new ActivityReaderOptions { MaxPoints = 1000 };
        Assert.Equal(ActivityFileErrorCodes.TooManyPoints, Assert.Throws<ActivityFileException>(() => GpxReader.Read(new GeneratedGpxStream(5000), options)).Code);
        Assert.Equal(1000, GpxReader.Read(new GeneratedGpxStream(1000), options).TrackPointCount);
        var small = new ActivityReaderOptions { MaxInputBytes = 100_000 };
        Assert.Equal(ActivityFileErrorCodes.TooLarge, Assert.Throws<ActivityFileException>(() => GpxReader.Read(new GeneratedGpxStream(5000), small)).Code);
    }
}
