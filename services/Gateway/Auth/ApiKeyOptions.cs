namespace CyclingCoach.Gateway.Auth;

/// <summary><c>Auth:*</c>: the rider's API key and the failed-attempt limit per client address.</summary>
public sealed class ApiKeyOptions
{
    public string ApiKey { get; set; } = "";
    public int MaxFailedAttempts { get; set; } = 10;
    public int FailureWindowSeconds { get; set; } = 300;
}
