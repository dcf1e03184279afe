using CyclingCoach.Training.Science;

namespace CyclingCoach.Sync.Apis;

/// <summary>A ride logged by hand. Every field is nullable so a missing one is reported by name, not as a 0.</summary>
/// <param name="AveragePower">Optional average power (W); with an FTP in effect on the ride's date the load is TSS from it (<c>average_power</c>), which underestimates a variable ride (NP is unknown).</param>
/// <param name="Rpe">Optional rating of perceived exertion, 1–10; it sets the IF of the load estimate (<c>TrainingLoadEstimate</c>).</param>
public sealed record ManualWorkoutRequest(
    string? Name,
    DateTimeOffset? StartTime,
    double? DurationSeconds,
    double? DistanceMeters,
    double? AveragePower,
    double? AverageHeartRate,
    int? Rpe = null)
{
    public const int MaxNameLength = 200;
    public const double MaxDurationSeconds = 48 * 3600;
    public const double MaxDistanceMeters = 2_000_000;
    public const double MaxAveragePower = 2_500;

    public Dictionary<string, string[]> Validate(DateTimeOffset now)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(Name))
        {
            errors["name"] = ["name is required."];
        }
        else if (Name.Trim().Length > MaxNameLength)
        {
            errors["name"] = [$"name must be at most {MaxNameLength} characters."];
        }

        if (StartTime is null)
        {
            errors["startTime"] = ["startTime is required (ISO 8601 with offset)."];
        }
        else if (StartTime > now.AddDays(1))
        {
            errors["startTime"] = ["startTime cannot be in the future."];
        }
        else if (StartTime < new DateTimeOffset(1990, 1, 1, 0, 0, 0, TimeSpan.Zero))
        {
            errors["startTime"] = ["startTime is before 1990."];
        }

        Range(errors, "durationSeconds", DurationSeconds, required: true, min: 1, max: MaxDurationSeconds);
        Range(errors, "distanceMeters", DistanceMeters, required: true, min: 0, max: MaxDistanceMeters);
        Range(errors, "averagePower", AveragePower, required: false, min: 0, max: MaxAveragePower);
        Range(errors, "averageHeartRate", AverageHeartRate, required: false, min: 20, max: 250);
        Range(errors, "rpe", Rpe, required: false, min: TrainingLoadEstimate.MinRpe, max: TrainingLoadEstimate.MaxRpe);
        return errors;
    }

    private static void Range(Dictionary<string, string[]> errors, string field, double? value, bool required, double min, double max)
    {
        if (value is null)
        {
            if (required)
            {
                errors[field] = [$"{field} is required."];
            }
        }
        else if (!double.IsFinite(value.Value) || value < min || value > max)
        {
            errors[field] = [$"{field} must be between {min} and {max}."];
        }
    }
}
