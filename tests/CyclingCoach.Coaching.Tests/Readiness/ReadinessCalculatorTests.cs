using CyclingCoach.Coaching.Domain.Plans;
using CyclingCoach.Coaching.Domain.Readiness;
using CyclingCoach.Contracts;

namespace CyclingCoach.Coaching.Tests.Readiness;

/// <summary>Readiness computed by hand from the documented formula (ReadinessCalculator's summary).</summary>
public sealed class ReadinessCalculatorTests
{
    private static readonly DateOnly Day = new(2026, 11, 30);

    /// <summary>
    /// 30 nights before the day alternating ln HRV 4.2 (odd nights back) and 4.0 (even): 60-night mean 4.1, population
    /// SD 0.1; the 7 nights before are four 4.2 and three 4.0 (mean 28.8 / 7). Resting HR 50 every day before.
    /// </summary>
    private static List<WellnessInput> History(double lnToday, int sleepSeconds, int sleepScore, int restingHr)
    {
        var history = Enumerable.Range(1, 30)
            .Select(k => new WellnessInput(Day.AddDays(-k), Math.Exp(k % 2 == 1 ? 4.2 : 4.0), 28800, 80, 50))
            .ToList();
        history.Add(new WellnessInput(Day, Math.Exp(lnToday), sleepSeconds, sleepScore, restingHr));
        return history;
    }

    [Fact]
    public void A_tired_morning_is_caution_with_every_component_as_computed_by_hand()
    {
        // z = (3.9 − 4.1) / 0.1 = −2 → 100 − 60 = 40; d = 3.9 − 4.1142857 = −0.2142857 → 100 − 64.29 = 35.7;
        // 6 h sleep → 100 − 50 = 50; sleep score 60; resting HR 55 = +5 bpm → 100 − 10·3 = 70.
        // 0.30·40 + 0.15·35.7 + 0.15·50 + 0.15·60 + 0.25·70 = 12 + 5.355 + 7.5 + 9 + 17.5 = 51.355 → 51.4.
        var readiness = ReadinessCalculator.Compute(Day, History(3.9, 6 * 3600, 60, 55));

        Assert.Equal(51.4, readiness.Score);
        Assert.Equal(ReadinessBand.Caution, readiness.Band);
        Assert.Equal(1.0, readiness.Confidence);
        Assert.Empty(readiness.Missing);
        var scores = readiness.Reasons.ToDictionary(r => r.Component, r => r.Score);
        Assert.Equal(40, scores["hrv_baseline_60"]);
        Assert.Equal(35.7, scores["hrv_baseline_7"]);
        Assert.Equal(50, scores["sleep_duration"]);
        Assert.Equal(60, scores["sleep_score"]);
        Assert.Equal(70, scores["resting_hr"]);
        Assert.Equal(-2, readiness.Facts["hrvZScore"], 2);
        Assert.Equal(4.1, readiness.Facts["lnHrvBaselineMean"], 3);
        Assert.Equal(0.1, readiness.Facts["lnHrvBaselineSd"], 3);
        Assert.Equal(5, readiness.Facts["restingHrDelta"]);
        // Every reason cites facts that exist.
        Assert.All(readiness.Reasons, r => Assert.All(r.Cites, c => Assert.True(readiness.Facts.ContainsKey(c), c)));
    }

    [Fact]
    public void A_bad_night_and_a_raised_resting_HR_are_low_and_a_normal_one_is_ready()
    {
        // As above with 5 h (25), sleep score 40 and resting HR +8 (100 − 60 = 40):
        // 12 + 5.355 + 3.75 + 6 + 10 = 37.105 → 37.1.
        var low = ReadinessCalculator.Compute(Day, History(3.9, 5 * 3600, 40, 58));
        Assert.Equal(37.1, low.Score);
        Assert.Equal(ReadinessBand.Low, low.Band);

        // ln 4.1 = the baseline (z 0 → 100); vs the week −0.0142857 → 100 − 4.29 = 95.7; 8 h → 100; score 85; RHR 51 (+1) → 100.
        // 30 + 14.355 + 15 + 12.75 + 25 = 97.105 → 97.1.
        var ready = ReadinessCalculator.Compute(Day, History(4.1, 8 * 3600, 85, 51));
        Assert.Equal(97.1, ready.Score);
        Assert.Equal(ReadinessBand.Ready, ready.Band);
    }

