using System.Diagnostics;

namespace CyclingCoach.Sync.Tests;

public sealed class RequiredSettingTests
{
    [Fact]
    public async Task A_missing_connection_string_stops_start_up_with_one_line_naming_the_key()
    {
        var dll = typeof(Program).Assembly.Location;
        var start = new ProcessStartInfo("dotnet", [dll])
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            WorkingDirectory = Path.GetDirectoryName(dll)!,
        };
        foreach (var key in start.Environment.Keys.Where(k => k.StartsWith("ConnectionStrings", StringComparison.OrdinalIgnoreCase)).ToList())
        {
            start.Environment.Remove(key);
        }

        start.Environment["ASPNETCORE_URLS"] = "http://127.0.0.1:0";
        start.Environment["Auth__ServiceKey"] = "service-key-of-this-test";
        start.Environment["Storage__KeyEncryptionKey"] = "key-encryption-key-of-this-test";
        using var process = Process.Start(start)!;
        var stderr = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync(new CancellationTokenSource(TimeSpan.FromSeconds(60)).Token);

        Assert.Equal(78, process.ExitCode);
        var lines = stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Single(lines);
        Assert.Contains("ConnectionStrings:syncdb", lines[0]);
        Assert.Contains("ConnectionStrings__syncdb", lines[0]);
    }
}
