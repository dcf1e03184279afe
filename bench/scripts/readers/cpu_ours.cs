#:project ../../../CyclingCoach.Training/CyclingCoach.Training.csproj
#:property Configuration=Release
#:property TreatWarningsAsErrors=false
// Load-robust cross-check for run.sh: CPU time (not wall time) per pass of our readers, after warm-up, over the same
// file lists as the peers. Same work as bench/CyclingCoach.Bench/Readers (GPX: parse + 2-D haversine + ascent).
// Usage: dotnet run cpu_ours.cs -- GPX_LIST FIT_LIST PASSES
using System.Diagnostics;
using CyclingCoach.Training.Model;
using CyclingCoach.Training.Readers;

var gpx = File.ReadAllLines(args[0]).Where(l => l.Length > 0).Select(File.ReadAllBytes).ToArray();
var fit = File.ReadAllLines(args[1]).Where(l => l.Length > 0).Select(File.ReadAllBytes).ToArray();
var passes = int.Parse(args[2]);

double GpxPass()
{
    var total = 0.0;
    foreach (var bytes in gpx)
    {
        var doc = GpxReader.Read(new MemoryStream(bytes, writable: false));
        foreach (var run in doc.Tracks.SelectMany(t => t.Segments).Select(s => s.Points).Concat(doc.Routes.Select(r => r.Points)))
        {
            total += Walk(run);
        }
    }
    return total;
}

int FitPass()
{
    var n = 0;
    foreach (var bytes in fit)
    {
        n += FitDecoder.Decode(bytes).Activity.Points.Count;
    }
    return n;
}

static double Walk(IReadOnlyList<TrackPoint> p)
{
    const double r = Math.PI / 180.0;
    var sum = 0.0;
    for (var i = 1; i < p.Count; i++)
    {
        var sLat = Math.Sin((p[i - 1].Latitude - p[i].Latitude) * r / 2);
        var sLon = Math.Sin((p[i - 1].Longitude - p[i].Longitude) * r / 2);
        var h = sLat * sLat + sLon * sLon * Math.Cos(p[i - 1].Latitude * r) * Math.Cos(p[i].Latitude * r);
        sum += 6378137.0 * 2 * Math.Atan2(Math.Sqrt(h), Math.Sqrt(1 - h));
        if (p[i - 1].HasElevation && p[i].HasElevation && p[i].ElevationMeters > p[i - 1].ElevationMeters)
        {
            sum += p[i].ElevationMeters - p[i - 1].ElevationMeters;
        }
    }
    return sum;
}

(double Cpu, double Wall) Measure(Action pass)
{
    for (var i = 0; i < 15; i++)
    {
        pass(); // warm-up through tiered JIT
    }
    var process = Process.GetCurrentProcess();
    var cpu0 = process.TotalProcessorTime;
    var sw = Stopwatch.StartNew();
    for (var i = 0; i < passes; i++)
    {
        pass();
    }
    process.Refresh();
    return ((process.TotalProcessorTime - cpu0).TotalMilliseconds / passes, sw.Elapsed.TotalMilliseconds / passes);
}

var g = Measure(() => GpxPass());
var f = Measure(() => FitPass());
Console.WriteLine($"OURS_GPX_CPU_MS={g.Cpu:F3}");
Console.WriteLine($"OURS_GPX_WALL_MS={g.Wall:F3}");
Console.WriteLine($"OURS_FIT_CPU_MS={f.Cpu:F3}");
Console.WriteLine($"OURS_FIT_WALL_MS={f.Wall:F3}");