    [Fact]
    public void Missing_inputs_lower_the_confidence_instead_of_counting_as_zero()
    {
        // No HRV and no sleep score that night: only sleep duration (6 h → 50) and resting HR (+5 → 70) count.
        // (0.15·50 + 0.25·70) / 0.40 = 25 / 0.40 = 62.5, confidence 0.40.
        var history = History(3.9, 6 * 3600, 60, 55);
        history[^1] = new WellnessInput(Day, null, 6 * 3600, null, 55);
        var readiness = ReadinessCalculator.Compute(Day, history);

        Assert.Equal(62.5, readiness.Score);
        Assert.Equal(0.40, readiness.Confidence);
        Assert.Equal(ReadinessBand.Caution, readiness.Band);
        Assert.Contains(readiness.Missing, m => m.StartsWith("hrv:"));
        Assert.Contains(readiness.Missing, m => m.StartsWith("sleep_score"));
        Assert.False(readiness.Facts.ContainsKey("hrvMs"));
    }

    [Fact]
    public void A_baseline_with_few_nights_is_left_out_and_missing_days_are_skipped_not_zero()
    {
        // Only 10 nights of history, with days −3 and −5 missing altogether: too few for the 60-night baseline (14),
        // enough for the week. The 7 nights before hold −1, −2, −4, −6, −7: ln 4.2, 4.0, 4.0, 4.0, 4.2 → mean 4.08.
        var history = Enumerable.Range(1, 10).Where(k => k is not 3 and not 5)
            .Select(k => new WellnessInput(Day.AddDays(-k), Math.Exp(k % 2 == 1 ? 4.2 : 4.0), null, null, null))
            .ToList();
        history.Add(new WellnessInput(Day, Math.Exp(4.08), null, null, null));
        var readiness = ReadinessCalculator.Compute(Day, history);

        var reason = Assert.Single(readiness.Reasons);
        Assert.Equal("hrv_baseline_7", reason.Component);
        Assert.Equal(100, reason.Score); // d = 0
        Assert.Equal(100, readiness.Score);
        Assert.Equal(0.15, readiness.Confidence);
        Assert.Contains(readiness.Missing, m => m.Contains("needs 14 nights") && m.Contains("has 8"));
        Assert.Equal(4.08, readiness.Facts["lnHrv7DayMean"], 3);
    }

    [Fact]
    public void A_day_without_any_input_is_unknown()
    {
        var readiness = ReadinessCalculator.Compute(Day, [new WellnessInput(Day.AddDays(-1), 50, 28800, 80, 50)]);
        Assert.Null(readiness.Score);
        Assert.Equal(ReadinessBand.Unknown, readiness.Band);
        Assert.Equal(0, readiness.Confidence);
    }

    [Fact]
    public void Garmin_values_come_first_and_intervals_fills_what_Garmin_lacks()
    {
        var merged = WellnessMerge.Merge(Day, [
            (WorkoutSource.IntervalsIcu, new WellnessMetrics(HrvMs: 61, SleepSeconds: 26000, SleepScore: 70, RestingHeartRateBpm: 49)),
            (WorkoutSource.Garmin, new WellnessMetrics(HrvMs: 42, SleepSeconds: 25740, RestingHeartRateBpm: 51)),
        ]);
        Assert.Equal(new WellnessInput(Day, 42, 25740, 70, 51), merged);
    }

    [Fact]
    public void Low_readiness_eases_todays_hard_session_and_nothing_else_does()
    {
        var low = ReadinessCalculator.Compute(Day, History(3.9, 5 * 3600, 40, 58));
        var hardToday = Plan(WorkoutType.Threshold);
        var suggestion = ReadinessAdvice.ForDay(low, hardToday);
        Assert.NotNull(suggestion);
        Assert.Equal(new PlanOperation(PlanOperationKind.ChangeIntensity, Day, WorkoutType: WorkoutType.Endurance), suggestion.Operation);
        Assert.Contains("readinessScore", suggestion.Cites);
        Assert.All(suggestion.Cites, c => Assert.True(low.Facts.ContainsKey(c), c));

        Assert.Null(ReadinessAdvice.ForDay(low, Plan(WorkoutType.Endurance))); // nothing hard today
        Assert.Null(ReadinessAdvice.ForDay(ReadinessCalculator.Compute(Day, History(4.1, 8 * 3600, 85, 51)), hardToday)); // ready
        var thin = ReadinessCalculator.Compute(Day, [new WellnessInput(Day, null, 3 * 3600, null, null)]); // 3 h only: low, confidence 0.15
        Assert.Equal(ReadinessBand.Low, thin.Band);
        Assert.Null(ReadinessAdvice.ForDay(thin, hardToday));
    }

    /// <summary>A one-week plan from the Monday of <see cref="Day"/> (a Monday) with <paramref name="type"/> on the day.</summary>
    private static TrainingPlan Plan(WorkoutType type)
    {
        var days = Enumerable.Range(0, 7).Select(i => new PlanDay(Day.AddDays(i), i == 0 ? [WorkoutLibrary.Build(type, 3600)] : [])).ToList();
        return new TrainingPlan(Day, "test", [new PlanWeek(1, "test", days)]);
    }
}
