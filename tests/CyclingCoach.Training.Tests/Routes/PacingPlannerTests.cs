using System.Text.RegularExpressions;
using CyclingCoach.Training.Routes;

namespace CyclingCoach.Training.Tests.Routes;

/// <summary>A synthetic course with exactly known climbs: 10 km flat, 3 km at 4 %, 5 km flat, 2 km at 11 %, 3 km down at 6 %, 5 km flat.</summary>
public class PacingPlannerTests
{
    private const double Start = 100;

    /// <summary>A rider on a 50/34 × 11–28 compact with a 70 rpm minimum: fine at 4 %, too hard at 11 %.</summary>
    private static readonly RiderProfile Rider = RiderProfile.Default with { Cassette = [11, 12, 13, 14, 15, 17, 19, 21, 23, 25, 28] };

    private static readonly IReadOnlyList<Model.TrackPoint> Course =
        RouteBuilder.Line(28_000, RouteBuilder.Legs(Start, (10_000, 0), (3_000, 4), (5_000, 0), (2_000, 11), (3_000, -6), (5_000, 0)));

    [Fact]
    public void Sections_follow_the_known_climbs_and_splits_add_up_to_the_finish()
    {
        var plan = PacingPlanner.Plan(Course, Rider);
        var climbs = plan.Sections.Where(s => s.Kind == SectionKind.Climb).ToList();
        Assert.Equal(2, climbs.Count);
        Assert.InRange(climbs[0].StartDistanceMeters, 9_800, 10_200);
        Assert.InRange(climbs[0].AverageGradePercent!.Value, 3.5, 4.5);
        Assert.InRange(climbs[1].StartDistanceMeters, 17_800, 18_200);
        Assert.InRange(climbs[1].AverageGradePercent!.Value, 10, 11.5);

        // Splits: cumulative section times, the last one is the finish; sections tile the route.
        double t = 0;
        foreach (var s in plan.Sections)
        {
            t += s.Seconds;
            Assert.Equal(t, s.SplitSeconds, 6);
        }

        Assert.Equal(plan.FinishSeconds, plan.Sections[^1].SplitSeconds, 6);
        Assert.Equal(28_000, plan.Sections[^1].EndDistanceMeters, 3);
        Assert.Equal(plan.DistanceMeters, plan.Sections.Sum(s => s.EndDistanceMeters - s.StartDistanceMeters), 3);

        // On a flat course the time is the Martin speed at the planned power, computed here independently.
        var flat = Assert.Single(PacingPlanner.Plan(RouteBuilder.Line(8_000, _ => Start), Rider).Sections);
        var v = CyclingPhysics.SpeedForPower(flat.TargetPowerWatts, 0, Rider.TotalMassKg, Rider.CdA, Rider.Crr, CyclingPhysics.AirDensity(Start), Rider.DrivetrainEfficiency);
        Assert.Equal(8_000 / v, flat.Seconds, 3);
        Assert.Equal(flat.Seconds, flat.SplitSeconds, 9);
    }

