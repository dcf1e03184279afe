namespace CyclingCoach.Training.Routes;

/// <summary>Climb score, category and Fiets index (peers.md §4.2).</summary>
public static class ClimbScoring
{
    /// <summary>Score = length (m) × average grade (%), e.g. 2000 m at 4 % = 8000 (Strava, Garmin ClimbPro).</summary>
    public static double Score(double lengthMeters, double averageGradePercent) => lengthMeters * Math.Max(0, averageGradePercent);

    /// <summary>
    /// Strava's current thresholds: Cat4 &gt; 8 000, Cat3 &gt; 16 000, Cat2 &gt; 32 000, Cat1 &gt; 64 000, HC &gt; 80 000.
    /// (An older copy of the same page had Cat1 &gt; 48 000 and HC &gt; 64 000; peers.md flags the conflict.)
    /// </summary>
    public static ClimbCategory Categorize(double score) => score switch
    {
        > 80_000 => ClimbCategory.HorsCategorie,
        > 64_000 => ClimbCategory.Cat1,
        > 32_000 => ClimbCategory.Cat2,
        > 16_000 => ClimbCategory.Cat3,
        > 8_000 => ClimbCategory.Cat4,
        _ => ClimbCategory.Uncategorized,
    };

    /// <summary>
    /// Fiets index FI = H²/(D·10) + max(0, (T − 1000)/1000) with H = height gain (m), D = length (m),
    /// T = altitude of the top (m). Unknown top altitude adds nothing.
    /// </summary>
    public static double FietsIndex(double gainMeters, double lengthMeters, double topAltitudeMeters)
    {
        if (!(lengthMeters > 0))
        {
            return 0;
        }

        var h = Math.Max(0, gainMeters);
        var bonus = double.IsNaN(topAltitudeMeters) ? 0 : Math.Max(0, (topAltitudeMeters - 1000) / 1000);
        return (h * h / (lengthMeters * 10)) + bonus;
    }
}
