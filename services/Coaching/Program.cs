using CyclingCoach.Coaching.Apis;
using CyclingCoach.Coaching.Extensions;
using CyclingCoach.Coaching.Mcp;
using CyclingCoach.ServiceDefaults;
using CyclingCoach.ServiceDefaults.Security;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddApplicationServices();
builder.AddGatewayOnlyAccess(ResourceNames.Coaching);
builder.Services.AddOpenApi();

var app = builder.Build();

app.MapDefaultEndpoints();
app.UseGatewayOnlyAccess();
app.MapOpenApi();
app.MapWorkoutLibraryApi();
app.MapCoachWorkoutsApi();
app.MapAthleteApi();
app.MapFitnessApi();
app.MapReadinessApi();
app.MapRulesApi();
app.MapPlansApi();
app.MapAnalysesApi();
app.MapPromptsApi();
app.MapAiApi();
app.MapSeedCompatApi();
app.MapExportsApi();
app.MapChatApi();
app.MapCoachMcp();

app.Run();

public partial class Program;
