using CyclingCoach.Training.Routes;

namespace CyclingCoach.Training.Tests.Routes;

public class GearSelectorTests
{
    private static readonly RiderProfile Rider = RiderProfile.Default with
    {
        RiderMassKg = 75, BikeMassKg = 10, CdA = 0.32, Crr = 0.005, DrivetrainEfficiency = 0.976,
        WheelCircumferenceMeters = 2.136, MinCadenceRpm = 75, AirTemperatureCelsius = 15,
    };

    [Fact]
    public void Six_percent_at_250_w_and_75_rpm_needs_34x22()
    {
        // peers.md §4.4: v = 15.2 km/h -> R_req = 60·4.235/(75·2.136) = 1.59; 34×21 = 1.619 is too hard, 34×22 = 1.545 fits.
        var rider = Rider with { Chainrings = [50, 34], Cassette = [11, 12, 13, 14, 15, 16, 17, 19, 21, 22, 25, 28] };
        var gear = GearSelector.Select(rider, 0.06, 250, 0);
        Assert.True(gear.HoldsMinimumCadence);
        Assert.Equal((34, 22), (gear.ChainringTeeth, gear.CogTeeth));
        Assert.Equal(1.59, gear.RequiredRatio, 2);
        Assert.InRange(gear.CadenceRpm, 75, 80);
        Assert.Null(gear.PowerForMinimumCadenceWatts);
    }

    [Fact]
    public void Too_steep_for_the_easiest_gear_reports_cadence_and_power_needed()
    {
        // 200 W on 10 %: v ≈ 8 km/h, R_req ≈ 0.89 at 70 rpm; easiest gear 34×28 = 1.214.
        var rider = Rider with { MinCadenceRpm = 70, Chainrings = [50, 34], Cassette = [11, 13, 15, 17, 19, 21, 23, 25, 28] };
        var gear = GearSelector.Select(rider, 0.10, 200, 0);
        Assert.False(gear.HoldsMinimumCadence);
        Assert.Equal((34, 28), (gear.ChainringTeeth, gear.CogTeeth));
        Assert.Equal(60 * gear.SpeedMps / ((34.0 / 28) * 2.136), gear.CadenceRpm, 9);
        Assert.True(gear.CadenceRpm < 70);
        // Holding 70 rpm in 34×28 means v = 70/60·1.214·2.136 = 3.03 m/s; that power is more than 200 W.
        var expected = CyclingPhysics.PowerForSpeed(70 / 60.0 * (34.0 / 28) * 2.136, 0.10, 85, 0.32, 0.005, CyclingPhysics.AirDensity(0), 0.976);
        Assert.Equal(expected, gear.PowerForMinimumCadenceWatts!.Value, 6);
        Assert.True(expected > 200);
    }
}
