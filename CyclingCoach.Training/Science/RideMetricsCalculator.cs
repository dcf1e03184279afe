namespace CyclingCoach.Training.Science;

/// <summary>
/// Computes <see cref="RideMetrics"/> from 1 Hz <see cref="RideStreams"/> (formulas: peers.md §2, GoldenCheetah refs).
/// <para>
/// Pause convention: power metrics (average, NP, IF, TSS, work, zones, VI, EF) use the <b>recorded</b> seconds only,
/// i.e. timer time like a head unit (pauses longer than the resampler's gap threshold are left out; coasting zeros
/// while recording are counted). Missing power inside recorded time counts as 0 W. Heart-rate metrics use recorded
/// seconds with a heart rate above 0. TSS uses T = recorded seconds. A power, HR or cadence channel with no sample
/// above 0 is absent (<see cref="RideStreams.HasPower"/>): its metrics are null and the load is HRSS, else null.
/// With <see cref="RideMetricsOptions.IncludeZeroPower"/> false, power metrics skip 0 W seconds (a head-unit setting
/// some devices apply).
/// </para>
/// </summary>
public static class RideMetricsCalculator
{
    public static RideMetrics Compute(RideStreams streams, AthleteThresholds thresholds, RideMetricsOptions? options = null)
    {
        options ??= RideMetricsOptions.Default;
        ArgumentNullException.ThrowIfNull(streams);
        ArgumentNullException.ThrowIfNull(thresholds);
        var n = streams.Length;
        var recordedMask = streams.Recorded;

        var recorded = 0;
        var moving = 0;
        for (var i = 0; i < n; i++)
        {
            if (recordedMask[i])
            {
                recorded++;
            }

            if (streams.Moving[i])
            {
                moving++;
            }
        }

        // Power over recorded seconds, NaN -> 0.
        double? avgPower = null, maxPower = null, np = null, ifactor = null, tss = null, vi = null, work = null;
        double[] powerZones = [];
        var ftp = thresholds.FtpWatts is > 0 ? thresholds.FtpWatts : null;
        if (streams.HasPower && recorded > 0)
        {
            var p = new double[recorded];
            var k = 0;
            double sum = 0, max = 0;
            for (var i = 0; i < n; i++)
            {
                if (!recordedMask[i])
                {
                    continue;
                }

                var v = streams.Power[i];
                if (double.IsNaN(v) || v < 0)
                {
                    v = 0;
                }

                if (v == 0 && !options.IncludeZeroPower)
                {
                    continue;
                }

                p[k++] = v;
                sum += v;
                if (v > max)
                {
                    max = v;
                }
            }

            p = k == recorded ? p : p[..k];
            avgPower = k > 0 ? sum / k : 0;
            maxPower = max;
            work = sum / 1000.0;
            np = NormalizedPower.Compute(p);
            vi = avgPower > 0 ? np / avgPower : null;
            if (ftp is { } f)
            {
                ifactor = np / f;
                tss = 100.0 * (recorded / 3600.0) * ifactor * ifactor;
                powerZones = TimeInZones(p, ZoneModel.CogganPower, f);
            }
        }

        // Heart rate over recorded seconds with a value.
        double? avgHr = null, maxHr = null, trimp = null, hrss = null, ef = null, decoupling = null;
        double[] hrZones = [];
        var lthr = thresholds.EffectiveLthrBpm;
        if (streams.HasHeartRate)
        {
            avgHr = StreamChannel.Mean(streams.HeartRate, recordedMask, positiveOnly: true); // as the zones and TRIMP: 0 bpm is a dropout
            maxHr = StreamChannel.Max(streams.HeartRate, recordedMask);
            if (lthr is > 0)
            {
                hrZones = TimeInHeartRateZones(streams.HeartRate, recordedMask, lthr.Value);
            }

            (trimp, hrss) = HeartRateLoad(streams.HeartRate, recordedMask, thresholds, lthr);
            if (np is { } npv && avgHr is > 0)
            {
                ef = npv / avgHr.Value;
            }

            if (streams.HasPower)
            {
                decoupling = AerobicDecoupling(streams.Power, streams.HeartRate, recordedMask);
            }
        }

        double? gain = null, loss = null;
        if (streams.HasAltitude)
        {
            (var g, var l) = ElevationHysteresis.Compute(streams.Altitude, options.ElevationHysteresisMeters);
            gain = g;
            loss = l;
        }

        var avgSpeed = streams.HasSpeed ? StreamChannel.Mean(streams.Speed, streams.Moving) : null;
        var avgCadence = streams.HasCadence ? StreamChannel.Mean(streams.Cadence, streams.Moving) : null;

        return new RideMetrics(
            n, recorded, moving, Finite(avgPower), Finite(maxPower), Finite(np), Finite(ifactor), Finite(tss), Finite(vi), Finite(ef),
            Finite(decoupling), Finite(avgHr), Finite(maxHr), Finite(trimp), Finite(hrss), Finite(avgCadence), Finite(avgSpeed),
            Finite(work), Finite(gain), Finite(loss), powerZones, hrZones, ftp, lthr);
    }

