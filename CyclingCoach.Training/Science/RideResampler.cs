using CyclingCoach.Training.Model;
using CyclingCoach.Training.Routes;

namespace CyclingCoach.Training.Science;

/// <summary>
/// Resamples timestamped <see cref="TrackPoint"/>s to a 1 Hz timeline (<see cref="RideStreams"/>).
/// <para>Policy:</para>
/// <list type="number">
/// <item>Points are ordered by time (stable: file order breaks ties); points without a time are ignored. If no point
/// has a time, the points are taken as consecutive 1 s samples. Second i is the bucket
/// round(t − t₀); several samples in one bucket (duplicates, sub-second recording) are averaged per channel.</item>
/// <item>Short gaps: when two consecutive samples are at most <see cref="ResampleOptions.MaxGapSeconds"/> apart, the
/// seconds between them are recorded and each channel is interpolated linearly.</item>
/// <item>Long gaps are pauses (stopped, like a device auto-pause): <see cref="RideStreams.Recorded"/> and
/// <see cref="RideStreams.Moving"/> are false; power, cadence and speed are 0 (when the channel exists), heart rate is
/// NaN (unknown, excluded from averages), altitude, distance and position hold the last known value. This follows
/// GoldenCheetah's "fix gaps" convention (interpolate short gaps, zero-fill long ones). Metrics then decide per formula
/// whether paused seconds count (see <see cref="RideMetricsCalculator"/>).</item>
/// <item>Explicit pauses (FIT timer stop → start) are never recorded, even when samples are close together.</item>
/// <item>A channel that drops out for longer than the gap threshold while other channels keep recording stays NaN.
/// Power and cadence missing from a record that exists stay NaN even for a short dropout (head units count such
/// seconds as 0 W); only seconds with no record at all are interpolated for them.</item>
/// <item>Distance is derived from positions when the source has none; speed from distance when the source has none.</item>
/// <item>Moving = recorded and speed ≥ <see cref="ResampleOptions.MovingSpeedThresholdMps"/>; without any speed,
/// recorded and (power &gt; 0 or cadence &gt; 0); without either, recorded.</item>
/// </list>
/// </summary>
public static class RideResampler
{
    private const int Channels = 8;
    private const int PowerCh = 0, HrCh = 1, CadCh = 2, SpeedCh = 3, AltCh = 4, DistCh = 5, LatCh = 6, LonCh = 7;

    public static RideStreams Resample(IReadOnlyList<TrackPoint> points, ResampleOptions? options = null) =>
        Resample(points, options, []);

    /// <summary>
    /// Resamples with explicit pauses (e.g. FIT timer stop → start, see <see cref="PauseInterval.FromFitTimerEvents"/>):
    /// the seconds strictly inside each pause are not recorded, whatever the sample spacing.
    /// </summary>
    public static RideStreams Resample(IReadOnlyList<TrackPoint> points, ResampleOptions? options, IReadOnlyList<PauseInterval> pauses)
    {
        ArgumentNullException.ThrowIfNull(pauses);
        ArgumentNullException.ThrowIfNull(points);
        options ??= ResampleOptions.Default;
        if (options.MaxGapSeconds < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(options), "MaxGapSeconds must be at least 1.");
        }

        var seconds = BucketSeconds(points, options, out var startUtc, out var order);
        if (order.Length == 0)
        {
            return RideStreams.Empty;
        }

        var length = seconds[^1] + 1;
        var streams = RideStreams.Create(startUtc, length);
        var channels = new[]
        {
            streams.Power, streams.HeartRate, streams.Cadence, streams.Speed,
            streams.Altitude, streams.Distance, streams.Latitude, streams.Longitude,
        };
        var sampled = new bool[length];
        var counts = new int[length];

        for (var c = 0; c < Channels; c++)
        {
            var dst = channels[c];
            Array.Clear(counts);
            for (var k = 0; k < order.Length; k++)
            {
                var v = Channel(points[order[k]], c);
                var s = seconds[k];
                sampled[s] = true;
                if (double.IsNaN(v))
                {
                    continue;
                }

                dst[s] = counts[s] == 0 ? v : dst[s] + v;
                counts[s]++;
            }

            for (var s = 0; s < length; s++)
            {
                if (counts[s] > 1)
                {
                    dst[s] /= counts[s];
                }
            }
        }

        // Recorded: sampled seconds and the inside of short gaps.
        var recorded = streams.Recorded;
        var last = -1;
        for (var s = 0; s < length; s++)
        {
            if (!sampled[s])
            {
                continue;
            }

            recorded[s] = true;
            if (last >= 0 && s - last <= options.MaxGapSeconds)
            {
                recorded.AsSpan(last + 1, s - last - 1).Fill(true);
            }

            last = s;
        }

        if (startUtc is { } start)
        {
            foreach (var pause in pauses)
            {
                var from = (long)Math.Floor((pause.StartUtc - start).TotalSeconds) + 1;
                var to = (long)Math.Ceiling((pause.EndUtc - start).TotalSeconds) - 1;
                for (var k = Math.Max(0, from); k <= Math.Min(length - 1, to); k++)
                {
                    recorded[k] = false;
                }
            }
        }

        for (var c = 0; c < Channels; c++)
        {
            FillChannel(channels[c], recorded, sampled, options.MaxGapSeconds, c);
        }

        if (!streams.HasDistance && streams.HasPosition)
        {
            DeriveDistance(streams);
        }

        if (!streams.HasSpeed && streams.HasDistance)
        {
            DeriveSpeed(streams);
        }

