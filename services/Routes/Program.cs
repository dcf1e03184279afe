using CyclingCoach.Routes.Apis;
using CyclingCoach.Routes.Extensions;
using CyclingCoach.ServiceDefaults;
using CyclingCoach.ServiceDefaults.Security;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddApplicationServices();
builder.AddGatewayOnlyAccess(ResourceNames.Routes);
builder.Services.AddOpenApi();

var app = builder.Build();

app.MapDefaultEndpoints();
app.UseGatewayOnlyAccess();
app.MapOpenApi();
app.MapRoutesApi();

app.Run();

public partial class Program;
