using CyclingCoach.ServiceDefaults;
using CyclingCoach.ServiceDefaults.Security;
using CyclingCoach.Sync.Apis;
using CyclingCoach.Sync.Extensions;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddApplicationServices();
builder.AddGatewayOnlyAccess(ResourceNames.Sync);
builder.Services.AddOpenApi(options => options.AddSchemaTransformer<WorkoutMetricsSchema>());

var app = builder.Build();

app.MapDefaultEndpoints();
app.UseGatewayOnlyAccess();
app.MapOpenApi();
app.MapWorkoutsApi();
app.MapSyncRunsApi();
app.MapIntervalsIcuApi();
app.MapGarminApi();
app.MapSeedCompatApi();
app.MapWellnessApi();
app.MapPlanPushApi();

app.Run();

public partial class Program;
