using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using CyclingCoach.Routes.Analysis;
using CyclingCoach.Routes.Storage;
using CyclingCoach.Testing;
using CyclingCoach.Training.Readers;
using CyclingCoach.Training.Routes;
using Microsoft.Extensions.DependencyInjection;

namespace CyclingCoach.Routes.Tests;

[Collection(LibraryCollection.Name)]
public sealed class RouteLibraryTests(LibraryFixture fixture)
{
    private readonly HttpClient client = fixture.Client;

    private async Task<JsonElement> UploadAsync(byte[] content, string? name = null)
    {
        using var response = await Gpx.UploadAsync(client, content, "ride.gpx", name);
        var body = await Json.ReadAsync(response);
        Assert.True(response.StatusCode == HttpStatusCode.Created, body.ToString());
        return body;
    }

    private Task<long> OutboxCountAsync(Guid routeId) =>
        fixture.CountAsync($"SELECT count(*) FROM outbox_messages WHERE message_type LIKE 'CyclingCoach.Contracts.RouteAnalyzed,%' AND payload->>'routeId' = '{routeId}'");

    [Fact]
    public async Task Upload_stores_the_analysis_of_Training_with_the_default_rider_and_publishes_RouteAnalyzed()
    {
        var bytes = Gpx.Road(flatMeters: 2000, climbMeters: 4000, gradePercent: 7, name: "Col de Test");
        var route = await UploadAsync(bytes);
        var id = route.GetProperty("id").GetGuid();

        RouteAssertions.IsConsistentRoute(route);
        Assert.Equal("Col de Test", route.GetProperty("name").GetString());
        Assert.Equal(0, route.GetProperty("profileVersion").GetInt32());

        // Same numbers as Training's analyser with its documented default rider.
        var expected = RouteAnalyzer.Analyze(GpxReader.Read(new MemoryStream(bytes)).ToActivityData().Points, RiderProfile.Default,
            RouteAnalysisOptions.Default with { MaxProfilePoints = RouteEstimator.MaxProfilePoints });
        var summary = route.GetProperty("summary");
        Assert.Equal(expected.EstimatedTimeSeconds, summary.GetProperty("estimatedSeconds").GetDouble(), 6);
        Assert.Equal(expected.DistanceMeters, summary.GetProperty("distanceMeters").GetDouble(), 6);
        Assert.Equal(expected.ElevationGainMeters!.Value, summary.GetProperty("elevationGainMeters").GetDouble(), 6);
        Assert.Equal(expected.Sections.Count, route.GetProperty("sections").GetArrayLength());

        var climb = expected.Sections.Where(s => s.Kind == SectionKind.Climb).MaxBy(s => s.FietsIndex)!;
        var hardest = summary.GetProperty("hardestClimb");
        Assert.Equal(climb.Index, hardest.GetProperty("sectionIndex").GetInt32());
        Assert.InRange(hardest.GetProperty("averageGradePercent").GetDouble(), 6, 8);

        var section = route.GetProperty("sections")[climb.Index];
        Assert.Equal("climb", section.GetProperty("kind").GetString());
        Assert.Equal(climb.FietsIndex!.Value, section.GetProperty("fietsIndex").GetDouble(), 6);
        var gear = section.GetProperty("minimumGear");
        Assert.Equal(climb.MinimumGear!.ChainringTeeth, gear.GetProperty("chainringTeeth").GetInt32());
        Assert.Equal(climb.MinimumGear.CogTeeth, gear.GetProperty("cogTeeth").GetInt32());
        Assert.Contains(gear.GetProperty("chainringTeeth").GetInt32(), RiderProfile.Default.Chainrings);
        Assert.Contains(gear.GetProperty("cogTeeth").GetInt32(), RiderProfile.Default.Cassette);
        Assert.True(gear.GetProperty("holdsMinimumCadence").GetBoolean());
        Assert.True(gear.GetProperty("expectedCadenceRpm").GetDouble() >= RiderProfile.Default.MinCadenceRpm - 1e-9);

        Assert.Equal(1, await OutboxCountAsync(id));
        var published = await Eventually.WaitAsync(
            () => fixture.CountAsync($"SELECT count(*) FROM outbox_messages WHERE published_at IS NOT NULL AND payload->>'routeId' = '{id}'"),
            n => n == 1, TimeSpan.FromSeconds(30));
        Assert.Equal(1, published);

        var fetched = await client.GetFromJsonAsync<JsonElement>($"/api/routes/{id}");
        Assert.Equal(route.GetProperty("summary").ToString(), fetched.GetProperty("summary").ToString());
        Assert.Equal(route.GetProperty("sections").ToString(), fetched.GetProperty("sections").ToString());
        await client.DeleteAsync($"/api/routes/{id}");
    }

