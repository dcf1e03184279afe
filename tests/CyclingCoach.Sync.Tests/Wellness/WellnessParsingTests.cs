using System.Text.Json;
using CyclingCoach.Contracts;
using CyclingCoach.Sync.Garmin.Models;
using CyclingCoach.Sync.IntervalsIcu;
using CyclingCoach.Fakes.Garmin;
using CyclingCoach.Sync.Wellness;

namespace CyclingCoach.Sync.Tests.Wellness;

/// <summary>The recorded Garmin and intervals.icu answers read into one day, with the odd payloads each source sends.</summary>
public sealed class WellnessParsingTests
{
    private static JsonElement Json(string text) => JsonDocument.Parse(text).RootElement.Clone();

    [Fact]
    public void Garmin_recorded_answers_give_the_night_the_sleep_the_summary_and_the_wake_up_readiness()
    {
        var day = GarminWellness.From(
            Json(GarminWellnessRecordings.HrvBody), Json(GarminWellnessRecordings.Sleep("2021-07-20", 25740, 83)),
            Json(GarminWellnessRecordings.DailySummaryBody), Json(GarminWellnessRecordings.TrainingReadinessBody));

        Assert.NotNull(day);
        // Values as recorded: hrvSummary 42 / 39 BALANCED; sleep 25,740 s; restingHeartRate 51, bodyBatteryAtWakeTime 92,
        // averageStressLevel 24; readiness of the AFTER_WAKEUP_RESET entry (80, HIGH), not the evening's 50.
        Assert.Equal(new WellnessMetrics(42, 39, "BALANCED", 25740, 83, 51, 80, "HIGH", 92, 24), day.Value.Metrics);
        Assert.Contains("lastNightAvg", day.Value.Raw);
        Assert.DoesNotContain("hrvReadings", day.Value.Raw);
    }

    [Fact]
    public void A_day_Garmin_has_nothing_for_is_no_day_and_negative_stress_is_missing_not_zero()
    {
        // 204 (null) for HRV, the sleep DTO with a null id, a 404 summary (null) and [] readiness.
        Assert.Null(GarminWellness.From(null, Json(GarminWellnessRecordings.Sleep("2026-11-01", null, null)), null, Json("[]")));

        var summaryOnly = GarminWellness.From(null, null, Json(GarminWellnessRecordings.DailySummary("2026-11-02", 55, null, null)), Json("[]"));
        Assert.Equal(new WellnessMetrics(RestingHeartRateBpm: 55), summaryOnly!.Value.Metrics);
    }

    [Fact]
    public void Intervals_records_with_only_the_fitness_model_are_no_day()
    {
        var full = IntervalsIcuSource.ParseWellness(Json("""{"id":"2026-11-30","ctl":52.3,"atl":61.8,"restingHR":48,"hrv":61.2,"hrvSDNN":null,"sleepSecs":26100,"sleepScore":77,"stress":2,"readiness":68,"weight":null}"""));
        Assert.Equal(new DateOnly(2026, 11, 30), full!.Date);
        // intervals.icu's stress is the rider's 1–4 rating: not a 0–100 stress level.
        Assert.Equal(new WellnessMetrics(HrvMs: 61.2, SleepSeconds: 26100, SleepScore: 77, RestingHeartRateBpm: 48, TrainingReadiness: 68), full.Metrics);

        Assert.Null(IntervalsIcuSource.ParseWellness(Json("""{"id":"2026-11-29","ctl":52.0,"atl":60.1,"restingHR":null,"hrv":null,"sleepSecs":null}""")));
        Assert.Null(IntervalsIcuSource.ParseWellness(Json("""{"id":"not a date","hrv":50}""")));
    }

    [Theory]
    [InlineData("2026-11-27", "2026-11-24")] // a 3-day incremental window: the last 7 days
    [InlineData("2026-10-01", "2026-10-01")] // a 2-month backfill: from its start
    [InlineData("2025-01-01", "2026-09-02")] // a long backfill: capped at 90 days
    public void The_window_is_the_last_days_or_the_runs_start_capped(string windowFrom, string expectedFrom)
    {
        var today = new DateOnly(2026, 11, 30);
        var (from, to) = WellnessSync.Window(today, DateOnly.Parse(windowFrom), new WellnessOptions { Days = 7, MaxDays = 90 });
        Assert.Equal(DateOnly.Parse(expectedFrom), from);
        Assert.Equal(today, to);
    }
}
