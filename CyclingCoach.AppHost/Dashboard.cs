using Microsoft.Extensions.Configuration;

namespace CyclingCoach.AppHost;

public static class Dashboard
{
    /// <summary>
    /// The dashboard over plain http on loopback, on fixed ports (bookmarks; ./coach env prints the URL), answering its
    /// own host names only (a DNS-rebinding page names its own), behind the stack's dashboard key: its login page asks
    /// for it (<c>./coach up</c> prints a URL that carries it) and its telemetry API wants it in <c>x-api-key</c>
    /// (<c>DASHBOARD_API_KEY</c> in <c>./coach env</c>). The services' OTLP exporters get their own generated key from
    /// the AppHost. Ports and URLs set already (environment, arguments, the testing builder) win; the key is always
    /// the stack's (Aspire has generated random ones by now).
    /// </summary>
    public static void OnLoopbackWithKey(IDistributedApplicationBuilder builder, CoachSettings settings, string key)
    {
        var configuration = builder.Configuration;
        void Default(string name, string value) => configuration[name] ??= value;

        Default("ASPNETCORE_URLS", $"http://127.0.0.1:{settings.DashboardPort}");
        Default("ASPIRE_DASHBOARD_OTLP_ENDPOINT_URL", $"http://127.0.0.1:{settings.OtlpPort}");
        Default("ASPIRE_DASHBOARD_OTLP_HTTP_ENDPOINT_URL", $"http://127.0.0.1:{settings.OtlpHttpPort}");
        Default("ASPIRE_RESOURCE_SERVICE_ENDPOINT_URL", $"http://127.0.0.1:{settings.ResourceServicePort}");
        Default("ASPIRE_ALLOW_UNSECURED_TRANSPORT", "true");
        configuration["AppHost:BrowserToken"] = key;
        configuration["AppHost:DashboardApiKey"] = key;
        builder.Eventing.Subscribe<BeforeResourceStartedEvent>((e, _) =>
        {
            if (e.Resource.Name == "aspire-dashboard")
            {
                e.Resource.Annotations.Add(new EnvironmentCallbackAnnotation("AllowedHosts", () => "localhost;127.0.0.1;[::1]"));
                // The services' runtime settings (services/Directory.Build.props), as environment variables here: the
                // dashboard is a published executable of Aspire's.
                e.Resource.Annotations.Add(new EnvironmentCallbackAnnotation("DOTNET_gcConcurrent", () => "0"));
                e.Resource.Annotations.Add(new EnvironmentCallbackAnnotation("DOTNET_TieredPGO", () => "0"));
            }

            return Task.CompletedTask;
        });
    }
}
