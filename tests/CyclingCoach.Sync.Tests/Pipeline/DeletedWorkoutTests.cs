using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CyclingCoach.Fakes.IntervalsIcu;
using CyclingCoach.Sync.Tests.Support;

namespace CyclingCoach.Sync.Tests.Pipeline;

[Collection(SyncCollection.Name)]
public sealed class DeletedWorkoutTests(SyncFixture fixture)
{
    private readonly HttpClient client = fixture.Client;

    [Fact]
    public async Task A_deleted_workout_is_not_imported_again_by_a_re_sync_and_not_downloaded()
    {
        var first = new DateTime(2023, 5, 1, 0, 0, 0, DateTimeKind.Utc);
        for (var i = 0; i < 3; i++)
        {
            var startUtc = first.AddDays(i).AddHours(7);
            fixture.IntervalsIcu.Add(new FakeIntervalsIcu.FakeActivity(
                $"itomb{i:D4}", new DateTimeOffset(startUtc), "Ride", $"tomb ride {i}", 900, FitWriter.Ride(startUtc, 900, basePower: 190 + i, seed: 500 + i), 190 + i));
        }

        var window = new { source = "intervals_icu", from = SyncApi.Iso(first), to = SyncApi.Iso(first.AddDays(5)) };
        var (_, started) = await client.StartRunAsync(window);
        var run = await client.WaitForRunAsync(started.GetProperty("id").GetGuid());
        Assert.Equal((3, 3, 0, 0), SyncApi.Counts(run));

        var workoutId = await fixture.Database.ScalarAsync<Guid>("SELECT id FROM workouts WHERE source = 'IntervalsIcu' AND source_activity_id = 'itomb0001'");
        var deleted = await client.DeleteAsync($"/api/workouts/{workoutId}");
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.Equal(1, await fixture.Database.ScalarAsync<long>("SELECT count(*) FROM deleted_source_activities WHERE source = 'IntervalsIcu' AND source_activity_id = 'itomb0001'"));

        var downloads = fixture.IntervalsIcu.FileRequests;
        var (_, again) = await client.StartRunAsync(window);
        var rerun = await client.WaitForRunAsync(again.GetProperty("id").GetGuid());
        Assert.Equal("success", rerun.GetProperty("status").GetString());
        Assert.Equal((3, 0, 3, 0), SyncApi.Counts(rerun));
        Assert.Equal(downloads, fixture.IntervalsIcu.FileRequests);
        Assert.Equal(0, await fixture.Database.ScalarAsync<long>("SELECT count(*) FROM workouts WHERE source_activity_id = 'itomb0001'"));
        Assert.Equal(2, await fixture.Database.ScalarAsync<long>("SELECT count(*) FROM workouts WHERE source_activity_id LIKE 'itomb%'"));
        var missing = await client.GetAsync($"/api/workouts/{workoutId}");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }
}
