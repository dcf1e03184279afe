using System.Text.RegularExpressions;

namespace CyclingCoach.AppHost.Tests;

/// <summary>Which processes listen on which TCP ports (from <c>ss</c>): the real processes behind non-proxied endpoints.</summary>
public static partial class Listeners
{
    public static async Task<IReadOnlyDictionary<int, int>> PidsByPortAsync(IEnumerable<int> ports)
    {
        var wanted = ports.ToHashSet();
        var start = new System.Diagnostics.ProcessStartInfo("ss", "-ltnpH") { RedirectStandardOutput = true };
        using var ss = System.Diagnostics.Process.Start(start)!;
        var output = await ss.StandardOutput.ReadToEndAsync();
        await ss.WaitForExitAsync();
        var result = new Dictionary<int, int>();
        foreach (Match m in Line().Matches(output))
        {
            var port = int.Parse(m.Groups["port"].Value);
            if (wanted.Contains(port))
            {
                result.TryAdd(port, int.Parse(m.Groups["pid"].Value));
            }
        }

        return result;
    }

    public static bool IsAlive(int pid) => Directory.Exists($"/proc/{pid}");

    [GeneratedRegex(@":(?<port>\d+)\s+\S+:\S+\s+users:\(\(""[^""]*"",pid=(?<pid>\d+)")]
    private static partial Regex Line();
}
