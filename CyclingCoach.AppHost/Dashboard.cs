using Microsoft.Extensions.Configuration;

namespace CyclingCoach.AppHost;

public static class Dashboard
{
    /// <summary>
    /// The dashboard over plain http on loopback, on fixed ports (bookmarks; ./coach env prints the URL), without a
    /// login: it listens on 127.0.0.1 only, like every other part of this stack. Anything set already (environment,
    /// arguments, the testing builder) wins.
    /// </summary>
    public static void UseFixedLoopbackPorts(IConfiguration configuration, CoachSettings settings)
    {
        void Default(string key, string value) => configuration[key] ??= value;

        Default("ASPNETCORE_URLS", $"http://127.0.0.1:{settings.DashboardPort}");
        Default("ASPIRE_DASHBOARD_OTLP_ENDPOINT_URL", $"http://127.0.0.1:{settings.OtlpPort}");
        Default("ASPIRE_DASHBOARD_OTLP_HTTP_ENDPOINT_URL", $"http://127.0.0.1:{settings.OtlpHttpPort}");
        Default("ASPIRE_RESOURCE_SERVICE_ENDPOINT_URL", $"http://127.0.0.1:{settings.ResourceServicePort}");
        Default("ASPIRE_ALLOW_UNSECURED_TRANSPORT", "true");
        Default("ASPIRE_DASHBOARD_UNSECURED_ALLOW_ANONYMOUS", "true");
    }
}
