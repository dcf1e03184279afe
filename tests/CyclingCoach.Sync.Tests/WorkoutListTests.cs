using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CyclingCoach.Sync.Tests.Support;
using CyclingCoach.Testing;

namespace CyclingCoach.Sync.Tests;

[Collection(SyncCollection.Name)]
public sealed class WorkoutListTests(SyncFixture fixture)
{
    private readonly HttpClient client = fixture.Client;

    [Fact]
    public async Task Lists_newest_first_with_paging_and_date_filters()
    {
        var tag = Guid.NewGuid().ToString("N")[..8];
        foreach (var day in new[] { 3, 1, 2 })
        {
            var response = await client.PostAsJsonAsync("/api/workouts/manual", new
            {
                name = $"{tag} day {day}",
                startTime = $"2025-03-0{day}T09:00:00Z",
                durationSeconds = 3600,
                distanceMeters = 30000,
            });
            response.EnsureSuccessStatusCode();
        }

        var page = await client.GetFromJsonAsync<JsonElement>("/api/workouts?from=2025-03-01T00:00:00Z&to=2025-03-03T23:59:59Z&pageSize=2&page=1");
        Assert.Equal(3, page.GetProperty("total").GetInt32());
        Assert.Equal(2, page.GetProperty("pageSize").GetInt32());
        var names = page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("name").GetString()).ToList();
        Assert.Equal([$"{tag} day 3", $"{tag} day 2"], names);

        var second = await client.GetFromJsonAsync<JsonElement>("/api/workouts?from=2025-03-01T00:00:00Z&to=2025-03-03T23:59:59Z&pageSize=2&page=2");
        Assert.Equal($"{tag} day 1", second.GetProperty("items")[0].GetProperty("name").GetString());
    }

    [Fact]
    public async Task A_list_item_is_the_rides_summary_and_the_detail_carries_its_metrics()
    {
        var start = new DateTime(2019, 4, 2, 7, 0, 0, DateTimeKind.Utc).AddMinutes(Random.Shared.Next(100_000));
        var upload = await client.UploadAsync(FitWriter.Ride(start, 3600, basePower: 210, seed: 51), "summary.fit");
        Assert.Equal(HttpStatusCode.Created, upload.StatusCode);
        var id = (await upload.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("items")[0].GetProperty("workoutId").GetGuid();

        var range = $"from={Uri.EscapeDataString(SyncApi.Iso(start.AddMinutes(-1)))}&to={Uri.EscapeDataString(SyncApi.Iso(start.AddMinutes(1)))}";
        var item = Assert.Single((await client.GetFromJsonAsync<JsonElement>($"/api/workouts?{range}")).GetProperty("items").EnumerateArray());
        var detail = await client.GetFromJsonAsync<JsonElement>($"/api/workouts/{id}");

        string[] summary =
        [
            "id", "source", "sourceActivityId", "name", "sport", "activityType", "startTime", "durationSeconds", "distanceMeters",
            "averagePower", "averageHeartRate", "trainingLoad", "trainingLoadSource", "hasStreams",
        ];
        Assert.Equal(summary, item.EnumerateObject().Select(p => p.Name));
        Assert.All(summary, name => Assert.Equal(detail.GetProperty(name).GetRawText(), item.GetProperty(name).GetRawText()));
        Assert.True(item.GetProperty("hasStreams").GetBoolean());
        Assert.NotEmpty(detail.GetProperty("metrics").GetProperty("meanMaxPowerWatts").EnumerateObject());
        Assert.True(detail.GetProperty("metrics").GetProperty("normalizedPowerWatts").GetDouble() > 150);
    }

    [Theory]
    [InlineData("/api/workouts?pageSize=500", "pageSize")]
    [InlineData("/api/workouts?page=0", "page")]
    [InlineData("/api/workouts?from=2025-03-05T00:00:00Z&to=2025-03-01T00:00:00Z", "from")]
    public async Task Out_of_range_paging_is_a_400_naming_the_parameter(string url, string field)
    {
        var response = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
    }

    [Fact]
    public async Task Health_reports_database_bus_and_storage()
    {
        // The bus connects in the background after start-up; health turns ready once it has.
        using var ready = await Eventually.WaitAsync(() => client.GetAsync("/health"), r => r.IsSuccessStatusCode, TimeSpan.FromSeconds(30));
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        var health = await ready.Content.ReadFromJsonAsync<JsonElement>();
        var checks = health.GetProperty("checks");
        Assert.Equal("Healthy", checks.GetProperty("syncdb").GetProperty("status").GetString());
        Assert.Equal("Healthy", checks.GetProperty("storage").GetProperty("status").GetString());
        Assert.True(checks.TryGetProperty("masstransit-bus", out _));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/alive")).StatusCode);
    }
}
