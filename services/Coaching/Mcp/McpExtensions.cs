using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using CyclingCoach.Coaching.Data;
using CyclingCoach.ServiceDefaults.Configuration;
using CyclingCoach.ServiceDefaults.Security;
using ModelContextProtocol.AspNetCore;

namespace CyclingCoach.Coaching.Mcp;

public static class McpExtensions
{
    /// <summary>Where the endpoint answers; the gateway routes <c>/api/mcp</c> here behind the rider's API key.</summary>
    public const string Path = "/api/mcp";

    /// <summary>
    /// The MCP server over Streamable HTTP, stateless: every request stands alone (no session to lose when Coaching
    /// restarts, none to pin to an instance, no server-initiated messages needed: the tools only answer). One rider on
    /// a home server has nothing a session would add.
    /// </summary>
    public static IHostApplicationBuilder AddCoachMcp(this IHostApplicationBuilder builder)
    {
        var serviceKey = builder.Configuration.GetRequiredSecret(GatewayOnlyAccess.SettingKey);
        builder.Services.AddHttpClient<RoutesClient>(client => RoutesClient.Configure(client, serviceKey));
        builder.Services.AddMcpServer(options => options.ServerInfo = new() { Name = "CyclingCoach", Version = "1" })
            .WithHttpTransport(options => options.SessionMode = HttpServerSessionMode.Stateless)
            // The API's JSON shape; the SDK freezes the options it gets, which needs an explicit resolver.
            .WithTools<CoachMcpTools>(new JsonSerializerOptions(CoachJson.Options) { TypeInfoResolver = new DefaultJsonTypeInfoResolver() });
        return builder;
    }

    public static IEndpointRouteBuilder MapCoachMcp(this IEndpointRouteBuilder app)
    {
        app.MapMcp(Path).WithTags("MCP").ExcludeFromDescription();
        return app;
    }
}
