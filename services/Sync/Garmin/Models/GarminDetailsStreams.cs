using CyclingCoach.Training.Model;
using CyclingCoach.Training.Science;

namespace CyclingCoach.Sync.Garmin.Models;

/// <summary>
/// Garmin's <c>details</c> (chart samples, downsampled from the recording: every 1–5 s, sometimes more) → 1 Hz streams
/// through the same <see cref="RideResampler"/> as FIT imports. Policy (README "Streams without an original"):
/// <list type="bullet">
/// <item>Time is <c>directTimestamp</c> (epoch ms), else the start + <c>sumElapsedDuration</c>.</item>
/// <item>Between two samples the seconds are interpolated linearly, like a FIT's short gaps, as long as the timer
/// (<c>sumDuration</c>) ran through the gap: the resampler's gap limit is raised to the widest such spacing, so
/// Garmin's spacing never reads as a stop.</item>
/// <item>A gap whose elapsed time exceeds the timer's advance by ≥ 2 s holds a pause (timer stopped): the paused
/// seconds are not recorded (0 W, no HR) exactly as after a FIT timer stop → start. The timer's part of such a gap
/// (under one sample spacing) is counted as paused too unless the whole gap is within the gap limit. Without a timer
/// channel, a gap longer than 3 × the usual spacing (at least 10 s) is a pause. No load is invented: power between
/// two samples lies between them.</item>
/// <item>Positions of exactly (0, 0) are "no fix" (Garmin writes zeros before the first fix); other values are SI,
/// <c>factor</c> not applied (research §2).</item>
/// </list>
/// </summary>
public static class GarminDetailsStreams
{
    private const double PauseSlackSeconds = 2;

    public static RideStreams ToRideStreams(GarminActivityDetails details, DateTimeOffset listedStart)
    {
        var stamps = details.Stream("directTimestamp");
        var elapsed = details.Stream("sumElapsedDuration");
        var timer = details.Stream("sumDuration");
        var rows = details.Streams.Values.FirstOrDefault()?.Length ?? 0;

        var points = new List<TrackPoint>(rows);
        var timers = new List<double>(rows);
        for (var i = 0; i < rows; i++)
        {
            DateTime? time = stamps?[i] is { } ms ? DateTimeOffset.FromUnixTimeMilliseconds((long)ms).UtcDateTime
                : elapsed?[i] is { } e ? listedStart.UtcDateTime.AddSeconds(e)
                : null;
            if (time is null)
            {
                continue;
            }

            var lat = Value(details, "directLatitude", i);
            var lon = Value(details, "directLongitude", i);
            if (lat == 0 && lon == 0)
            {
                lat = lon = double.NaN;
            }

            points.Add(new TrackPoint(
                time, lat, lon,
                Value(details, "directElevation", i),
                Value(details, "sumDistance", i),
                Value(details, "directSpeed", i),
                Value(details, "directPower", i),
                Value(details, "directHeartRate", i),
                Value(details, "directBikeCadence", i),
                Value(details, "directAirTemperature", i)));
            timers.Add(timer?[i] ?? double.NaN);
        }

        if (points.Count == 0)
        {
            return RideStreams.Empty;
        }

        var (pauses, maxGap) = Pauses(points, timers);
        return RideResampler.Resample(points, ResampleOptions.Default with { MaxGapSeconds = maxGap }, pauses);
    }

    /// <summary>Laps from <c>splits</c> in the shape the FIT reader gives them (start, elapsed, timer, distance, power, HR).</summary>
    public static IReadOnlyList<LapData> Laps(GarminActivitySplits? splits) =>
        splits?.Laps.OrderBy(l => l.LapIndex ?? int.MaxValue).Select(l => new LapData(
            l.StartTime?.UtcDateTime, l.ElapsedDurationSeconds ?? l.DurationSeconds, l.DurationSeconds, l.DistanceMeters,
            l.AveragePowerWatts, l.AverageHeartRateBpm)).ToList() ?? [];

    private static (IReadOnlyList<PauseInterval> Pauses, int MaxGapSeconds) Pauses(List<TrackPoint> points, List<double> timers)
    {
        var pauses = new List<PauseInterval>();
        var gaps = new List<double>(points.Count);
        var running = 0.0;
        var hasTimer = timers.Any(double.IsFinite);
        for (var i = 1; i < points.Count; i++)
        {
            var gap = (points[i].TimeUtc!.Value - points[i - 1].TimeUtc!.Value).TotalSeconds;
            var ticked = timers[i] - timers[i - 1];
            if (double.IsFinite(ticked) && gap - ticked >= PauseSlackSeconds)
            {
                pauses.Add(new PauseInterval(points[i - 1].TimeUtc!.Value.AddSeconds(Math.Max(0, ticked)), points[i].TimeUtc!.Value));
            }
            else if (gap > 0)
            {
                gaps.Add(gap);
                running = Math.Max(running, gap);
            }
        }

        if (hasTimer)
        {
            return (pauses, Math.Max(ResampleOptions.Default.MaxGapSeconds, (int)Math.Ceiling(running)));
        }

        gaps.Sort();
        var usual = gaps.Count > 0 ? gaps[gaps.Count / 2] : 1;
        return ([], Math.Max(ResampleOptions.Default.MaxGapSeconds, (int)Math.Ceiling(3 * usual)));
    }

    private static double Value(GarminActivityDetails details, string key, int row) =>
        details.Stream(key)?[row] is { } v && double.IsFinite(v) ? v : double.NaN;
}
