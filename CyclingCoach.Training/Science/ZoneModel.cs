namespace CyclingCoach.Training.Science;

/// <summary>
/// Zone lower bounds as fractions of a threshold (FTP for power, LTHR for heart rate). Zone i covers
/// [LowerBounds[i]·threshold, LowerBounds[i+1]·threshold); the last zone is open-ended.
/// </summary>
public sealed record ZoneModel(string Name, IReadOnlyList<double> LowerBounds, IReadOnlyList<string> ZoneNames)
{
    /// <summary>Coggan power levels, GoldenCheetah defaults 0,55,75,90,105,120,150 % FTP (peers.md §2.5).</summary>
    public static ZoneModel CogganPower { get; } = new(
        "Coggan power",
        [0, 0.55, 0.75, 0.90, 1.05, 1.20, 1.50],
        ["Z1 Active recovery", "Z2 Endurance", "Z3 Tempo", "Z4 Threshold", "Z5 VO2max", "Z6 Anaerobic", "Z7 Neuromuscular"]);

    /// <summary>Coggan heart-rate levels, GoldenCheetah defaults 0,68,83,94,105 % LTHR (peers.md §2.5).</summary>
    public static ZoneModel CogganHeartRate { get; } = new(
        "Coggan heart rate",
        [0, 0.68, 0.83, 0.94, 1.05],
        ["Z1 Active recovery", "Z2 Endurance", "Z3 Tempo", "Z4 Threshold", "Z5 VO2max"]);

    public int Count => LowerBounds.Count;

    /// <summary>Zone index (0-based) of <paramref name="value"/> for the given threshold.</summary>
    public int ZoneOf(double value, double threshold)
    {
        var ratio = value / threshold;
        for (var z = LowerBounds.Count - 1; z > 0; z--)
        {
            if (ratio >= LowerBounds[z] - 1e-12)
            {
                return z;
            }
        }

        return 0;
    }
}
