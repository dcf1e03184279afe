using System.Globalization;
using System.Text;
using CyclingCoach.Training.Readers;

namespace CyclingCoach.Training.Tests.Readers;

/// <summary>The reader's fast decimal path must give bit-identical doubles to the framework parser.</summary>
public sealed class GpxNumberParsingTests
{
    [Fact]
    public void Coordinates_and_elevations_parse_exactly_like_double_parse()
    {
        var rng = new Random(99);
        var texts = new List<(string Lat, string Lon, string Ele)>();
        for (var i = 0; i < 5000; i++)
        {
            var digits = rng.Next(0, 20);
            string Format(double v) => v.ToString("F" + digits, CultureInfo.InvariantCulture);
            texts.Add((Format(rng.NextDouble() * 180 - 90), Format(rng.NextDouble() * 360 - 180), Format(rng.NextDouble() * 9000 - 500)));
        }
        texts.Add(("45.2068527974188327789306640625", "-0.000005", "1e3"));
        texts.Add(("+1.5", "-0", "0000123.4500"));
        texts.Add(("0.1", "0.3", "9007199254740993"));

        var sb = new StringBuilder("<gpx><trk><trkseg>");
        foreach (var (lat, lon, ele) in texts)
        {
            sb.Append($"<trkpt lat=\"{lat}\" lon=\"{lon}\"><ele>{ele}</ele></trkpt>");
        }
        sb.Append("</trkseg></trk></gpx>");
        var points = GpxReader.Read(new MemoryStream(Encoding.UTF8.GetBytes(sb.ToString()))).Tracks[0].Segments[0].Points;

        Assert.Equal(texts.Count, points.Count);
        for (var i = 0; i < texts.Count; i++)
        {
            Assert.Equal(BitConverter.DoubleToInt64Bits(double.Parse(texts[i].Lat, CultureInfo.InvariantCulture)), BitConverter.DoubleToInt64Bits(points[i].Latitude));
            Assert.Equal(BitConverter.DoubleToInt64Bits(double.Parse(texts[i].Lon, CultureInfo.InvariantCulture)), BitConverter.DoubleToInt64Bits(points[i].Longitude));
            Assert.Equal(BitConverter.DoubleToInt64Bits(double.Parse(texts[i].Ele, CultureInfo.InvariantCulture)), BitConverter.DoubleToInt64Bits(points[i].ElevationMeters));
        }
    }
}
