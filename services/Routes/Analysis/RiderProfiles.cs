using CyclingCoach.Contracts;
using CyclingCoach.Routes.Model;
using CyclingCoach.Training.Routes;

namespace CyclingCoach.Routes.Analysis;

/// <summary>
/// Maps between Coaching's <see cref="AthleteProfileChanged"/>, the stored <see cref="RiderProfileRecord"/> and
/// Training's <see cref="RiderProfile"/>. Anything missing or not physically sensible (≤ 0, empty gearing) keeps
/// <see cref="RiderProfile.Default"/>'s value, so one bad field never stops the estimates.
/// </summary>
public static class RiderProfiles
{
    public static void Apply(RiderProfileRecord record, AthleteProfileChanged message, DateTime receivedAt)
    {
        record.Version = message.Version;
        record.FtpWatts = Positive(message.FtpWatts);
        record.RiderMassKg = Positive(message.WeightKg);
        var bike = message.Bike;
        record.BikeMassKg = Positive(bike?.MassKg);
        record.CdA = Positive(bike?.CdA);
        record.Crr = bike?.Crr is >= 0 and <= 0.1 ? bike.Crr : null;
        record.WheelCircumferenceMeters = Positive(bike?.WheelCircumferenceMeters);
        record.Chainrings = Teeth(bike?.Chainrings);
        record.Cassette = Teeth(bike?.Cassette);
        record.MinCadenceRpm = Positive(bike?.MinimumCadenceRpm);
        record.ChangedAt = message.ChangedAt.UtcDateTime;
        record.ReceivedAt = receivedAt;
    }

    public static RiderProfile ToRider(RiderProfileRecord? record)
    {
        var d = RiderProfile.Default;
        if (record is null || record.Version == 0)
        {
            return d;
        }

        var rider = d with
        {
            FtpWatts = record.FtpWatts ?? d.FtpWatts,
            RiderMassKg = record.RiderMassKg ?? d.RiderMassKg,
            BikeMassKg = record.BikeMassKg ?? d.BikeMassKg,
            CdA = record.CdA ?? d.CdA,
            Crr = record.Crr ?? d.Crr,
            WheelCircumferenceMeters = record.WheelCircumferenceMeters ?? d.WheelCircumferenceMeters,
            Chainrings = record.Chainrings ?? d.Chainrings,
            Cassette = record.Cassette ?? d.Cassette,
            MinCadenceRpm = record.MinCadenceRpm ?? d.MinCadenceRpm,
        };
        try
        {
            rider.Validate();
            return rider;
        }
        catch (ArgumentException)
        {
            return d;
        }
    }

    private static double? Positive(double? value) => value is > 0 and < double.PositiveInfinity ? value : null;

    private static int[]? Teeth(IReadOnlyList<int>? teeth) =>
        teeth is { Count: > 0 } && teeth.All(t => t is > 0 and < 200) ? teeth.ToArray() : null;
}
