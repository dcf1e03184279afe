namespace CyclingCoach.Training.Routes;

/// <summary>
/// The rider and bike used to estimate section times and gears (peers.md §4.3–4.4). SI units.
/// <see cref="Default"/>: 75 kg rider + 10 kg bike and kit (85 kg, the peers.md worked example), CdA 0.32 m²
/// (recreational, hoods), Crr 0.005, drivetrain efficiency 0.976 (Martin 1998), FTP 250 W, 700×28c wheel
/// (2.136 m), 50/34 chainrings with an 11–34 12-speed cassette, minimum cadence 70 rpm; flats at 70 % FTP,
/// climbs at 90 % FTP (≤ 10 min) down to 75 % FTP (≥ 60 min), descents at 40 % FTP with pedalling stopping
/// above 45 km/h and a 60 km/h safety cap, air at 15 °C.
/// </summary>
public sealed record RiderProfile(
    double RiderMassKg,
    double BikeMassKg,
    double CdA,
    double Crr,
    double DrivetrainEfficiency,
    double FtpWatts,
    double WheelCircumferenceMeters,
    IReadOnlyList<int> Chainrings,
    IReadOnlyList<int> Cassette,
    double MinCadenceRpm,
    double FlatPowerFraction = 0.70,
    double ShortClimbPowerFraction = 0.90,
    double LongClimbPowerFraction = 0.75,
    double DescentPowerFraction = 0.40,
    double CoastingSpeedMps = 45 / 3.6,
    double MaxSpeedMps = 60 / 3.6,
    double AirTemperatureCelsius = 15)
{
    public static RiderProfile Default { get; } = new(
        RiderMassKg: 75,
        BikeMassKg: 10,
        CdA: 0.32,
        Crr: 0.005,
        DrivetrainEfficiency: 0.976,
        FtpWatts: 250,
        WheelCircumferenceMeters: 2.136,
        Chainrings: [50, 34],
        Cassette: [11, 12, 13, 14, 15, 17, 19, 21, 24, 27, 30, 34],
        MinCadenceRpm: 70);

    public double TotalMassKg => RiderMassKg + BikeMassKg;

    /// <summary>Throws <see cref="ArgumentException"/> naming the first invalid field.</summary>
    public void Validate()
    {
        static void Positive(double v, string name)
        {
            if (!(v > 0) || double.IsInfinity(v))
            {
                throw new ArgumentException($"{name} must be a positive number.", name);
            }
        }

        Positive(RiderMassKg, nameof(RiderMassKg));
        Positive(BikeMassKg, nameof(BikeMassKg));
        Positive(CdA, nameof(CdA));
        Positive(FtpWatts, nameof(FtpWatts));
        Positive(WheelCircumferenceMeters, nameof(WheelCircumferenceMeters));
        Positive(MinCadenceRpm, nameof(MinCadenceRpm));
        Positive(MaxSpeedMps, nameof(MaxSpeedMps));
        Positive(CoastingSpeedMps, nameof(CoastingSpeedMps));
        if (!(Crr >= 0) || Crr > 0.1)
        {
            throw new ArgumentException("Crr must be between 0 and 0.1.", nameof(Crr));
        }

        if (!(DrivetrainEfficiency > 0) || DrivetrainEfficiency > 1)
        {
            throw new ArgumentException("DrivetrainEfficiency must be in (0, 1].", nameof(DrivetrainEfficiency));
        }

        Positive(FlatPowerFraction, nameof(FlatPowerFraction));
        Positive(ShortClimbPowerFraction, nameof(ShortClimbPowerFraction));
        Positive(LongClimbPowerFraction, nameof(LongClimbPowerFraction));
        if (!(DescentPowerFraction >= 0) || FlatPowerFraction > 2 || ShortClimbPowerFraction > 2 || LongClimbPowerFraction > 2 || DescentPowerFraction > 2)
        {
            throw new ArgumentException("Power fractions must be between 0 and 2 (× FTP).", nameof(DescentPowerFraction));
        }

        if (Chainrings is null || Chainrings.Count == 0 || Cassette is null || Cassette.Count == 0)
        {
            throw new ArgumentException("At least one chainring and one cog are needed.", nameof(Chainrings));
        }

        foreach (var t in Chainrings)
        {
            Positive(t, nameof(Chainrings));
        }

        foreach (var t in Cassette)
        {
            Positive(t, nameof(Cassette));
        }
    }
}
