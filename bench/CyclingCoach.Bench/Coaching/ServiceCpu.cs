namespace CyclingCoach.Bench.Coaching;

/// <summary>
/// User + system CPU time of the service process (pid in <c>BENCH_SERVICE_PID</c>, set by run.sh) from
/// /proc/PID/stat: unlike wall time it does not grow with the other engineers' load on the shared cores.
/// </summary>
public static class ServiceCpu
{
    private const double MillisecondsPerTick = 10; // USER_HZ is 100 on Linux

    public static double? Milliseconds()
    {
        var pid = Environment.GetEnvironmentVariable("BENCH_SERVICE_PID");
        var path = $"/proc/{pid}/stat";
        if (string.IsNullOrEmpty(pid) || !File.Exists(path))
        {
            return null;
        }

        // Fields after the ")" that closes the command name: state is 3, utime 14, stime 15.
        var fields = File.ReadAllText(path).Split(')')[^1].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return (long.Parse(fields[11]) + long.Parse(fields[12])) * MillisecondsPerTick;
    }

    /// <summary>"service CPU X ms per call" over <paramref name="calls"/> calls since <paramref name="before"/>, or "".</summary>
    public static string PerCall(double? before, int calls) =>
        before is { } b && Milliseconds() is { } after ? $" | service CPU {(after - b) / calls:0.0} ms per call" : "";
}
