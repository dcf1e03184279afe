namespace CyclingCoach.Sync.Garmin.Auth;

/// <summary>Lets the singleton session get a typed auth client from IHttpClientFactory when it needs one.</summary>
public sealed class GarminAuthClientFactory(IServiceProvider services)
{
    public GarminAuthClient Create() => services.GetRequiredService<GarminAuthClient>();
}
