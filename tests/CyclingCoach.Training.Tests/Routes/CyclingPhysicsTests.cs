using CyclingCoach.Training.Routes;

namespace CyclingCoach.Training.Tests.Routes;

public class CyclingPhysicsTests
{
    [Theory]
    // peers.md §4.3 worked example: m 85 kg, CdA 0.32, Crr 0.005, ρ 1.225, η 0.976, 250 W.
    [InlineData(0.00, 36.4)]
    [InlineData(0.03, 23.4)]
    [InlineData(0.06, 15.2)]
    [InlineData(0.10, 9.9)]
    public void Speed_matches_the_worked_example(double grade, double kmh)
    {
        var v = CyclingPhysics.SpeedForPower(250, grade, 85, 0.32, 0.005, 1.225, 0.976);
        Assert.Equal(kmh, v * 3.6, 1);
    }

    [Theory]
    [InlineData(100, 0.0)]
    [InlineData(250, 0.06)]
    [InlineData(50, -0.04)]
    [InlineData(400, -0.02)]
    public void Speed_and_power_are_inverse(double power, double grade)
    {
        var v = CyclingPhysics.SpeedForPower(power, grade, 80, 0.3, 0.004, 1.2, 0.97);
        Assert.Equal(power, CyclingPhysics.PowerForSpeed(v, grade, 80, 0.3, 0.004, 1.2, 0.97), 6);
    }

    [Fact]
    public void Coasting_reaches_terminal_speed_downhill_and_stops_uphill()
    {
        // Terminal speed: ½ρCdA·v² = −m·g·(Crr·cosθ + sinθ).
        var theta = Math.Atan(-0.08);
        var expected = Math.Sqrt(-85 * CyclingPhysics.Gravity * ((0.005 * Math.Cos(theta)) + Math.Sin(theta)) / (0.5 * 1.225 * 0.32));
        Assert.Equal(expected, CyclingPhysics.SpeedForPower(0, -0.08, 85, 0.32, 0.005, 1.225, 0.976), 9);
        Assert.Equal(0, CyclingPhysics.SpeedForPower(0, 0.05, 85, 0.32, 0.005, 1.225, 0.976));
    }

    [Theory]
    [InlineData(0, 1.225)]
    [InlineData(1500, 1.056)]
    [InlineData(3000, 0.905)]
    public void Air_density_by_altitude(double altitude, double rho)
    {
        // peers.md §4.3 table (analyticcycling): within 0.005 kg/m³.
        Assert.InRange(CyclingPhysics.AirDensity(altitude), rho - 0.005, rho + 0.005);
    }
}
