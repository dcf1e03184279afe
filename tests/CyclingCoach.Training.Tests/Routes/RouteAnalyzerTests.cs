using CyclingCoach.Training.Routes;

namespace CyclingCoach.Training.Tests.Routes;

public class RouteAnalyzerTests
{
    private static readonly RiderProfile Rider = RiderProfile.Default;

    [Fact]
    public void Flat_10_km_is_one_flat_section_at_endurance_power()
    {
        var a = RouteAnalyzer.Analyze(RouteBuilder.Line(10_000, _ => 50));
        Assert.Equal(10_000, a.DistanceMeters, 3);
        var section = Assert.Single(a.Sections);
        Assert.Equal(SectionKind.Flat, section.Kind);
        Assert.Equal(0, section.AverageGradePercent!.Value, 9);
        Assert.Equal(0, a.ElevationGainMeters!.Value, 9);
        Assert.Equal(0.70 * Rider.FtpWatts, section.TargetPowerWatts, 9);

        var rho = CyclingPhysics.AirDensity(50);
        var v = CyclingPhysics.SpeedForPower(175, 0, 85, 0.32, 0.005, rho, 0.976);
        Assert.Equal(10_000 / v, section.EstimatedTimeSeconds, 3);
        Assert.Null(section.Category);
        Assert.NotNull(section.MinimumGear);
    }

    [Fact]
    public void Five_km_at_six_percent_is_one_cat3_climb()
    {
        var a = RouteAnalyzer.Analyze(RouteBuilder.Line(5_000, RouteBuilder.Legs(200, (5_000, 6))));
        var c = Assert.Single(a.Sections);
        Assert.Equal(SectionKind.Climb, c.Kind);
        Assert.Equal(6, c.AverageGradePercent!.Value, 6);
        Assert.Equal(6, c.MaxSustainedGradePercent!.Value, 6);
        // Hysteresis (3 m) counts 1.2 m steps in 3.6 m chunks: the last 1.2 m below the threshold is not counted.
        Assert.Equal(298.8, c.ElevationGainMeters!.Value, 6);
        Assert.Equal(298.8, a.ElevationGainMeters!.Value, 6);
        Assert.Equal(30_000, c.ClimbScore!.Value, 3); // 5000 m × 6 % -> Cat3 (> 16 000, ≤ 32 000)
        Assert.Equal(ClimbCategory.Cat3, c.Category);
        Assert.Equal((300.0 * 300 / 50_000) + 0, c.FietsIndex!.Value, 6); // top at 500 m: no altitude bonus

        // At 250 W this climb takes about 19.7 min (peers.md §4.3); the climb power is between 75 % and 90 % FTP
        // and time = 5000 m / v(P) at the local air density.
        Assert.InRange(c.TargetPowerWatts, 0.75 * 250, 0.90 * 250);
        double t = 0;
        for (var d = 0; d < 5000; d += 20)
        {
            var rho = CyclingPhysics.AirDensity(200 + ((d + 10) * 0.06));
            t += 20 / CyclingPhysics.SpeedForPower(c.TargetPowerWatts, 0.06, 85, 0.32, 0.005, rho, 0.976);
        }

        Assert.Equal(t, c.EstimatedTimeSeconds, 6);
        Assert.InRange(c.EstimatedTimeSeconds / 60, 20, 24);

        // Gear at 6 % with the default 50/34 × 11-34 and 70 rpm.
        var gear = c.MinimumGear!;
        Assert.True(gear.HoldsMinimumCadence);
        Assert.Equal(34, gear.ChainringTeeth);
        Assert.True(gear.Ratio <= gear.RequiredRatio);
    }

    [Fact]
    public void Climb_descent_climb_gives_three_sections_at_the_turning_points()
    {
        // 3 km at +5 %, 3 km at −5 %, 2 km at +7 %.
        var a = RouteAnalyzer.Analyze(RouteBuilder.Line(8_000, RouteBuilder.Legs(100, (3_000, 5), (3_000, -5), (2_000, 7))));
        Assert.Equal([SectionKind.Climb, SectionKind.Descent, SectionKind.Climb], a.Sections.Select(x => x.Kind).ToArray());
        Assert.Equal(3_000, a.Sections[0].EndDistanceMeters, 0);
        Assert.Equal(6_000, a.Sections[1].EndDistanceMeters, 0);
        Assert.InRange(a.Sections[0].AverageGradePercent!.Value, 4.8, 5.0);
        Assert.InRange(a.Sections[1].AverageGradePercent!.Value, -5.0, -4.8);
        Assert.InRange(a.Sections[2].AverageGradePercent!.Value, 6.8, 7.0);
        Assert.Null(a.Sections[1].MinimumGear);
        Assert.Equal(ClimbCategory.Cat4, a.Sections[2].Category); // score ≈ 2000 m × 7 % = 14 000: Cat4 (> 8 000, ≤ 16 000)
        Assert.Equal(ClimbCategory.Cat4, a.Sections[0].Category); // 3000 m × 5 % = 15 000: Cat4
        Assert.InRange(a.ElevationGainMeters!.Value, 280, 290); // 150 + 140 minus the rounded tops
        Assert.True(a.Sections[1].AverageSpeedMps > a.Sections[0].AverageSpeedMps);
        Assert.True(a.Sections[1].AverageSpeedMps <= Rider.MaxSpeedMps + 1e-9);
    }

