namespace CyclingCoach.Training.Routes;

/// <summary>
/// Section riding time from the Martin (1998) model, segment by segment (peers.md §4.3). Target power by section
/// type (a design choice, documented on <see cref="RiderProfile"/>):
/// <list type="bullet">
/// <item>flat, rolling, unknown: FlatPowerFraction × FTP;</item>
/// <item>climb: a fraction of FTP that depends on how long the climb takes — ShortClimbPowerFraction up to 10 min,
/// LongClimbPowerFraction from 60 min, log-linear between — found by fixed-point iteration (time ↔ power);</item>
/// <item>descent: DescentPowerFraction × FTP.</item>
/// </list>
/// On any downhill segment the rider pedals only up to CoastingSpeed (gravity alone may go faster), and every
/// segment is capped at MaxSpeed. Unknown grade is ridden as flat.
/// </summary>
internal static class SectionTimeEstimator
{
    private const int ClimbIterations = 4;

    /// <summary>Time (s) and the power used for samples [a, b]; <paramref name="grade"/> null means flat.</summary>
    public static (double Seconds, double PowerWatts) Estimate(RiderProfile rider, SectionKind kind, double[] s, double[]? elevation, double[]? grade, int a, int b)
    {
        switch (kind)
        {
            case SectionKind.Climb:
            {
                var fraction = rider.ShortClimbPowerFraction;
                var power = fraction * rider.FtpWatts;
                var seconds = Time(rider, power, s, elevation, grade, a, b);
                for (var i = 0; i < ClimbIterations; i++)
                {
                    power = ClimbFraction(rider, seconds) * rider.FtpWatts;
                    seconds = Time(rider, power, s, elevation, grade, a, b);
                }

                return (seconds, power);
            }

            case SectionKind.Descent:
            {
                var power = rider.DescentPowerFraction * rider.FtpWatts;
                return (Time(rider, power, s, elevation, grade, a, b), power);
            }

            default:
            {
                var power = rider.FlatPowerFraction * rider.FtpWatts;
                return (Time(rider, power, s, elevation, grade, a, b), power);
            }
        }
    }

    /// <summary>Fraction of FTP for a climb lasting <paramref name="seconds"/>.</summary>
    public static double ClimbFraction(RiderProfile rider, double seconds)
    {
        var minutes = seconds / 60;
        if (minutes <= 10)
        {
            return rider.ShortClimbPowerFraction;
        }

        if (minutes >= 60)
        {
            return rider.LongClimbPowerFraction;
        }

        var f = Math.Log(minutes / 10) / Math.Log(6);
        return rider.ShortClimbPowerFraction + ((rider.LongClimbPowerFraction - rider.ShortClimbPowerFraction) * f);
    }

    /// <summary>Steady speed on one grade with the coasting and cap rules.</summary>
    public static double Speed(RiderProfile rider, double power, double grade, double airDensity)
    {
        var m = rider.TotalMassKg;
        var v = CyclingPhysics.SpeedForPower(power, grade, m, rider.CdA, rider.Crr, airDensity, rider.DrivetrainEfficiency);
        if (grade < 0 && v > rider.CoastingSpeedMps)
        {
            var coast = CyclingPhysics.SpeedForPower(0, grade, m, rider.CdA, rider.Crr, airDensity, rider.DrivetrainEfficiency);
            v = Math.Max(coast, rider.CoastingSpeedMps);
        }

        return Math.Min(v, rider.MaxSpeedMps);
    }

    /// <summary>Riding time (s) of samples [a, b] at a constant <paramref name="power"/>; <paramref name="grade"/> null means flat.</summary>
    public static double Time(RiderProfile rider, double power, double[] s, double[]? elevation, double[]? grade, int a, int b)
    {
        double t = 0;
        var flatRho = CyclingPhysics.AirDensity(0, rider.AirTemperatureCelsius);
        var flatSpeed = grade is null ? Speed(rider, power, 0, flatRho) : 0;
        for (var k = a; k < b; k++)
        {
            var ds = s[k + 1] - s[k];
            if (ds <= 0)
            {
                continue;
            }

            double v;
            if (grade is null || elevation is null)
            {
                v = flatSpeed;
            }
            else
            {
                var g = 0.5 * (grade[k] + grade[k + 1]);
                var rho = CyclingPhysics.AirDensity(0.5 * (elevation[k] + elevation[k + 1]), rider.AirTemperatureCelsius);
                v = Speed(rider, power, g, rho);
            }

            t += v > 0.1 ? ds / v : ds / 0.1; // walking pace floor: never infinite
        }

        return t;
    }
}
