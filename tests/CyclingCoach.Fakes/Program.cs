using System.Globalization;
using System.Runtime.InteropServices;
using CyclingCoach.Fakes.Garmin;
using CyclingCoach.Fakes.IntervalsIcu;

namespace CyclingCoach.Fakes;

/// <summary><c>dotnet CyclingCoach.Fakes.dll garmin|intervals --port N [--activities 8] [--spacing-hours 30] [--wellness-days 0]</c>: the
/// fake Garmin (SSO, diauth and the Connect API on one port) or the fake intervals.icu (athlete
/// <see cref="FakeIntervalsIcu.AthleteId"/>, key <see cref="FakeIntervalsIcu.ApiKey"/>) until SIGTERM.
/// <c>./coach test</c> starts both and points the stack's Sync at them. (Not top-level statements: the Web SDK would make that <c>Program</c> public, and the Sync
/// tests see Sync's own.)</summary>
public static class FakeProcess
{
    public static async Task<int> Main(string[] args)
    {
        if (args is not [("garmin" or "intervals") and var fake, .. var options])
        {
            await Console.Error.WriteLineAsync("usage: CyclingCoach.Fakes garmin|intervals --port N [--activities N] [--spacing-hours H] [--without-original N] [--wellness-days N (garmin)]");
            return 2;
        }

        int Option(string name, int fallback)
        {
            var at = Array.IndexOf(options, name);
            return at >= 0 && at + 1 < options.Length ? int.Parse(options[at + 1], CultureInfo.InvariantCulture) : fallback;
        }

        var activities = Option("--activities", 8);
        var spacing = TimeSpan.FromHours(Option("--spacing-hours", 30));
        var port = Option("--port", 0);
        IAsyncDisposable server;
        string url;
        if (fake == "garmin")
        {
            var garmin = await FakeGarmin.StartAsync(activityCount: activities, spacing: spacing, withoutOriginal: Option("--without-original", 0), port: port);
            garmin.AddWellnessDays(Option("--wellness-days", 0));
            (server, url) = (garmin, garmin.BaseUrl);
        }
        else
        {
            var intervals = await FakeIntervalsIcu.StartAsync(port);
            intervals.AddRides(activities, spacing);
            (server, url) = (intervals, intervals.BaseUrl);
        }

        await using var running = server;
        Console.WriteLine($"fake {fake} listening on {url}");

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
