namespace CyclingCoach.AppHost;

public static class WebApp
{
    /// <summary>
    /// The Next.js standalone server (<c>npm run build</c> writes it; <c>./coach</c> builds it) as a plain node process:
    /// the JavaScript hosting package is not served here, and a production server is what users run anyway. It holds
    /// the API key and proxies <c>/api/*</c> to <c>GATEWAY_HTTP</c> with its own credential beside it; its sessions
    /// (the list sign-out removes from) live in <c>$COACH_DIR/data/web</c>.
    /// </summary>
    public static IResourceBuilder<ExecutableResource> AddWebApp(
        this IDistributedApplicationBuilder builder, CoachSettings settings, IResourceBuilder<ProjectResource> gateway,
        IResourceBuilder<ParameterResource> apiKey, IResourceBuilder<ParameterResource> webProxyKey)
    {
        var frontend = Path.GetFullPath(Path.Combine(builder.AppHostDirectory, "..", "frontend"));
        return builder.AddExecutable(ResourceNames.Web, "node", frontend, ".next/standalone/server.js")
            .WithHttpEndpoint(port: settings.WebPort, env: "PORT", isProxied: false)
            .WithEnvironment("HOSTNAME", "127.0.0.1")
            .WithEnvironment("NODE_ENV", "production")
            .WithEnvironment("NEXT_TELEMETRY_DISABLED", "1")
            .WithEnvironment("GATEWAY_HTTP", gateway.GetEndpoint("http"))
            .WithEnvironment("Auth__ApiKey", apiKey)
            .WithEnvironment("Auth__WebProxyKey", webProxyKey)
            .WithEnvironment("SESSION_STORE", Path.Combine(settings.DataPath(ResourceNames.Web), "sessions.json"))
            .WithOtlpExporter()
            .WithExternalHttpEndpoints()
            // Started beside the gateway, not after it: the web server needs the gateway only to answer a page.
            .WithHttpHealthCheck("/healthz");
    }
}
