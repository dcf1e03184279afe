using System.Globalization;
using System.Text.Json.Nodes;
using CyclingCoach.Contracts;

namespace CyclingCoach.Sync.PlanPush;

/// <summary>
/// A session as a Garmin Connect workout, in the shape public clients send to <c>POST /workout-service/workout</c>
/// (python-garminconnect's <c>workout.py</c> models and garmin-workouts projects): a cycling workout
/// (<c>sportType {2, "cycling"}</c>) of one segment whose steps are <c>ExecutableStepDTO</c> (step types 1 warmup,
/// 2 cooldown, 3 interval, 4 recovery; end condition 2 "time" with <c>endConditionValue</c> in seconds; target 2
/// "power.zone" with <c>targetValueOne</c>/<c>Two</c> in watts, or 1 "no.target") and <c>RepeatGroupDTO</c> (step type
/// 6 "repeat", end condition 7 "iterations", <c>numberOfIterations</c>, nested <c>workoutSteps</c>).
/// Garmin wants watts, so powers (fractions of FTP) are turned into a band at <paramref name="ftpWatts"/>; without an
/// FTP the steps have no target and say the % FTP in their note. Cadence goes in the note too.
/// </summary>
public static class GarminWorkoutJson
{
    /// <summary>Half the width of a steady step's power band, as a fraction of FTP (±2.5 % ≈ ±6 W at 250 W: a head
    /// unit's usual "in range" band for ERG-less riding). [E] a default no source fixes.</summary>
    public const double SteadyBand = 0.025;

    private static readonly JsonObject Cycling = new() { ["sportTypeId"] = 2, ["sportTypeKey"] = "cycling" };

    public static JsonObject Of(PlannedSession session, double? ftpWatts)
    {
        var order = 0;
        var steps = new JsonArray();
        foreach (var step in session.Steps)
        {
            if (step.Kind == "Intervals" && (step.Repeat > 1 || step.OffDurationSeconds > 0))
            {
                var groupOrder = ++order;
                var inner = new JsonArray { Executable(++order, 3, "interval", step.DurationSeconds, step.PowerHigh, step.PowerHigh, step.CadenceRpm, ftpWatts) };
                if (step.OffDurationSeconds > 0)
                {
                    inner.Add(Executable(++order, 4, "recovery", step.OffDurationSeconds, step.OffPower, step.OffPower, null, ftpWatts));
                }

                steps.Add(new JsonObject
                {
                    ["type"] = "RepeatGroupDTO",
                    ["stepOrder"] = groupOrder,
                    ["stepType"] = new JsonObject { ["stepTypeId"] = 6, ["stepTypeKey"] = "repeat" },
                    ["numberOfIterations"] = Math.Max(1, step.Repeat),
                    ["smartRepeat"] = false,
                    ["endCondition"] = new JsonObject { ["conditionTypeId"] = 7, ["conditionTypeKey"] = "iterations" },
                    ["endConditionValue"] = Math.Max(1, step.Repeat),
                    ["workoutSteps"] = inner,
                });
                continue;
            }

            var (typeId, typeKey) = step.Kind switch
            {
                "Warmup" => (1, "warmup"),
                "Cooldown" => (2, "cooldown"),
                _ => (3, "interval"),
            };
            var (low, high) = step.Kind is "Warmup" or "Cooldown"
                ? (Math.Min(step.PowerLow, step.PowerHigh), Math.Max(step.PowerLow, step.PowerHigh))
                : ((step.PowerLow + step.PowerHigh) / 2, (step.PowerLow + step.PowerHigh) / 2);
            steps.Add(Executable(++order, typeId, typeKey, step.DurationSeconds, low, high, step.CadenceRpm, ftpWatts));
        }

        return new JsonObject
        {
            ["workoutName"] = session.Name.Length > 80 ? session.Name[..80] : session.Name,
            ["description"] = session.Description.Length > 1000 ? session.Description[..1000] : session.Description,
            ["sportType"] = Cycling.DeepClone(),
            ["estimatedDurationInSecs"] = session.DurationSeconds,
            ["workoutSegments"] = new JsonArray
            {
                new JsonObject { ["segmentOrder"] = 1, ["sportType"] = Cycling.DeepClone(), ["workoutSteps"] = steps },
            },
        };
    }

    private static JsonObject Executable(int order, int typeId, string typeKey, int seconds, double low, double high, int? cadence, double? ftpWatts)
    {
        var percent = low.Equals(high)
            ? $"{Math.Round(low * 100).ToString(CultureInfo.InvariantCulture)}% FTP"
            : $"{Math.Round(low * 100).ToString(CultureInfo.InvariantCulture)}–{Math.Round(high * 100).ToString(CultureInfo.InvariantCulture)}% FTP";
        var step = new JsonObject
        {
            ["type"] = "ExecutableStepDTO",
            ["stepOrder"] = order,
            ["stepType"] = new JsonObject { ["stepTypeId"] = typeId, ["stepTypeKey"] = typeKey },
            ["endCondition"] = new JsonObject { ["conditionTypeId"] = 2, ["conditionTypeKey"] = "time" },
            ["endConditionValue"] = Math.Max(1, seconds),
            ["description"] = cadence is { } rpm ? $"{percent}, {rpm.ToString(CultureInfo.InvariantCulture)} rpm" : percent,
        };
        if (ftpWatts is > 0 and var ftp)
        {
            var band = low.Equals(high) ? SteadyBand : 0;
            step["targetType"] = new JsonObject { ["workoutTargetTypeId"] = 2, ["workoutTargetTypeKey"] = "power.zone" };
            step["targetValueOne"] = (int)Math.Round((low - band) * ftp);
            step["targetValueTwo"] = (int)Math.Round((high + band) * ftp);
        }
        else
        {
            step["targetType"] = new JsonObject { ["workoutTargetTypeId"] = 1, ["workoutTargetTypeKey"] = "no.target" };
        }

        return step;
    }
}
