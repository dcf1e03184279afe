using System.Diagnostics;
using System.Net;
using System.Text.RegularExpressions;

namespace CyclingCoach.SystemTests;

/// <summary>A listening TCP or UDP socket and the process that holds it (from <c>ss -ltunpH</c>).</summary>
public sealed partial record Sockets(string Protocol, string Address, int Port, int Pid, string Process)
{
    public bool OnLoopback => IPAddress.TryParse(Address.Trim('[', ']').Split('%')[0], out var ip)
        && (IPAddress.IsLoopback(ip) || (ip.IsIPv4MappedToIPv6 && IPAddress.IsLoopback(ip.MapToIPv4())));

    public override string ToString() => $"{Protocol} {Address}:{Port} ({Process}, pid {Pid})";

    /// <summary>
    /// The sockets of one stack: its processes are the AppHost (pid in <c>$COACH_DIR/run/apphost.pid</c>) and
    /// everything below it, and whatever it started that left the tree but carries the stack's folder in its
    /// environment or command line (a daemon such as Erlang's epmd); started since the AppHost, so what an earlier
    /// run of the same folder left behind is not counted as this stack's.
    /// </summary>
    public static async Task<IReadOnlyList<Sockets>> OfStackAsync(string coachDir)
    {
        var root = int.Parse(File.ReadAllText(Path.Combine(coachDir, "run", "apphost.pid")).Trim());
        var parents = new Dictionary<int, int>();
        var started = new Dictionary<int, long>();
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (int.TryParse(Path.GetFileName(dir), out var pid) && TryRead(Path.Combine(dir, "stat")) is { } stat)
            {
                // pid (comm) state ppid … starttime (field 22): comm may hold spaces and parentheses, so read after the last ')'.
                var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
                parents[pid] = int.Parse(fields[1]);
                started[pid] = long.Parse(fields[19]);
            }
        }

        bool InStack(int pid)
        {
            for (var p = pid; p > 1 && parents.ContainsKey(p); p = parents[p])
            {
                if (p == root)
                {
                    return true;
                }
            }

            if (started.GetValueOrDefault(pid) < started.GetValueOrDefault(root))
            {
                return false;
            }

            var environment = TryRead($"/proc/{pid}/environ") ?? "";
            var command = TryRead($"/proc/{pid}/cmdline") ?? "";
            return environment.Contains($"COACH_DIR={coachDir}\0", StringComparison.Ordinal)
                || environment.Contains($"{coachDir}/", StringComparison.Ordinal)
                || command.Contains($"{coachDir}/", StringComparison.Ordinal);
        }

        var start = new ProcessStartInfo("ss", "-ltunpH") { RedirectStandardOutput = true };
        using var ss = System.Diagnostics.Process.Start(start)!;
        var output = await ss.StandardOutput.ReadToEndAsync();
        await ss.WaitForExitAsync();
        var sockets = new List<Sockets>();
        foreach (Match m in Line().Matches(output))
        {
            foreach (Match user in User().Matches(m.Groups["users"].Value))
            {
                var pid = int.Parse(user.Groups["pid"].Value);
                if (InStack(pid))
                {
                    sockets.Add(new Sockets(m.Groups["proto"].Value, m.Groups["address"].Value, int.Parse(m.Groups["port"].Value), pid, user.Groups["name"].Value));
                }
            }
        }

        return sockets;
    }

    private static string? TryRead(string path)
    {
        try
        {
            return File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null; // the process ended meanwhile
        }
    }

    [GeneratedRegex(@"^(?<proto>tcp|udp)\s+\S+\s+\d+\s+\d+\s+(?<address>\S+):(?<port>\d+)\s+\S+\s+users:\((?<users>.*)\)\s*$", RegexOptions.Multiline)]
    private static partial Regex Line();

    [GeneratedRegex(@"\(""(?<name>[^""]*)"",pid=(?<pid>\d+)")]
    private static partial Regex User();
}