        ComputeMoving(streams, options.MovingSpeedThresholdMps);
        return streams;
    }

    private static int[] BucketSeconds(IReadOnlyList<TrackPoint> points, ResampleOptions options, out DateTime? startUtc, out int[] order)
    {
        var timed = 0;
        for (var i = 0; i < points.Count; i++)
        {
            if (points[i].TimeUtc.HasValue)
            {
                timed++;
            }
        }

        if (timed == 0)
        {
            startUtc = null;
            var n = Math.Min(points.Count, options.MaxSeconds);
            order = new int[n];
            var idx = new int[n];
            for (var i = 0; i < n; i++)
            {
                order[i] = i;
                idx[i] = i;
            }

            return idx;
        }

        var keys = new long[timed];
        order = new int[timed];
        var j = 0;
        for (var i = 0; i < points.Count; i++)
        {
            if (points[i].TimeUtc is { } t)
            {
                keys[j] = t.Ticks;
                order[j] = i;
                j++;
            }
        }

        // Stable sort by time: sort (ticks, index) pairs.
        var pairs = new (long Ticks, int Index)[timed];
        for (var i = 0; i < timed; i++)
        {
            pairs[i] = (keys[i], order[i]);
        }

        Array.Sort(pairs);
        var t0 = pairs[0].Ticks;
        startUtc = new DateTime(t0, DateTimeKind.Utc);
        var secs = new List<int>(timed);
        var kept = new List<int>(timed);
        for (var i = 0; i < timed; i++)
        {
            var s = (long)Math.Round((pairs[i].Ticks - t0) / (double)TimeSpan.TicksPerSecond, MidpointRounding.AwayFromZero);
            if (s >= options.MaxSeconds)
            {
                break;
            }

            secs.Add((int)s);
            kept.Add(pairs[i].Index);
        }

        order = kept.ToArray();
        return secs.ToArray();
    }

    private static double Channel(in TrackPoint p, int c) => c switch
    {
        PowerCh => p.PowerWatts,
        HrCh => p.HeartRateBpm,
        CadCh => p.CadenceRpm,
        SpeedCh => p.SpeedMps,
        AltCh => p.ElevationMeters,
        DistCh => p.DistanceMeters,
        LatCh => p.Latitude,
        _ => p.Longitude,
    };

    private static void FillChannel(double[] v, bool[] recorded, bool[] sampled, int maxGap, int channel)
    {
        var first = -1;
        for (var s = 0; s < v.Length; s++)
        {
            if (!double.IsNaN(v[s]))
            {
                first = s;
                break;
            }
        }

        if (first < 0)
        {
            return; // channel absent
        }

        var zeroWhenStopped = channel is PowerCh or CadCh or SpeedCh;
        var holdWhenStopped = channel is AltCh or DistCh or LatCh or LonCh;
        // Power and cadence missing from a record that exists is a dropout, not a time gap: left NaN (counts as 0 W).
        var fillSampled = channel is not (PowerCh or CadCh);
        var prev = first;
        for (var s = first + 1; s < v.Length; s++)
        {
            if (double.IsNaN(v[s]))
            {
                continue;
            }

            var gap = s - prev;
            if (gap > 1)
            {
                var a = v[prev];
                var step = (v[s] - a) / gap;
                for (var k = prev + 1; k < s; k++)
                {
                    if (!recorded[k])
                    {
                        if (zeroWhenStopped)
                        {
                            v[k] = 0;
                        }
                        else if (holdWhenStopped)
                        {
                            v[k] = v[prev];
                        }
                    }
                    else if (gap <= maxGap && (fillSampled || !sampled[k]))
                    {
                        v[k] = a + (step * (k - prev));
                    }

                    // else: a channel dropout while recording stays unknown.
                }
            }

            prev = s;
        }
    }

    private static void DeriveDistance(RideStreams s)
    {
        double total = 0;
        var prev = -1;
        for (var i = 0; i < s.Length; i++)
        {
            if (double.IsNaN(s.Latitude[i]) || double.IsNaN(s.Longitude[i]))
            {
                continue;
            }

            if (prev >= 0)
            {
                total += GeoMath.DistanceMeters(s.Latitude[prev], s.Longitude[prev], s.Latitude[i], s.Longitude[i]);
            }

            s.Distance[i] = total;
            prev = i;
        }
    }

    private static void DeriveSpeed(RideStreams s)
    {
        for (var i = 0; i < s.Length; i++)
        {
            if (!s.Recorded[i])
            {
                s.Speed[i] = 0;
                continue;
            }

            if (i > 0 && !double.IsNaN(s.Distance[i]) && !double.IsNaN(s.Distance[i - 1]))
            {
                s.Speed[i] = Math.Max(0, s.Distance[i] - s.Distance[i - 1]);
            }
        }
    }

    private static void ComputeMoving(RideStreams s, double threshold)
    {
        var hasSpeed = s.HasSpeed;
        var hasDrive = s.HasPower || s.HasCadence;
        for (var i = 0; i < s.Length; i++)
        {
            if (!s.Recorded[i])
            {
                continue;
            }

            if (hasSpeed && !double.IsNaN(s.Speed[i]))
            {
                s.Moving[i] = s.Speed[i] >= threshold;
            }
            else if (hasDrive)
            {
                s.Moving[i] = s.Power[i] > 0 || s.Cadence[i] > 0;
            }
            else
            {
                s.Moving[i] = true;
            }
        }
    }
}
