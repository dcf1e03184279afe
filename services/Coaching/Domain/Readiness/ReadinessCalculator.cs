namespace CyclingCoach.Coaching.Domain.Readiness;

/// <summary>
/// Daily readiness from overnight HRV, sleep and resting HR, each against the rider's own recent nights (Plews et
/// al. 2012–2013: ln rMSSD against a rolling baseline; Buchheit 2014: resting HR drift). Pure: the history is given.
/// <list type="number">
/// <item>HRV vs 60 nights (weight 0.30): z = (ln HRV − mean) / SD of ln HRV over the 60 nights before the day
/// (population SD, at least <see cref="SdFloor"/>; needs <see cref="MinBaselineNights"/> nights);
/// score = 100 + 30·min(z, 0).</item>
/// <item>HRV vs 7 nights (0.15): d = ln HRV − mean ln HRV of the 7 nights before (needs <see cref="MinWeekNights"/>);
/// score = 100 + 300·min(d, 0) (a night 10 % under the week ≈ −32).</item>
/// <item>Sleep duration (0.15): score = 100 − 25 per hour under 8 h.</item>
/// <item>Sleep score (0.15): the source's 0–100.</item>
/// <item>Resting HR (0.25): Δ = today − mean of the 7 days before (needs <see cref="MinWeekNights"/>);
/// score = 100 − 10 per bpm above +2.</item>
/// </list>
/// Each score is clamped to 0–100. The day's score is the weighted mean of the components that had their inputs; a
/// missing input or a baseline still building is left out (never counted as zero) and lowers
/// <see cref="DailyReadiness.Confidence"/> (the weights present, 0–1). Band: ≥ <see cref="ReadyFrom"/> ready,
/// ≥ <see cref="LowBelow"/> caution, below low; no component at all: unknown. Missing days are skipped in every
/// baseline, not read as zeros.
/// </summary>
public static class ReadinessCalculator
{
    public const double Hrv60Weight = 0.30;
    public const double Hrv7Weight = 0.15;
    public const double SleepDurationWeight = 0.15;
    public const double SleepScoreWeight = 0.15;
    public const double RestingHrWeight = 0.25;

    public const int BaselineDays = 60;
    public const int WeekDays = 7;
    public const int MinBaselineNights = 14;
    public const int MinWeekNights = 3;

    /// <summary>Below this the 60-night SD is not trusted (a flat baseline would turn noise into large z).</summary>
    public const double SdFloor = 0.05;
    public const double SleepTargetHours = 8;
    public const double RestingHrToleranceBpm = 2;

    public const double ReadyFrom = 70;
    public const double LowBelow = 50;

    /// <summary>The days the history must cover before the first day computed.</summary>
    public const int HistoryDays = BaselineDays;

    /// <summary>Readiness of <paramref name="date"/> from <paramref name="history"/> (any order, any days; only the 60 before and the day are read).</summary>
    public static DailyReadiness Compute(DateOnly date, IReadOnlyList<WellnessInput> history)
    {
        var today = history.FirstOrDefault(h => h.Date == date);
        var before = history.Where(h => h.Date < date && h.Date >= date.AddDays(-BaselineDays)).ToList();
        var week = before.Where(h => h.Date >= date.AddDays(-WeekDays)).ToList();
        var facts = new Dictionary<string, double>();
        var reasons = new List<ReadinessReason>();
        var missing = new List<string>();

        Hrv(today, before, week, facts, reasons, missing);
        Sleep(today, facts, reasons, missing);
        RestingHr(today, week, facts, reasons, missing);

        var weight = reasons.Sum(r => r.Weight);
        double? score = weight > 0 ? Math.Round(reasons.Sum(r => r.Score * r.Weight) / weight, 1) : null;
        var band = score switch
        {
            null => ReadinessBand.Unknown,
            >= ReadyFrom => ReadinessBand.Ready,
            >= LowBelow => ReadinessBand.Caution,
            _ => ReadinessBand.Low,
        };
        if (score is { } s)
        {
            facts["readinessScore"] = s;
        }

        facts["readinessConfidence"] = Math.Round(weight, 2);
        return new DailyReadiness(date, score, band, Math.Round(weight, 2), reasons, missing, facts);
    }

