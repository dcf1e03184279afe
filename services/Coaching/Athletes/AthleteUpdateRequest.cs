using CyclingCoach.Contracts;

namespace CyclingCoach.Coaching.Athletes;

/// <summary>
/// The whole profile (PUT replaces it). Thresholds that differ from those in effect on <see cref="EffectiveFrom"/>
/// (default today) start a new period; earlier periods are kept.
/// </summary>
public sealed record AthleteUpdateRequest(
    DateOnly? EffectiveFrom,
    double? FtpWatts,
    double? WeightKg,
    int? LactateThresholdHeartRateBpm,
    int? MaxHeartRateBpm,
    int? RestingHeartRateBpm,
    BikeProfile? Bike,
    WeeklyAvailability? WeeklyAvailabilityHours)
{
    public static string? EffectiveFromError(DateOnly from, DateOnly today) =>
        from > today.AddDays(366) || from.Year < 1990 ? "effectiveFrom must be after 1990 and at most a year ahead." : null;

    public Dictionary<string, string[]> Validate(DateOnly today)
    {
        var errors = new Dictionary<string, string[]>();
        void Range(string field, double? value, double min, double max, string unit)
        {
            if (value is { } v && (!double.IsFinite(v) || v < min || v > max))
            {
                errors[field] = [$"{field} must be between {min} and {max} {unit}."];
            }
        }

        Range("ftpWatts", FtpWatts, 30, 700, "W");
        Range("weightKg", WeightKg, 25, 250, "kg");
        Range("lactateThresholdHeartRateBpm", LactateThresholdHeartRateBpm, 60, 230, "bpm");
        Range("maxHeartRateBpm", MaxHeartRateBpm, 80, 250, "bpm");
        Range("restingHeartRateBpm", RestingHeartRateBpm, 25, 120, "bpm");
        if (RestingHeartRateBpm >= (LactateThresholdHeartRateBpm ?? MaxHeartRateBpm) || LactateThresholdHeartRateBpm > MaxHeartRateBpm)
        {
            errors["heartRate"] = ["Heart rates must rise: resting < lactate threshold ≤ max."];
        }

        if (EffectiveFrom is { } from && EffectiveFromError(from, today) is { } error)
        {
            errors["effectiveFrom"] = [error];
        }

        if (Bike is { } bike)
        {
            Range("bike.massKg", bike.MassKg, 3, 40, "kg");
            Range("bike.cdA", bike.CdA, 0.15, 0.8, "m²");
            Range("bike.crr", bike.Crr, 0.001, 0.03, "");
            Range("bike.wheelCircumferenceMeters", bike.WheelCircumferenceMeters, 1.2, 2.6, "m");
            Range("bike.minimumCadenceRpm", bike.MinimumCadenceRpm, 30, 120, "rpm");
            if (bike.Chainrings is not { Count: >= 1 and <= 3 } || bike.Chainrings.Any(t => t is < 20 or > 60))
            {
                errors["bike.chainrings"] = ["1 to 3 chainrings of 20–60 teeth."];
            }

            if (bike.Cassette is not { Count: >= 1 and <= 14 } || bike.Cassette.Any(t => t is < 9 or > 52))
            {
                errors["bike.cassette"] = ["1 to 14 cogs of 9–52 teeth."];
            }
        }

        if (WeeklyAvailabilityHours?.ToArray().Any(h => h is < 0 or > 16 || !double.IsFinite(h)) == true)
        {
            errors["weeklyAvailabilityHours"] = ["Each day's hours must be between 0 and 16."];
        }

        return errors;
    }
}

/// <summary>Hours the rider can train on each weekday.</summary>
public sealed record WeeklyAvailability(double Monday, double Tuesday, double Wednesday, double Thursday, double Friday, double Saturday, double Sunday)
{
    public double[] ToArray() => [Monday, Tuesday, Wednesday, Thursday, Friday, Saturday, Sunday];

    public static WeeklyAvailability? From(double[]? hours) =>
        hours is { Length: 7 } h ? new(h[0], h[1], h[2], h[3], h[4], h[5], h[6]) : null;
}