    /// <summary>A value that cannot be computed is null, never NaN or infinite (a stored or serialized metric must be a number).</summary>
    private static double? Finite(double? v) => v is { } x && double.IsFinite(x) ? x : null;

    /// <summary>Seconds per zone for a 1 Hz power series (NaN counts as 0 W, i.e. Z1).</summary>
    public static double[] TimeInZones(ReadOnlySpan<double> power, ZoneModel model, double threshold)
    {
        var zones = new double[model.Count];
        var bounds = new double[model.Count];
        for (var z = 0; z < bounds.Length; z++)
        {
            bounds[z] = (model.LowerBounds[z] * threshold) - 1e-9; // a value on a boundary belongs to the upper zone
        }

        foreach (var raw in power)
        {
            var v = double.IsNaN(raw) ? 0 : raw;
            var z = bounds.Length - 1;
            while (z > 0 && v < bounds[z])
            {
                z--;
            }

            zones[z]++;
        }

        return zones;
    }

    private static double[] TimeInHeartRateZones(ReadOnlySpan<double> hr, ReadOnlySpan<bool> mask, double lthr)
    {
        var model = ZoneModel.CogganHeartRate;
        var zones = new double[model.Count];
        for (var i = 0; i < hr.Length; i++)
        {
            if (mask[i] && !double.IsNaN(hr[i]) && hr[i] > 0)
            {
                zones[model.ZoneOf(hr[i], lthr)]++;
            }
        }

        return zones;
    }

    /// <summary>
    /// Banister TRIMP summed per second (Elevate's per-sample form of GoldenCheetah TRIMPPoints.cpp) and
    /// HRSS = 100·TRIMP / (60·ΔHR_LT·0.64·e^(k·ΔHR_LT)), so one hour at LTHR scores 100 (peers.md §2.3).
    /// Needs max and resting HR; HRSS also needs an LTHR.
    /// </summary>
    private static (double? Trimp, double? Hrss) HeartRateLoad(ReadOnlySpan<double> hr, ReadOnlySpan<bool> mask, AthleteThresholds t, double? lthr)
    {
        if (t.MaxHeartRateBpm is not { } max || t.RestingHeartRateBpm is not { } rest || max <= rest)
        {
            return (null, null);
        }

        var range = max - rest;
        double trimp = 0;
        for (var i = 0; i < hr.Length; i++)
        {
            var h = hr[i];
            if (!mask[i] || double.IsNaN(h) || h <= 0)
            {
                continue;
            }

            var r = Math.Clamp((h - rest) / range, 0.0, 1.0);
            trimp += r * 0.64 * Math.Exp(t.TrimpK * r) / 60.0;
        }

        double? hrss = null;
        if (lthr is { } l && l > rest)
        {
            var rl = (l - rest) / range;
            hrss = 100.0 * trimp / (60.0 * rl * 0.64 * Math.Exp(t.TrimpK * rl));
        }

        return (trimp, hrss);
    }

    /// <summary>
    /// Pw:HR decoupling (GoldenCheetah AerobicDecoupling.cpp): split the recorded seconds in two halves by time;
    /// in each half average power and HR over seconds with HR &gt; 0; 100·(P1/HR1 − P2/HR2)/(P1/HR1).
    /// </summary>
    private static double? AerobicDecoupling(ReadOnlySpan<double> power, ReadOnlySpan<double> hr, ReadOnlySpan<bool> mask)
    {
        var recorded = 0;
        foreach (var m in mask)
        {
            if (m)
            {
                recorded++;
            }
        }

        if (recorded < 2)
        {
            return null;
        }

        var half = recorded / 2;
        double p1 = 0, h1 = 0, p2 = 0, h2 = 0;
        int n1 = 0, n2 = 0, k = 0;
        for (var i = 0; i < power.Length; i++)
        {
            if (!mask[i])
            {
                continue;
            }

            var first = k++ < half;
            var h = hr[i];
            if (double.IsNaN(h) || h <= 0)
            {
                continue;
            }

            var p = double.IsNaN(power[i]) ? 0 : power[i];
            if (first)
            {
                p1 += p;
                h1 += h;
                n1++;
            }
            else
            {
                p2 += p;
                h2 += h;
                n2++;
            }
        }

        if (n1 == 0 || n2 == 0 || p1 <= 0)
        {
            return null;
        }

        var r1 = p1 / h1; // (p1/n1)/(h1/n1)
        var r2 = p2 / h2;
        return 100.0 * (r1 - r2) / r1;
    }
}
