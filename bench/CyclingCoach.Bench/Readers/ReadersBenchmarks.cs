using System.Globalization;
using BenchmarkDotNet.Attributes;
using CyclingCoach.Training.Readers;

namespace CyclingCoach.Bench.Readers;

/// <summary>
/// Reader throughput on the fixture corpus: FIT decode of every file (from memory) and GPX parse + distance + ascent.
/// One operation = one pass over all files; run with <c>--job short --inProcess</c> (see the script). Run through bench/scripts/readers/run.sh to compare with gpxpy/gpsbabel;
/// the script compares best (Min) with the peers' best pass, as the 2 shared cores make means noisy.
/// </summary>
[MemoryDiagnoser]
[MinColumn]
[MaxColumn]
public class ReadersBenchmarks
{
    private IReadOnlyList<(string Path, byte[] Bytes)> _fit = [];
    private IReadOnlyList<(string Path, byte[] Bytes)> _gpx = [];
    private byte[] _bigFit = [];

    [GlobalSetup]
    public void Setup()
    {
        _fit = ReaderBenchFiles.Load("READERS_FIT_LIST", "fit", "*.fit");
        _gpx = ReaderBenchFiles.Load("READERS_GPX_LIST", "gpx", "*.gpx");
        _bigFit = _fit.OrderByDescending(f => f.Bytes.Length).First().Bytes;

        // Totals for the script's parity check (same work as the peers): written once, outside the measurement.
        var totalsPath = Environment.GetEnvironmentVariable("READERS_TOTALS_OUT");
        if (!string.IsNullOrEmpty(totalsPath))
        {
            var lines = new List<string>();
            foreach (var (path, bytes) in _gpx)
            {
                var (d, a, n) = GpxDistanceAscent.Compute(GpxReader.Read(new MemoryStream(bytes)));
                lines.Add(string.Create(CultureInfo.InvariantCulture, $"gpx\t{Path.GetFileName(path)}\t{n}\t{d:F3}\t{a:F3}"));
            }
            foreach (var (path, bytes) in _fit)
            {
                lines.Add(string.Create(CultureInfo.InvariantCulture, $"fit\t{Path.GetFileName(path)}\t{FitDecoder.Decode(bytes).Activity.Points.Count}\t{bytes.Length}"));
            }
            File.WriteAllLines(totalsPath, lines);
        }
    }

    [Benchmark(Description = "FIT decode, all files")]
    public int FitDecodeAll()
    {
        var records = 0;
        foreach (var (_, bytes) in _fit)
        {
            records += FitDecoder.Decode(bytes).Activity.Points.Count;
        }
        return records;
    }

    [Benchmark(Description = "FIT decode, largest file")]
    public int FitDecodeLargest() => FitDecoder.Decode(_bigFit).Activity.Points.Count;

    [Benchmark(Description = "GPX parse+distance+ascent, all files")]
    public double GpxParseDistanceAscentAll()
    {
        var total = 0.0;
        foreach (var (_, bytes) in _gpx)
        {
            var (d, a, _) = GpxDistanceAscent.Compute(GpxReader.Read(new MemoryStream(bytes, writable: false)));
            total += d + a;
        }
        return total;
    }
}
