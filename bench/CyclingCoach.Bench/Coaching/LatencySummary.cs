using System.Globalization;

namespace CyclingCoach.Bench.Coaching;

/// <summary>Median / p95 / max of a set of times in milliseconds (nearest-rank percentiles), printed as one line.</summary>
public sealed record LatencySummary(string Name, int Count, double Median, double P95, double Max, double Min)
{
    public static LatencySummary Of(string name, IReadOnlyCollection<double> milliseconds)
    {
        if (milliseconds.Count == 0)
        {
            throw new InvalidOperationException($"{name}: nothing was measured.");
        }

        var sorted = milliseconds.Order().ToArray();
        double Rank(double p) => sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];
        return new LatencySummary(name, sorted.Length, Rank(0.5), Rank(0.95), sorted[^1], sorted[0]);
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"RESULT {Name}: n={Count} median={Median:0.00} ms p95={P95:0.00} ms max={Max:0.00} ms min={Min:0.00} ms | load {LoadAverage()}");

    /// <summary>The first three fields of /proc/loadavg (others build on the same cores).</summary>
    public static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";
}