    [Fact]
    public void Route_without_elevation_has_sections_with_unknown_grades()
    {
        var a = RouteAnalyzer.Analyze(RouteBuilder.Line(25_000, _ => double.NaN));
        Assert.False(a.HasElevation);
        Assert.Null(a.ElevationGainMeters);
        Assert.Equal(3, a.Sections.Count); // split every 10 km: 3 × 8333 m
        Assert.All(a.Sections, x =>
        {
            Assert.Equal(SectionKind.Unknown, x.Kind);
            Assert.Null(x.AverageGradePercent);
            Assert.Null(x.MaxSustainedGradePercent);
            Assert.Null(x.ElevationGainMeters);
            Assert.Null(x.MinimumGear);
            Assert.True(x.EstimatedTimeSeconds > 0);
        });
        Assert.All(a.Profile, p => Assert.Null(p.GradePercent));
        Assert.Equal(25_000, a.Sections.Sum(x => x.DistanceMeters), 6);
        Assert.NotEmpty(a.Warnings);
    }

    [Fact]
    public void All_zero_elevation_is_treated_as_missing()
    {
        var a = RouteAnalyzer.Analyze(RouteBuilder.Line(3_000, _ => 0));
        Assert.False(a.HasElevation);
        Assert.Equal(SectionKind.Unknown, Assert.Single(a.Sections).Kind);
    }

    [Fact]
    public void Degenerate_routes_do_not_throw()
    {
        Assert.Empty(RouteAnalyzer.Analyze([]).Sections);
        var one = RouteAnalyzer.Analyze(RouteBuilder.Line(0, _ => 10));
        Assert.Equal(0, one.DistanceMeters);
        Assert.Empty(one.Sections);
        var tiny = RouteAnalyzer.Analyze(RouteBuilder.Line(50, d => d * 0.1));
        Assert.Equal(50, Assert.Single(tiny.Sections).DistanceMeters, 6);
    }

    [Fact]
    public void Sections_cover_random_routes_exactly_once()
    {
        var rng = new Random(2026);
        for (var iteration = 0; iteration < 40; iteration++)
        {
            var length = 500 + (rng.NextDouble() * 60_000);
            var legs = new List<(double, double)>();
            for (var at = 0.0; at < length; at += 200)
            {
                legs.Add((200 + (rng.NextDouble() * 2_000), (rng.NextDouble() - 0.5) * 20));
            }

            var noise = new Random(iteration);
            var profile = RouteBuilder.Legs(300, legs.ToArray());
            var spacing = 10 + rng.Next(0, 16);
            var withElevation = iteration % 7 != 0;
            var points = RouteBuilder.Line(length, d => withElevation ? profile(d) + noise.NextDouble() : double.NaN, step: 3 + (rng.NextDouble() * 20));
            var a = RouteAnalyzer.Analyze(points, options: new RouteAnalysisOptions(SpacingMeters: spacing));

            Assert.NotEmpty(a.Sections);
            Assert.Equal(0, a.Sections[0].StartDistanceMeters);
            Assert.Equal(a.DistanceMeters, a.Sections[^1].EndDistanceMeters, 9);
            for (var i = 1; i < a.Sections.Count; i++)
            {
                Assert.Equal(a.Sections[i - 1].EndDistanceMeters, a.Sections[i].StartDistanceMeters);
                Assert.True(a.Sections[i].DistanceMeters > 0);
            }

            Assert.Equal(a.DistanceMeters, a.Sections.Sum(x => x.DistanceMeters), 6);
            Assert.Equal(a.EstimatedTimeSeconds, a.Sections.Sum(x => x.EstimatedTimeSeconds), 6);
            Assert.InRange(a.Profile.Count, 2, a.Options.MaxProfilePoints);
            Assert.All(a.Sections, x => Assert.True(x.Kind != SectionKind.Climb || x.AverageGradePercent > 0));
        }
    }

    [Fact]
    public void A_gentle_drag_is_rolling_not_a_climb_and_does_not_swallow_a_ramp()
    {
        // 10 km at 1.5 %: never reaches the 2 % start grade, 15 m of ups per km -> Rolling.
        var drag = RouteAnalyzer.Analyze(RouteBuilder.Line(10_000, RouteBuilder.Legs(100, (10_000, 1.5))));
        Assert.Equal(SectionKind.Rolling, Assert.Single(drag.Sections).Kind);

        // 3 km at 1 %, a 1 km ramp at 8 %, 4 km at 1 %: the climb is the ramp only (within half a grade window plus
        // the blur of the window itself), not the drag after it.
        var a = RouteAnalyzer.Analyze(RouteBuilder.Line(8_000, RouteBuilder.Legs(100, (3_000, 1), (1_000, 8), (4_000, 1))));
        var climb = Assert.Single(a.Sections, x => x.Kind == SectionKind.Climb);
        Assert.InRange(climb.StartDistanceMeters, 2_800, 3_000);
        Assert.InRange(climb.EndDistanceMeters, 4_000, 4_200);
        Assert.InRange(climb.AverageGradePercent!.Value, 6, 8);
        Assert.Equal(8, climb.MaxSustainedGradePercent!.Value, 6);
    }

    [Fact]
    public void Invalid_profiles_and_options_are_rejected_with_the_field_name()
    {
        var route = RouteBuilder.Line(1_000, _ => 0);
        Assert.Equal("CdA", Assert.Throws<ArgumentException>(() => RouteAnalyzer.Analyze(route, Rider with { CdA = 0 })).ParamName);
        Assert.Equal("Cassette", Assert.Throws<ArgumentException>(() => RouteAnalyzer.Analyze(route, Rider with { Cassette = [0] })).ParamName);
        Assert.Equal("FlatPowerFraction", Assert.Throws<ArgumentException>(() => RouteAnalyzer.Analyze(route, Rider with { FlatPowerFraction = 0 })).ParamName);
        Assert.Equal("SpacingMeters", Assert.Throws<ArgumentException>(() => RouteAnalyzer.Analyze(route, options: new RouteAnalysisOptions(SpacingMeters: 0))).ParamName);
    }
}
