using System.Globalization;
using System.Runtime.InteropServices;
using CyclingCoach.Fakes.Garmin;

namespace CyclingCoach.Fakes;

/// <summary><c>dotnet CyclingCoach.Fakes.dll garmin --port 5290 [--activities 8] [--spacing-hours 30]</c>: the fake
/// Garmin (SSO, diauth and the Connect API on one port) until SIGTERM. <c>./coach test</c> starts it and points the
/// stack's Sync at it. (Not top-level statements: the Web SDK would make that <c>Program</c> public, and the Sync
/// tests see Sync's own.)</summary>
public static class FakeProcess
{
    public static async Task<int> Main(string[] args)
    {
        if (args is not ["garmin", .. var options])
        {
            await Console.Error.WriteLineAsync("usage: CyclingCoach.Fakes garmin --port N [--activities N] [--spacing-hours H] [--without-original N]");
            return 2;
        }

        int Option(string name, int fallback)
        {
            var at = Array.IndexOf(options, name);
            return at >= 0 && at + 1 < options.Length ? int.Parse(options[at + 1], CultureInfo.InvariantCulture) : fallback;
        }

        await using var garmin = await FakeGarmin.StartAsync(
            activityCount: Option("--activities", 8),
            spacing: TimeSpan.FromHours(Option("--spacing-hours", 30)),
            withoutOriginal: Option("--without-original", 0),
            port: Option("--port", 0));
        Console.WriteLine($"fake Garmin listening on {garmin.BaseUrl}");

        var stopped = new TaskCompletionSource();
        using var onTerm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context =>
        {
            context.Cancel = true;
            stopped.TrySetResult();
        });
        using var onInt = PosixSignalRegistration.Create(PosixSignal.SIGINT, context =>
        {
            context.Cancel = true;
            stopped.TrySetResult();
        });
        await stopped.Task;
        return 0;
    }
}
