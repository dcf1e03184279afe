using System.Text;
using CyclingCoach.Training.Readers;

namespace CyclingCoach.Training.Tests.Readers;

/// <summary>
/// A small mutation fuzzer for the readers: small real FIT, GPX and TCX files, bytes flipped, overwritten with edge
/// values, cut, repeated or spliced, and XML numbers and dates swapped for extreme ones. Whatever comes in, a reader
/// either reads it or throws <see cref="ActivityFileException"/> (a 400 at the upload endpoints); anything else would
/// escape as a 500. Deterministic per seed; <c>COACH_FUZZ_ITERATIONS</c> (default 1500 per seed file) runs it longer,
/// and a failing input is written to <c>COACH_FUZZ_OUT</c> (default the temp folder) for a reader test.
/// </summary>
public sealed class ReaderFuzzTests
{
    private static readonly int Iterations =
        int.TryParse(Environment.GetEnvironmentVariable("COACH_FUZZ_ITERATIONS"), out var n) && n > 0 ? n : 1500;

    public static TheoryData<string> Seeds() =>
    [
        Fixtures.Fit("goldencheetah__2012_02_05_09_03_59.fit"),
        Fixtures.Fit("fitparse__activity-activity-filecrc.fit"),
        Fixtures.Fit("fitparse__compressed-speed-distance.fit"),
        Fixtures.Gpx("gpxpy__gpx_with_garmin_extension.gpx"),
        Fixtures.Gpx("gpxpy__track-with-small-floats.gpx"),
        "tcx",
    ];

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Only_ActivityFileException_escapes_the_readers(string seed)
    {
        var original = seed == "tcx" ? Encoding.UTF8.GetBytes(TcxSamples.EdgeRide) : File.ReadAllBytes(seed);
        var random = new Random(StableHash(Path.GetFileName(seed)));
        var escaped = new List<string>();
        for (var i = 0; i < Iterations && escaped.Count < 5; i++)
        {
            var input = Mutate(original, random);
            try
            {
                ActivityReader.ReadFile(new MemoryStream(input, writable: false), Path.GetFileName(seed));
            }
            catch (ActivityFileException)
            {
            }
            catch (Exception e)
            {
                var path = Path.Combine(Environment.GetEnvironmentVariable("COACH_FUZZ_OUT") ?? Path.GetTempPath(), $"fuzz-{Path.GetFileName(seed)}-{i}.bin");
                File.WriteAllBytes(path, input);
                escaped.Add($"{e.GetType().Name}: {e.Message} (input {path})");
            }
        }

        Assert.True(escaped.Count == 0, string.Join('\n', escaped));
    }

    private static byte[] Mutate(byte[] original, Random random)
    {
        var bytes = (byte[])original.Clone();
        var rounds = 1 + random.Next(4);
        for (var r = 0; r < rounds; r++)
        {
            bytes = random.Next(9) switch
            {
                0 => FlipBits(bytes, random),
                1 => Overwrite(bytes, random, [0x00, 0xFF, 0x7F, 0x80, 0xFE, 0x01]),
                2 => bytes[..random.Next(1, bytes.Length + 1)],
                3 => Repeat(bytes, random),
                4 => Overwrite(bytes, random, [(byte)'<', (byte)'>', (byte)'&', (byte)'"', 0xC3, 0xEF, 0xBB]),
                5 => InsertMarkup(bytes, random) ?? FlipBits(bytes, random),
                _ => MutateText(bytes, random) ?? FlipBits(bytes, random),
            };
        }

        return bytes;
    }

    private static byte[] FlipBits(byte[] bytes, Random random)
    {
        for (var k = 0; k < 1 + random.Next(8); k++)
        {
            var at = random.Next(bytes.Length);
            bytes[at] ^= (byte)(1 << random.Next(8));
        }

        return bytes;
    }

    private static byte[] Overwrite(byte[] bytes, Random random, byte[] values)
    {
        var at = random.Next(bytes.Length);
        var length = Math.Min(bytes.Length - at, 1 + random.Next(4));
        for (var k = 0; k < length; k++)
        {
            bytes[at + k] = values[random.Next(values.Length)];
        }

        return bytes;
    }

    private static byte[] Repeat(byte[] bytes, Random random)
    {
        var at = random.Next(bytes.Length);
        var length = Math.Min(bytes.Length - at, 1 + random.Next(64));
        return [.. bytes[..(at + length)], .. bytes[at..(at + length)], .. bytes[(at + length)..]];
    }

    /// <summary>XML only: a piece of markup dropped in at a random place (CDATA, prefixes, character references,
    /// another declaration, deep nesting, a stray end tag).</summary>
    private static byte[]? InsertMarkup(byte[] bytes, Random random)
    {
        if (bytes.Length < 1 || bytes[0] is not ((byte)'<' or 0xEF))
        {
            return null;
        }

        string[] pieces =
        [
            "<![CDATA[1.5]]>", "<a:trkpt xmlns:a=\"\" lat=\"1\" lon=\"2\">", "&#x10FFFF;", "&#1;", "<?xml version=\"1.0\" encoding=\"utf-16\"?>",
            "<!-- -->", " xmlns=\"\" ", "<trkpt lat=\"1\" lon=\"2\"/>", "</trkseg>", "</gpx>", "<gpx>", string.Concat(Enumerable.Repeat("<x>", 70)),
            "<time>", "</time>", "<trkseg>", "<trk>", "<rte><rtept lat=\"0\" lon=\"0\"/></rte>", "\u0000", "<x:y:z/>", " lat=\"1\" ",
        ];
        var at = random.Next(bytes.Length);
        return [.. bytes[..at], .. Encoding.UTF8.GetBytes(pieces[random.Next(pieces.Length)]), .. bytes[at..]];
    }

    /// <summary>XML only: a number or a date replaced by an extreme or odd one (the readers' parsing edge).</summary>
    private static byte[]? MutateText(byte[] bytes, Random random)
    {
        if (bytes.Length < 1 || bytes[0] is not ((byte)'<' or 0xEF))
        {
            return null;
        }

        string[] values =
        [
            "1e309", "-1e309", "NaN", "-0", "99999999999999999999", "9999-12-31T23:59:59Z", "0001-01-01T00:00:00Z",
            "10000-01-01T00:00:00Z", "0001-01-01T00:00:00+01:00", "9999-12-31T23:59:59-01:00", "2020-02-30T25:61:61Z", "2020-01-01T00:00:00+14:59", "-2147483649", "1.7976931348623157E+308",
            "", "&#0;", "&#xFFFE;", "\uD800", "ÿ",
        ];
        var text = Encoding.UTF8.GetString(bytes);
        var positions = new List<int>();
        for (var k = 0; k < text.Length - 1; k++)
        {
            if ((text[k] == '>' || text[k] == '"') && (char.IsDigit(text[k + 1]) || text[k + 1] == '-'))
            {
                positions.Add(k + 1);
            }
        }

        if (positions.Count == 0)
        {
            return null;
        }

        var start = positions[random.Next(positions.Count)];
        var end = start;
        while (end < text.Length && text[end] is not ('<' or '"'))
        {
            end++;
        }

        return Encoding.UTF8.GetBytes(text[..start] + values[random.Next(values.Length)] + text[end..]);
    }

    private static int StableHash(string value)
    {
        var hash = 17;
        foreach (var c in value)
        {
            hash = unchecked((hash * 31) + c);
        }

        return hash;
    }
}
