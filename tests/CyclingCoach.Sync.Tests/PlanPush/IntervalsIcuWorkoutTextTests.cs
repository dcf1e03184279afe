using CyclingCoach.Sync.PlanPush;

namespace CyclingCoach.Sync.Tests.PlanPush;

/// <summary>intervals.icu's workout text for our steps: what its parser turns into the structured workout it syncs to devices.</summary>
public sealed class IntervalsIcuWorkoutTextTests
{
    [Fact]
    public void Ramps_repeats_cadence_and_free_text_come_out_in_its_syntax()
    {
        var text = IntervalsIcuWorkoutText.Of(PlanPushSessions.Vo2(0) with { Description = "Five hard efforts.\n- not a step" });
        Assert.Equal(
            """
            Five hard efforts.
            not a step

            Warmup
            - 15m ramp 50-75%

            Main set 5x
            - 3m 115% 100rpm
            - 3m 50%

            Cooldown
            - 10m ramp 60-45%
            """.ReplaceLineEndings("\n"),
            text);
    }

    [Theory]
    [InlineData(45, "45s")]
    [InlineData(90, "1m30s")]
    [InlineData(3600, "1h")]
    [InlineData(5430, "1h30m30s")]
    public void Durations_use_its_units(int seconds, string expected) => Assert.Equal(expected, IntervalsIcuWorkoutText.Duration(seconds));

    [Fact]
    public void A_steady_step_holds_its_mean_with_its_cadence() =>
        Assert.Contains("- 1h10m 70% 90rpm", IntervalsIcuWorkoutText.Of(PlanPushSessions.Endurance(0)));
}
