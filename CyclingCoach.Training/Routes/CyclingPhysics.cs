namespace CyclingCoach.Training.Routes;

/// <summary>
/// Steady-state power balance of Martin, Milliken, Cobb, McFadden &amp; Coggan (1998), no wind, no acceleration
/// (peers.md §4.3): η·P = v·[m·g·(Crr·cos θ + sin θ) + ½·ρ·CdA·v²], θ = atan(grade).
/// </summary>
public static class CyclingPhysics
{
    public const double Gravity = 9.80665;

    /// <summary>
    /// Air density (kg/m³) at an altitude from the ISA barometric formula, corrected for temperature:
    /// ρ = p/(R·T) with p = 101325·(1 − 2.25577·10⁻⁵·h)^5.25588. 1.225 at sea level and 15 °C, 1.056 at 1500 m.
    /// </summary>
    public static double AirDensity(double altitudeMeters, double temperatureCelsius = 15)
    {
        var h = double.IsNaN(altitudeMeters) ? 0 : Math.Clamp(altitudeMeters, -500, 9000);
        var pressure = 101_325.0 * Math.Pow(1 - (2.25577e-5 * h), 5.25588);
        // The temperature is a sea-level reference; it falls 6.5 K per km as in the standard atmosphere.
        var kelvin = (double.IsNaN(temperatureCelsius) ? 15 : temperatureCelsius) + 273.15 - (0.0065 * h);
        return pressure / (287.058 * kelvin);
    }

    /// <summary>Rider power (W, at the pedals) needed to hold <paramref name="speedMps"/> on a grade (fraction, 0.06 = 6 %).</summary>
    public static double PowerForSpeed(double speedMps, double grade, double massKg, double cdA, double crr, double airDensity, double efficiency)
    {
        var theta = Math.Atan(grade);
        var resist = massKg * Gravity * ((crr * Math.Cos(theta)) + Math.Sin(theta));
        return speedMps * (resist + (0.5 * airDensity * cdA * speedMps * speedMps)) / efficiency;
    }

    /// <summary>
    /// Steady speed (m/s) for a rider power on a grade (fraction). Solves the cubic a·v³ + b·v − c = 0 with
    /// a = ½ρCdA, b = m·g·(Crr·cos θ + sin θ), c = η·P in closed form (the single positive root, or on a descent the
    /// largest root). Returns 0 when the rider cannot move (power 0 on a climb).
    /// </summary>
    public static double SpeedForPower(double powerWatts, double grade, double massKg, double cdA, double crr, double airDensity, double efficiency)
    {
        var theta = Math.Atan(grade);
        var a = 0.5 * airDensity * cdA;
        var b = massKg * Gravity * ((crr * Math.Cos(theta)) + Math.Sin(theta));
        var c = efficiency * Math.Max(0, powerWatts);
        if (c <= 0)
        {
            return b < 0 ? Math.Sqrt(-b / a) : 0; // coasting: terminal speed downhill, stopped uphill
        }

        // Depressed cubic v³ + p·v + q = 0.
        var p = b / a;
        var q = -c / a;
        var disc = (q * q / 4) + (p * p * p / 27);
        if (disc >= 0)
        {
            var sq = Math.Sqrt(disc);
            return Math.Cbrt((-q / 2) + sq) + Math.Cbrt((-q / 2) - sq);
        }

        // Three real roots (p < 0: downhill); the largest is the physical steady state.
        var r = Math.Sqrt(-p / 3);
        var phi = Math.Acos(Math.Clamp(3 * q / (2 * p) / r, -1, 1));
        return 2 * r * Math.Cos(phi / 3);
    }
}
