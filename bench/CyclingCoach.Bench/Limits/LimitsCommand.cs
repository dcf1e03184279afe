using System.Diagnostics;
using System.Text;
using CyclingCoach.Coaching.Domain.Rules;
using CyclingCoach.Training.Readers;
using CyclingCoach.Training.Tests.Readers;

namespace CyclingCoach.Bench.Limits;

/// <summary>
/// The time and memory the hostile-input tests used to assert (issue 18: a bound measured inside a shared test process
/// says little), one case per process so its peak memory is its own: <c>limits CASE</c> prints one tab-separated line
/// (case, what happened, median and max seconds over the runs, peak RSS in MB). bench/scripts/limits/run.sh runs every
/// case and a baseline (a one-point GPX) in the same session.
/// </summary>
public static class LimitsCommand
{
    public static readonly string[] Cases = ["baseline", "rules-longest-text", "gpx-billion-laughs", "gpx-3m-points", "gpx-400mb-comments"];

    public static int Run(string[] args)
    {
        var name = args.FirstOrDefault() ?? "";
        Func<string>? run = name switch
        {
            "baseline" => () => $"{GpxReader.Read(new GeneratedGpxStream(1)).TrackPointCount} point",
            "rules-longest-text" => RulesLongestText,
            "gpx-billion-laughs" => () => Refused(Encoding.UTF8.GetBytes(BillionLaughs())),
            "gpx-3m-points" => () => Refused(new GeneratedGpxStream(3_000_000)),
            "gpx-400mb-comments" => () => Refused(new GeneratedGpxStream(400_000, comments: true)),
            _ => null,
        };
        if (run is null)
        {
            Console.Error.WriteLine($"usage: limits {string.Join("|", Cases)} [runs]");
            return 2;
        }

        var runs = args.Length > 1 && int.TryParse(args[1], out var n) ? n : 5;
        var seconds = new List<double>();
        var outcome = "";
        for (var i = 0; i < runs; i++)
        {
            var clock = Stopwatch.StartNew();
            outcome = run();
            seconds.Add(clock.Elapsed.TotalSeconds);
        }

        seconds.Sort();
        Console.WriteLine($"{name}\t{outcome}\t{seconds[seconds.Count / 2]:0.000}\t{seconds[^1]:0.000}\t{PeakRssMegabytes():0}");
        return 0;
    }

    /// <summary>The text BuiltInRuleParserTests reads: a pasted document at the rules API's 10,000-character limit.</summary>
    private static string RulesLongestText()
    {
        var text = string.Concat(Enumerable.Repeat("max 8 hours a week. I like coffee and cake, and tea, and biscuits. ", 100))
                   + new string('a', 2_000) + " and " + string.Join(", ", Enumerable.Repeat("Monday", 100));
        var result = BuiltInRuleParser.Parse(text);
        return $"{result.NotUnderstood.Count} not understood, {result.Rules.MaxHoursPerWeek} h a week";
    }

    private static string BillionLaughs()
    {
        var sb = new StringBuilder("<?xml version=\"1.0\"?>\n<!DOCTYPE gpx [\n<!ENTITY lol \"lol\">\n");
        for (var i = 1; i <= 9; i++)
        {
            sb.Append($"<!ENTITY lol{i} \"{string.Concat(Enumerable.Repeat($"&lol{(i == 1 ? "" : (i - 1).ToString())};", 10))}\">\n");
        }

        return sb.Append("]>\n<gpx version=\"1.1\"><trk><name>&lol9;</name></trk></gpx>").ToString();
    }

    private static string Refused(byte[] bytes) => Refused(new MemoryStream(bytes));

    private static string Refused(Stream stream)
    {
        try
        {
            GpxReader.Read(stream);
            return "read (not refused)";
        }
        catch (ActivityFileException e)
        {
            return stream is GeneratedGpxStream generated ? $"{e.Code} after {generated.BytesProduced / 1e6:0} MB read" : e.Code;
        }
    }

    /// <summary>VmHWM: the most resident memory this process ever had.</summary>
    private static double PeakRssMegabytes() =>
        File.ReadLines("/proc/self/status").Where(l => l.StartsWith("VmHWM:", StringComparison.Ordinal))
            .Select(l => double.Parse(l.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]) / 1024).FirstOrDefault();
}
