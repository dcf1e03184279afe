namespace CyclingCoach.Gateway.Auth;

/// <summary><c>Auth:*</c>: the rider's API key, the web app's own credential and the failed-attempt limit per client.</summary>
public sealed class ApiKeyOptions
{
    public string ApiKey { get; set; } = "";

    /// <summary>Sent by the web app beside the API key (<see cref="ApiKeyMiddleware.WebProxyKeyHeader"/>): its requests
    /// are counted apart, so wrong keys from other callers on the same address never lock the web app out.</summary>
    public string WebProxyKey { get; set; } = "";

    public int MaxFailedAttempts { get; set; } = 10;
    public int FailureWindowSeconds { get; set; } = 300;

    /// <summary>Addresses counted one by one; failures from any further address share one count.</summary>
    public int MaxTrackedClients { get; set; } = 10_000;
}
