using System.Net;
using CyclingCoach.Routes.Analysis;

namespace CyclingCoach.Routes.Tests;

[Collection(QuotaCollection.Name)]
public sealed class QuotaTests(QuotaFixture fixture)
{
    [Fact]
    public async Task A_full_library_refuses_the_next_route_with_409_and_writes_nothing()
    {
        var ids = new List<Guid>();
        for (var i = 0; i < 3; i++)
        {
            using var response = await Gpx.UploadAsync(fixture.Client, Gpx.Road(), $"ride{i}.gpx");
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
            ids.Add((await Json.ReadAsync(response)).GetProperty("id").GetGuid());
        }

        var files = fixture.GpxFiles();
        Assert.Equal(3, files.Length);
        var outbox = await fixture.CountAsync("SELECT count(*) FROM outbox_messages");

        using var refused = await Gpx.UploadAsync(fixture.Client, Gpx.Road(), "one-too-many.gpx");
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        var problem = await Json.ReadAsync(refused);
        Assert.Equal(RouteProblemTypes.QuotaExceeded, problem.GetProperty("type").GetString());
        Assert.Equal(3, problem.GetProperty("maxRoutes").GetInt32());
        Assert.Contains("3", problem.GetProperty("detail").GetString());
        Assert.Equal(files, fixture.GpxFiles());
        Assert.Equal(3, await fixture.CountAsync("SELECT count(*) FROM routes"));
        Assert.Equal(outbox, await fixture.CountAsync("SELECT count(*) FROM outbox_messages"));

        // Concurrent uploads into the last free slot: exactly one wins.
        (await fixture.Client.DeleteAsync($"/api/routes/{ids[0]}")).EnsureSuccessStatusCode();
        var racers = await Task.WhenAll(Enumerable.Range(0, 4).Select(i => Gpx.UploadAsync(fixture.Client, Gpx.Road(), $"race{i}.gpx")));
        Assert.Equal(1, racers.Count(r => r.StatusCode == HttpStatusCode.Created));
        Assert.Equal(3, racers.Count(r => r.StatusCode == HttpStatusCode.Conflict));
        Assert.Equal(3, await fixture.CountAsync("SELECT count(*) FROM routes"));
        Assert.Equal(3, fixture.GpxFiles().Length);
    }
}