    [Fact]
    public void The_plan_spends_the_stamina_budget_and_no_more_with_more_power_uphill()
    {
        var plan = PacingPlanner.Plan(Course, Rider);
        var budget = PacingOptions.Default.BudgetFraction(plan.FinishSeconds) * Rider.FtpWatts;
        Assert.Equal(budget, plan.BudgetNormalizedPowerWatts, 6);
        Assert.True(plan.NormalizedPowerWatts <= budget + 1e-6, $"NP {plan.NormalizedPowerWatts:0.0} W over the budget {budget:0.0} W");
        Assert.True(plan.NormalizedPowerWatts >= budget - 2, $"NP {plan.NormalizedPowerWatts:0.0} W leaves the budget {budget:0.0} W unused");
        // About 1 h 10 at IF ≈ 0.84: Coggan's endurance band for a ride of that length.
        Assert.InRange(plan.FinishSeconds / 3600, 0.9, 1.5);
        Assert.InRange(plan.IntensityFactor, 0.75, 0.86);

        var flat = plan.Sections.First(s => s.Kind == SectionKind.Flat).TargetPowerWatts;
        var climbs = plan.Sections.Where(s => s.Kind == SectionKind.Climb).ToList();
        Assert.All(climbs, c => Assert.True(c.TargetPowerWatts > flat));
        Assert.All(climbs, c => Assert.True(c.TargetPowerWatts <= Rider.ShortClimbPowerFraction * Rider.FtpWatts + 1e-9));
        // The 11 % climb takes longer than the 4 % one: its ceiling (by duration) is lower, never under the flat power.
        Assert.True(climbs[1].Seconds > climbs[0].Seconds && climbs[1].TargetPowerWatts <= climbs[0].TargetPowerWatts);
        Assert.All(plan.Sections.Where(s => s.Kind == SectionKind.Descent), d => Assert.True(d.TargetPowerWatts < flat));

        // A much longer course has a lower budget per hour.
        var twice = RouteBuilder.Line(120_000, _ => Start);
        Assert.True(PacingPlanner.Plan(twice, Rider).IntensityFactor < plan.IntensityFactor);
    }

    [Fact]
    public void One_kilo_less_and_ten_watts_more_both_finish_sooner()
    {
        var plan = PacingPlanner.Plan(Course, Rider);
        Assert.InRange(plan.FinishSeconds - plan.LighterFinishSeconds!.Value, 1, 60);
        Assert.InRange(plan.FinishSeconds - plan.StrongerFinishSeconds!.Value, 10, 240);
        var heavier = PacingPlanner.Plan(Course, Rider with { RiderMassKg = Rider.RiderMassKg - 1 });
        Assert.Equal(heavier.FinishSeconds, plan.LighterFinishSeconds!.Value, 6);
    }

    [Fact]
    public void The_gearing_warning_appears_exactly_for_the_climb_under_the_minimum_cadence()
    {
        var plan = PacingPlanner.Plan(Course, Rider);
        Assert.Equal(2, plan.Gearing.Count);
        var (gentle, steep) = (plan.Gearing[0], plan.Gearing[1]);
        Assert.True(gentle.CadenceRpm >= 70);
        Assert.Null(gentle.Warning);
        Assert.True(steep.CadenceRpm < 70);
        var warning = Assert.Single(plan.GearingWarnings);
        Assert.Same(steep, warning);
        Assert.InRange(steep.RampDistanceMeters, 18_000, 20_000);
        Assert.Matches(new Regex(@"^34×28 gives \d\d rpm at \d{3} W on the 11 % ramp at km 1[89]: a \d\d or \d\d sprocket keeps 70 rpm$"), steep.Warning);

        // The cadence is the lowest gear's at the ramp's speed, and the first suggested sprocket keeps 70 rpm, one tooth less does not.
        Assert.Equal(60 * steep.SpeedMps * 28 / (34 * Rider.WheelCircumferenceMeters), steep.CadenceRpm, 6);
        double Cadence(int cog) => 60 * steep.SpeedMps * cog / (34 * Rider.WheelCircumferenceMeters);
        Assert.True(Cadence(steep.CogNeeded) >= 70 && Cadence(steep.CogNeeded - 1) < 70);
        Assert.True(steep.SuggestedCogs[0] >= steep.CogNeeded && Cadence(steep.SuggestedCogs[0]) >= 70);

        // Lower the minimum cadence to 50 rpm: no warning at all. A 40-tooth sprocket: none either.
        Assert.Empty(PacingPlanner.Plan(Course, Rider with { MinCadenceRpm = 50 }).GearingWarnings);
        Assert.Empty(PacingPlanner.Plan(Course, Rider with { Cassette = [11, 13, 15, 17, 19, 21, 24, 28, 32, 36, 40] }).GearingWarnings);
    }

    [Fact]
    public void Bad_pacing_options_are_refused()
    {
        Assert.Throws<ArgumentException>(() => PacingPlanner.Plan(Course, Rider, pacing: new PacingOptions(FinishShare: 0)));
    }
}