    [Fact]
    public async Task A_wall_no_gear_can_hold_reports_the_cadence_and_power_needed()
    {
        var route = await UploadAsync(Gpx.Road(flatMeters: 500, climbMeters: 1500, gradePercent: 22));
        var climb = route.GetProperty("sections").EnumerateArray().First(s => s.GetProperty("kind").GetString() == "climb");
        var gear = climb.GetProperty("minimumGear");
        Assert.False(gear.GetProperty("holdsMinimumCadence").GetBoolean(), gear.ToString());
        Assert.Equal(RiderProfile.Default.Chainrings.Min(), gear.GetProperty("chainringTeeth").GetInt32());
        Assert.Equal(RiderProfile.Default.Cassette.Max(), gear.GetProperty("cogTeeth").GetInt32());
        Assert.True(gear.GetProperty("expectedCadenceRpm").GetDouble() < RiderProfile.Default.MinCadenceRpm);
        Assert.True(gear.GetProperty("powerForMinimumCadenceWatts").GetDouble() > climb.GetProperty("targetPowerWatts").GetDouble());
        await client.DeleteAsync($"/api/routes/{route.GetProperty("id").GetGuid()}");
    }

    [Fact]
    public async Task The_same_file_twice_is_409_naming_the_existing_route_and_writes_nothing()
    {
        var bytes = Gpx.Road();
        var first = await UploadAsync(bytes);
        var id = first.GetProperty("id").GetGuid();
        var files = fixture.GpxFiles();
        var rows = await fixture.CountAsync("SELECT count(*) FROM routes");

        using var again = await Gpx.UploadAsync(client, bytes, "copy.gpx", "A different name");
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        var problem = await Json.ReadAsync(again);
        Assert.Equal(RouteProblemTypes.DuplicateRoute, problem.GetProperty("type").GetString());
        Assert.Equal(id, problem.GetProperty("existingRouteId").GetGuid());
        Assert.Equal($"/api/routes/{id}", problem.GetProperty("existingRoute").GetString());
        Assert.Contains(id.ToString(), problem.GetProperty("detail").GetString());
        Assert.Equal(files, fixture.GpxFiles());
        Assert.Equal(rows, await fixture.CountAsync("SELECT count(*) FROM routes"));
        Assert.Equal(1, await OutboxCountAsync(id));
        await client.DeleteAsync($"/api/routes/{id}");
    }

    [Fact]
    public async Task Concurrent_uploads_of_one_file_store_it_once()
    {
        var bytes = Gpx.Road();
        var responses = await Task.WhenAll(Enumerable.Range(0, 4).Select(i => Gpx.UploadAsync(client, bytes, $"same{i}.gpx")));
        var created = responses.Where(r => r.StatusCode == HttpStatusCode.Created).ToList();
        Assert.Single(created);
        var id = (await Json.ReadAsync(created[0])).GetProperty("id").GetGuid();
        foreach (var conflict in responses.Where(r => r.StatusCode != HttpStatusCode.Created))
        {
            Assert.Equal(HttpStatusCode.Conflict, conflict.StatusCode);
            Assert.Equal(id, (await Json.ReadAsync(conflict)).GetProperty("existingRouteId").GetGuid());
        }

        Assert.Equal(1, await fixture.CountAsync($"SELECT count(*) FROM routes WHERE content_hash = '{Gpx.Sha256(bytes)}'"));
        Assert.True(File.Exists(Path.Combine(fixture.GpxFolder, Gpx.Sha256(bytes) + ".gpx")));
        Assert.DoesNotContain(fixture.GpxFiles(), f => f.StartsWith(GpxFileStore.TempPrefix, StringComparison.Ordinal));
        await client.DeleteAsync($"/api/routes/{id}");
    }

    [Fact]
    public async Task OpenApi_document_lists_every_routes_endpoint()
    {
        var document = await client.GetFromJsonAsync<JsonElement>("/openapi/v1.json");
        var paths = document.GetProperty("paths");
        Assert.True(paths.TryGetProperty("/api/routes", out var routes));
        Assert.True(routes.TryGetProperty("get", out _) && routes.TryGetProperty("post", out _));
        Assert.True(paths.TryGetProperty("/api/routes/{id}", out var one));
        Assert.True(one.TryGetProperty("get", out _) && one.TryGetProperty("patch", out _) && one.TryGetProperty("delete", out _));
        Assert.True(paths.TryGetProperty("/api/routes/{id}/gpx", out _));
        Assert.True(paths.TryGetProperty("/api/routes/{id}/reanalyze", out _));
    }

