using CyclingCoach.Routes.Apis;
using CyclingCoach.Routes.Extensions;
using CyclingCoach.ServiceDefaults;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddApplicationServices();
builder.Services.AddOpenApi();

var app = builder.Build();

app.MapDefaultEndpoints();
app.MapOpenApi();
app.MapRoutesApi();

app.Run();

public partial class Program;