    private static void Hrv(WellnessInput? today, List<WellnessInput> before, List<WellnessInput> week,
        Dictionary<string, double> facts, List<ReadinessReason> reasons, List<string> missing)
    {
        if (today?.HrvMs is not > 0)
        {
            missing.Add("hrv: no HRV recorded for the night");
            return;
        }

        var ln = Math.Log(today.HrvMs.Value);
        facts["hrvMs"] = today.HrvMs.Value;
        facts["lnHrv"] = Math.Round(ln, 3);

        var baseline = before.Where(h => h.HrvMs > 0).Select(h => Math.Log(h.HrvMs!.Value)).ToList();
        facts["hrvBaselineNights"] = baseline.Count;
        if (baseline.Count >= MinBaselineNights)
        {
            var mean = baseline.Average();
            var sd = Math.Max(SdFloor, Math.Sqrt(baseline.Average(v => (v - mean) * (v - mean))));
            var z = (ln - mean) / sd;
            facts["lnHrvBaselineMean"] = Math.Round(mean, 3);
            facts["lnHrvBaselineSd"] = Math.Round(sd, 3);
            facts["hrvZScore"] = Math.Round(z, 2);
            var text = z < 0
                ? $"Overnight HRV {today.HrvMs:0} ms is {-z:0.0} SD below your {baseline.Count}-night baseline (ln {mean:0.00} ± {sd:0.00})."
                : $"Overnight HRV {today.HrvMs:0} ms is at or above your {baseline.Count}-night baseline (ln {mean:0.00} ± {sd:0.00}).";
            reasons.Add(new ReadinessReason("hrv_baseline_60", Clamp(100 + (30 * Math.Min(z, 0))), Hrv60Weight, text, ["hrvMs", "lnHrvBaselineMean", "lnHrvBaselineSd", "hrvZScore"]));
        }
        else
        {
            missing.Add($"hrv_baseline_60: needs {MinBaselineNights} nights of HRV in the last {BaselineDays}, has {baseline.Count}");
        }

        var recent = week.Where(h => h.HrvMs > 0).Select(h => Math.Log(h.HrvMs!.Value)).ToList();
        if (recent.Count >= MinWeekNights)
        {
            var mean = recent.Average();
            var d = ln - mean;
            facts["lnHrv7DayMean"] = Math.Round(mean, 3);
            facts["hrv7DayChangePercent"] = Math.Round((Math.Exp(d) - 1) * 100, 1);
            var text = $"Overnight HRV is {Math.Abs(Math.Exp(d) - 1) * 100:0} % {(d < 0 ? "below" : "above")} your last {recent.Count} nights.";
            reasons.Add(new ReadinessReason("hrv_baseline_7", Clamp(100 + (300 * Math.Min(d, 0))), Hrv7Weight, text, ["hrvMs", "lnHrv7DayMean", "hrv7DayChangePercent"]));
        }
        else
        {
            missing.Add($"hrv_baseline_7: needs {MinWeekNights} nights of HRV in the last {WeekDays}, has {recent.Count}");
        }
    }

    private static void Sleep(WellnessInput? today, Dictionary<string, double> facts, List<ReadinessReason> reasons, List<string> missing)
    {
        if (today?.SleepSeconds is { } seconds and > 0)
        {
            var hours = seconds / 3600.0;
            facts["sleepHours"] = Math.Round(hours, 2);
            reasons.Add(new ReadinessReason("sleep_duration", Clamp(100 - (25 * Math.Max(SleepTargetHours - hours, 0))), SleepDurationWeight,
                $"Slept {hours:0.0} h{(hours < SleepTargetHours ? $", {SleepTargetHours - hours:0.0} h under {SleepTargetHours:0} h" : "")}.", ["sleepHours"]));
        }
        else
        {
            missing.Add("sleep_duration: no sleep recorded");
        }

        if (today?.SleepScore is { } sleepScore)
        {
            facts["sleepScore"] = sleepScore;
            reasons.Add(new ReadinessReason("sleep_score", Clamp(sleepScore), SleepScoreWeight, $"Sleep score {sleepScore}.", ["sleepScore"]));
        }
        else
        {
            missing.Add("sleep_score: no sleep score");
        }
    }

    private static void RestingHr(WellnessInput? today, List<WellnessInput> week, Dictionary<string, double> facts, List<ReadinessReason> reasons, List<string> missing)
    {
        var recent = week.Where(h => h.RestingHeartRateBpm > 0).Select(h => (double)h.RestingHeartRateBpm!.Value).ToList();
        if (today?.RestingHeartRateBpm is not > 0)
        {
            missing.Add("resting_hr: no resting HR recorded");
            return;
        }

        facts["restingHeartRateBpm"] = today.RestingHeartRateBpm.Value;
        if (recent.Count < MinWeekNights)
        {
            missing.Add($"resting_hr: needs {MinWeekNights} days of resting HR in the last {WeekDays}, has {recent.Count}");
            return;
        }

        var mean = recent.Average();
        var delta = today.RestingHeartRateBpm.Value - mean;
        facts["restingHr7DayMean"] = Math.Round(mean, 1);
        facts["restingHrDelta"] = Math.Round(delta, 1);
        var text = $"Resting HR {today.RestingHeartRateBpm} bpm is {Math.Abs(delta):0.0} bpm {(delta >= 0 ? "above" : "below")} your last {recent.Count} days.";
        reasons.Add(new ReadinessReason("resting_hr", Clamp(100 - (10 * Math.Max(delta - RestingHrToleranceBpm, 0))), RestingHrWeight, text,
            ["restingHeartRateBpm", "restingHr7DayMean", "restingHrDelta"]));
    }

    private static double Clamp(double value) => Math.Round(Math.Clamp(value, 0, 100), 1);
}
