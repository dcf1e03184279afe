using CyclingCoach.Gateway.Auth;
using CyclingCoach.Gateway.Events;
using CyclingCoach.Gateway.Extensions;
using CyclingCoach.Gateway.OpenApi;
using CyclingCoach.ServiceDefaults;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddGatewayServices();

var app = builder.Build();

app.UseForwardedHeaders();
app.UseRequestLogging();
app.MapDefaultEndpoints();
app.UseApiKeyAuthentication();
app.MapEventsApi();
app.MapServiceDocuments();
app.MapReverseProxy();

app.Run();

public partial class Program;
