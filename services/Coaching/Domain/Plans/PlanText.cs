namespace CyclingCoach.Coaching.Domain.Plans;

/// <summary>How validator messages and repair sentences write days and durations.</summary>
internal static class PlanText
{
    public static string Day(DateOnly date) => date.ToString("dddd yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    public static string Duration(int seconds)
    {
        var minutes = (int)Math.Round(seconds / 60.0);
        return minutes < 60 ? $"{minutes} min" : minutes % 60 == 0 ? $"{minutes / 60} h" : $"{minutes / 60} h {minutes % 60} min";
    }

    public static string Hours(double hours) => Duration((int)Math.Round(hours * 3600));
}