    [Fact]
    public async Task Delete_removes_the_route_its_sections_and_its_file()
    {
        var bytes = Gpx.Road();
        var id = (await UploadAsync(bytes)).GetProperty("id").GetGuid();
        var path = Path.Combine(fixture.GpxFolder, Gpx.Sha256(bytes) + ".gpx");
        Assert.True(File.Exists(path));
        Assert.True(await fixture.CountAsync($"SELECT count(*) FROM route_sections WHERE route_id = '{id}'") > 0);
        Assert.Equal(1, await fixture.CountAsync($"SELECT count(*) FROM route_points WHERE route_id = '{id}'"));

        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync($"/api/routes/{id}")).StatusCode);
        Assert.False(File.Exists(path));
        Assert.Equal(0, await fixture.CountAsync($"SELECT count(*) FROM route_sections WHERE route_id = '{id}'"));
        Assert.Equal(0, await fixture.CountAsync($"SELECT count(*) FROM route_points WHERE route_id = '{id}'"));
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/routes/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.DeleteAsync($"/api/routes/{id}")).StatusCode);

        // The same file can come back afterwards.
        var again = (await UploadAsync(bytes)).GetProperty("id").GetGuid();
        Assert.NotEqual(id, again);
        await client.DeleteAsync($"/api/routes/{again}");
    }

    [Fact]
    public async Task Rename_validates_and_changes_only_the_name()
    {
        var id = (await UploadAsync(Gpx.Road(), "Before")).GetProperty("id").GetGuid();
        var renamed = await client.PatchAsJsonAsync($"/api/routes/{id}", new { name = "  Alpe d'Huez (21 bends)  " });
        Assert.Equal(HttpStatusCode.OK, renamed.StatusCode);
        Assert.Equal("Alpe d'Huez (21 bends)", (await client.GetFromJsonAsync<JsonElement>($"/api/routes/{id}")).GetProperty("name").GetString());

        foreach (var bad in new[] { "", "   ", "a/b", "a\\b", "..", new string('n', 201) })
        {
            var response = await client.PatchAsJsonAsync($"/api/routes/{id}", new { name = bad });
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            var problem = await Json.ReadAsync(response);
            Assert.Equal(RouteProblemTypes.InvalidName, problem.GetProperty("type").GetString());
            Assert.True(problem.GetProperty("errors").TryGetProperty("name", out _));
        }

        Assert.Equal("Alpe d'Huez (21 bends)", (await client.GetFromJsonAsync<JsonElement>($"/api/routes/{id}")).GetProperty("name").GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await client.PatchAsJsonAsync($"/api/routes/{Guid.NewGuid()}", new { name = "x" })).StatusCode);
        await client.DeleteAsync($"/api/routes/{id}");
    }

    [Fact]
    public async Task Gpx_download_is_the_original_file_with_a_safe_name()
    {
        var bytes = Gpx.Road();
        var id = (await UploadAsync(bytes, "Tour de l'Île; ~ été (ok)")).GetProperty("id").GetGuid();
        using var response = await client.GetAsync($"/api/routes/{id}/gpx");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/gpx+xml", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(bytes, await response.Content.ReadAsByteArrayAsync());
        var disposition = response.Content.Headers.ContentDisposition!;
        Assert.Equal("attachment", disposition.DispositionType);
        var fileName = disposition.FileNameStar ?? disposition.FileName!.Trim('"');
        Assert.EndsWith(".gpx", fileName);
        Assert.Matches("^[A-Za-z0-9 _.-]+$", fileName);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/routes/{Guid.NewGuid()}/gpx")).StatusCode);
        await client.DeleteAsync($"/api/routes/{id}");
    }

    [Fact]
    public async Task Reanalyze_re_estimates_from_the_stored_file_and_publishes_again()
    {
        var created = await UploadAsync(Gpx.Road());
        var id = created.GetProperty("id").GetGuid();
        await fixture.ExecuteAsync($"UPDATE routes SET estimated_seconds = 1 WHERE id = '{id}'; DELETE FROM route_sections WHERE route_id = '{id}'");

        using var response = await client.PostAsync($"/api/routes/{id}/reanalyze", JsonContent.Create(new { }));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var route = await Json.ReadAsync(response);
        RouteAssertions.IsConsistentRoute(route);
        Assert.Equal(created.GetProperty("summary").ToString(), route.GetProperty("summary").ToString());
        Assert.Equal(created.GetProperty("sections").ToString(), route.GetProperty("sections").ToString());
        Assert.True(route.GetProperty("analyzedAt").GetDateTimeOffset() >= created.GetProperty("analyzedAt").GetDateTimeOffset());
        Assert.Equal(2, await OutboxCountAsync(id));
        Assert.Equal(HttpStatusCode.NotFound, (await client.PostAsync($"/api/routes/{Guid.NewGuid()}/reanalyze", JsonContent.Create(new { }))).StatusCode);
        await client.DeleteAsync($"/api/routes/{id}");
    }

    [Fact]
    public async Task List_sorts_by_name_distance_gain_and_created()
    {
        var a = await UploadAsync(Gpx.Road(flatMeters: 500, climbMeters: 1000, gradePercent: 8), "Bravo");
        var b = await UploadAsync(Gpx.Road(flatMeters: 3000, climbMeters: 500, gradePercent: 3), "Alpha");
        var c = await UploadAsync(Gpx.Road(flatMeters: 1500, climbMeters: 2000, gradePercent: 5), "Charlie");
        var ids = new[] { a, b, c }.Select(r => r.GetProperty("id").GetGuid()).ToArray();

        async Task<Guid[]> Order(string query)
        {
            var page = await client.GetFromJsonAsync<JsonElement>($"/api/routes?pageSize=200&{query}");
            return page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetGuid()).Where(ids.Contains).ToArray();
        }

        Guid[] By(Func<JsonElement, double> key, bool desc) =>
            (desc ? new[] { a, b, c }.OrderByDescending(key) : new[] { a, b, c }.OrderBy(key)).Select(r => r.GetProperty("id").GetGuid()).ToArray();

        Assert.Equal([ids[1], ids[0], ids[2]], await Order("sort=name"));
        Assert.Equal([ids[2], ids[0], ids[1]], await Order("sort=name&desc=true"));
        Assert.Equal(By(r => r.GetProperty("summary").GetProperty("distanceMeters").GetDouble(), false), await Order("sort=distance"));
        Assert.Equal(By(r => r.GetProperty("summary").GetProperty("distanceMeters").GetDouble(), true), await Order("sort=distance&desc=true"));
        Assert.Equal(By(r => r.GetProperty("summary").GetProperty("elevationGainMeters").GetDouble(), true), await Order("sort=gain&desc=true"));
        Assert.Equal([ids[2], ids[1], ids[0]], await Order(""));
        Assert.Equal([ids[0], ids[1], ids[2]], await Order("sort=created&desc=false"));

        var item = (await client.GetFromJsonAsync<JsonElement>("/api/routes?pageSize=200")).GetProperty("items")
            .EnumerateArray().First(i => i.GetProperty("id").GetGuid() == ids[0]);
        Assert.Equal(a.GetProperty("summary").GetProperty("estimatedSeconds").GetDouble(), item.GetProperty("estimatedSeconds").GetDouble(), 6);

        var bad = await client.GetAsync("/api/routes?sort=color");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.True((await Json.ReadAsync(bad)).GetProperty("errors").TryGetProperty("sort", out _));
        foreach (var id in ids)
        {
            await client.DeleteAsync($"/api/routes/{id}");
        }
    }

    [Fact]
    public async Task A_failed_commit_after_the_file_write_leaves_no_file_and_no_row()
    {
        // A real database failure at insert time, after the file was renamed into place.
        await fixture.ExecuteAsync("""
            CREATE OR REPLACE FUNCTION test_refuse_route() RETURNS trigger AS $$
            BEGIN RAISE EXCEPTION 'refused by test'; END $$ LANGUAGE plpgsql;
            CREATE TRIGGER test_refuse_route BEFORE INSERT ON routes FOR EACH ROW WHEN (NEW.name = 'explode') EXECUTE FUNCTION test_refuse_route();
            """);
        try
        {
            var files = fixture.GpxFiles();
            var rows = await fixture.CountAsync("SELECT count(*) FROM routes");
            var outbox = await fixture.CountAsync("SELECT count(*) FROM outbox_messages");
            using var response = await Gpx.UploadAsync(client, Gpx.Road(), "ride.gpx", "explode");
            Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            Assert.Equal(files, fixture.GpxFiles());
            Assert.Equal(rows, await fixture.CountAsync("SELECT count(*) FROM routes"));
            Assert.Equal(outbox, await fixture.CountAsync("SELECT count(*) FROM outbox_messages"));
        }
        finally
        {
            await fixture.ExecuteAsync("DROP TRIGGER test_refuse_route ON routes; DROP FUNCTION test_refuse_route();");
        }
    }

    [Fact]
    public async Task Orphan_sweeper_removes_old_unreferenced_files_only()
    {
        var bytes = Gpx.Road();
        var id = (await UploadAsync(bytes)).GetProperty("id").GetGuid();
        var owned = Path.Combine(fixture.GpxFolder, Gpx.Sha256(bytes) + ".gpx");
        var oldOrphan = Path.Combine(fixture.GpxFolder, Gpx.Sha256(Encoding.UTF8.GetBytes("orphan " + Guid.NewGuid())) + ".gpx");
        var freshOrphan = Path.Combine(fixture.GpxFolder, Gpx.Sha256(Encoding.UTF8.GetBytes("fresh " + Guid.NewGuid())) + ".gpx");
        var oldTemp = Path.Combine(fixture.GpxFolder, GpxFileStore.TempPrefix + Guid.NewGuid().ToString("N"));
        var unrelated = Path.Combine(fixture.GpxFolder, "README.txt");
        foreach (var path in new[] { oldOrphan, freshOrphan, oldTemp, unrelated })
        {
            await File.WriteAllTextAsync(path, "<gpx/>");
        }

        var old = DateTime.UtcNow.AddHours(-1);
        foreach (var path in new[] { owned, oldOrphan, oldTemp, unrelated })
        {
            File.SetLastWriteTimeUtc(path, old);
        }

        try
        {
            var sweeper = fixture.Factory.Services.GetRequiredService<GpxOrphanSweeper>();
            var removed = await sweeper.SweepAsync(CancellationToken.None);

            Assert.Equal(new[] { oldOrphan, oldTemp }.Order(), removed.Order());
            Assert.False(File.Exists(oldOrphan));
            Assert.False(File.Exists(oldTemp));
            Assert.True(File.Exists(owned));
            Assert.True(File.Exists(freshOrphan));
            Assert.True(File.Exists(unrelated));
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/api/routes/{id}/gpx")).StatusCode);
        }
        finally
        {
            File.Delete(freshOrphan);
            File.Delete(unrelated);
            await client.DeleteAsync($"/api/routes/{id}");
        }
    }

    [Fact]
    public async Task An_upload_adopts_the_file_a_crash_left_with_the_same_content_and_the_sweeper_keeps_it()
    {
        var bytes = Gpx.Road();
        var path = Path.Combine(fixture.GpxFolder, Gpx.Sha256(bytes) + ".gpx");
        Directory.CreateDirectory(fixture.GpxFolder);
        await File.WriteAllBytesAsync(path, bytes);
        File.SetLastWriteTimeUtc(path, DateTime.UtcNow.AddHours(-1));

        var id = (await UploadAsync(bytes)).GetProperty("id").GetGuid();
        await fixture.Factory.Services.GetRequiredService<GpxOrphanSweeper>().SweepAsync(CancellationToken.None);

        Assert.Equal(bytes, await File.ReadAllBytesAsync(path));
        Assert.DoesNotContain(fixture.GpxFiles(), f => f.StartsWith(GpxFileStore.TempPrefix, StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync($"/api/routes/{id}")).StatusCode);
        Assert.False(File.Exists(path));
    }

    [Fact]
    public async Task Orphan_sweeper_runs_at_start_up()
    {
        var dataPath = Directory.CreateTempSubdirectory("routes-sweep-").FullName;
        try
        {
            var gpx = Directory.CreateDirectory(Path.Combine(dataPath, "gpx")).FullName;
            var orphan = Path.Combine(gpx, Gpx.Sha256(Encoding.UTF8.GetBytes("crash " + Guid.NewGuid())) + ".gpx");
            await File.WriteAllTextAsync(orphan, "<gpx/>");
            File.SetLastWriteTimeUtc(orphan, DateTime.UtcNow.AddHours(-1));

            await using var factory = fixture.CreateFactory(dataPath);
            using var other = factory.CreateClient();
            var gone = await Eventually.WaitAsync(() => Task.FromResult(!File.Exists(orphan)), g => g, TimeSpan.FromSeconds(30));
            Assert.True(gone, "the orphan left by a crash should be removed at start-up");
        }
        finally
        {
            Directory.Delete(dataPath, recursive: true);
        }
    }
}
