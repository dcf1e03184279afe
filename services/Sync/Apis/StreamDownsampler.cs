using CyclingCoach.ServiceDefaults;
using CyclingCoach.Sync.Model;

namespace CyclingCoach.Sync.Apis;

/// <summary>Chart-sized streams: consecutive buckets of ⌈length / maxPoints⌉ seconds, each the mean of its values (position: the first).</summary>
public static class StreamDownsampler
{
    public static StreamsResponse Downsample(WorkoutStreams s, int? maxPoints)
    {
        var step = maxPoints is { } max && s.Length > max ? (int)Math.Ceiling(s.Length / (double)max) : 1;
        var count = s.Length == 0 ? 0 : ((s.Length - 1) / step) + 1;
        var offsets = new int[count];
        var moving = new bool[count];
        for (var b = 0; b < count; b++)
        {
            offsets[b] = b * step;
            var movingSeconds = 0;
            for (var i = b * step; i < Math.Min(s.Length, (b + 1) * step); i++)
            {
                movingSeconds += i < s.Moving.Length && s.Moving[i] ? 1 : 0;
            }

            moving[b] = movingSeconds * 2 >= Math.Min(step, s.Length - (b * step));
        }

        return new StreamsResponse(
            s.WorkoutId,
            s.StartUtc is { } t ? t.AsUtcOffset() : null,
            s.Length, step, offsets,
            Mean(s.Power, step, count), Mean(s.HeartRate, step, count), Mean(s.Cadence, step, count), Mean(s.Speed, step, count),
            Mean(s.Altitude, step, count), Mean(s.Distance, step, count), First(s.Latitude, step, count), First(s.Longitude, step, count),
            moving);
    }

    private static double?[]? Mean(float[]? values, int step, int count)
    {
        if (values is null)
        {
            return null;
        }

        var result = new double?[count];
        for (var b = 0; b < count; b++)
        {
            double sum = 0;
            var n = 0;
            for (var i = b * step; i < Math.Min(values.Length, (b + 1) * step); i++)
            {
                if (float.IsFinite(values[i]))
                {
                    sum += values[i];
                    n++;
                }
            }

            result[b] = n == 0 ? null : Math.Round(sum / n, 3);
        }

        return result;
    }

    private static double?[]? First(double[]? values, int step, int count)
    {
        if (values is null)
        {
            return null;
        }

        var result = new double?[count];
        for (var b = 0; b < count; b++)
        {
            for (var i = b * step; i < Math.Min(values.Length, (b + 1) * step); i++)
            {
                if (double.IsFinite(values[i]))
                {
                    result[b] = values[i];
                    break;
                }
            }
        }

        return result;
    }
}
