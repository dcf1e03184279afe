using System.Globalization;
using System.Text.Json;

namespace CyclingCoach.Sync.Garmin.Client;

/// <summary>The wellness endpoints (garth <c>data/hrv.py</c>, <c>sleep.py</c>, <c>daily_summary.py</c>, <c>training_readiness.py</c>); null on 204 / 404.</summary>
public sealed partial class GarminApiClient
{
    public Task<JsonElement?> GetHrvAsync(DateOnly date, CancellationToken cancellationToken) =>
        GetJsonAsync($"/hrv-service/hrv/{Day(date)}", "HRV", cancellationToken);

    public Task<JsonElement?> GetDailySleepAsync(string displayName, DateOnly date, CancellationToken cancellationToken) =>
        GetJsonAsync($"/wellness-service/wellness/dailySleepData/{Uri.EscapeDataString(displayName)}?date={Day(date)}&nonSleepBufferMinutes=60",
            "daily sleep", cancellationToken);

    public Task<JsonElement?> GetDailySummaryAsync(string displayName, DateOnly date, CancellationToken cancellationToken) =>
        GetJsonAsync($"/usersummary-service/usersummary/daily/{Uri.EscapeDataString(displayName)}?calendarDate={Day(date)}",
            "daily summary", cancellationToken);

    public Task<JsonElement?> GetTrainingReadinessAsync(DateOnly date, CancellationToken cancellationToken) =>
        GetJsonAsync($"/metrics-service/metrics/trainingreadiness/{Day(date)}", "training readiness", cancellationToken);

    private static string Day(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
