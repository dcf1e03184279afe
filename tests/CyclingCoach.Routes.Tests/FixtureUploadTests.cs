using System.Net;
using System.Text.Json;
using CyclingCoach.Routes.Analysis;

namespace CyclingCoach.Routes.Tests;

/// <summary>Every GPX in shared/fixtures/gpx uploads (201) or is refused with the reason MANIFEST.md documents.</summary>
[Collection(LibraryCollection.Name)]
public sealed class FixtureUploadTests(LibraryFixture fixture)
{
    /// <summary>Files MANIFEST.md describes as having nothing to ride; every other fixture must upload.</summary>
    private static readonly Dictionary<string, string> Refused = new()
    {
        ["goldencheetah__MetadataOnly.gpx"] = RouteProblemTypes.GpxNoPoints, // only <metadata><time>
        ["togeojson__empty_trk.gpx"] = RouteProblemTypes.GpxNoPoints, // one empty <trkseg>
        ["gpxpy__unicode_with_bom.gpx"] = RouteProblemTypes.GpxNoPoints, // a single waypoint
        ["gpxpy__gpx_with_garmin_extension.gpx"] = RouteProblemTypes.GpxNoPoints, // a single waypoint
        ["gpxpy__gpx1.1_with_all_fields.gpx"] = RouteProblemTypes.GpxSinglePoint, // its track (preferred over <rte>) has one point
    };

    private static string[] Names() =>
        Directory.GetFiles(Path.Combine(Fixtures.Root, "gpx"), "*.gpx").Select(f => Path.GetFileName(f)!).Order().ToArray();

    public static TheoryData<string> Files() => new(Names());

    [Fact]
    public void The_refusal_table_names_only_existing_fixtures()
    {
        var files = Names().ToHashSet();
        Assert.True(files.Count >= 20, $"expected the fixture corpus, found {files.Count} files");
        Assert.All(Refused.Keys, name => Assert.Contains(name, files));
    }

    [Theory]
    [MemberData(nameof(Files))]
    public async Task Fixture_uploads_or_is_refused_with_its_documented_reason(string fileName)
    {
        var bytes = await File.ReadAllBytesAsync(Path.Combine(Fixtures.Root, "gpx", fileName));
        var filesBefore = fixture.GpxFiles();
        var rowsBefore = await fixture.CountAsync("SELECT count(*) FROM routes");

        using var response = await Gpx.UploadAsync(fixture.Client, bytes, fileName);
        var body = await Json.ReadAsync(response);

        if (Refused.TryGetValue(fileName, out var type))
        {
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            Assert.Equal(type, body.GetProperty("type").GetString());
            Assert.True(body.GetProperty("errors").TryGetProperty("file", out _), body.ToString());
            Assert.Equal(filesBefore, fixture.GpxFiles());
            Assert.Equal(rowsBefore, await fixture.CountAsync("SELECT count(*) FROM routes"));
            return;
        }

        Assert.True(response.StatusCode == HttpStatusCode.Created, $"{fileName}: {(int)response.StatusCode} {body}");
        var id = body.GetProperty("id").GetGuid();
        Assert.Equal($"/api/routes/{id}", response.Headers.Location?.OriginalString);
        try
        {
            RouteAssertions.IsConsistentRoute(body);
            var stored = Path.Combine(fixture.GpxFolder, Gpx.Sha256(bytes) + ".gpx");
            Assert.Equal(bytes, await File.ReadAllBytesAsync(stored));
            Assert.DoesNotContain(fixture.GpxFiles(), f => f.StartsWith(".upload-", StringComparison.Ordinal));
            Assert.Equal(rowsBefore + 1, await fixture.CountAsync("SELECT count(*) FROM routes"));
        }
        finally
        {
            (await fixture.Client.DeleteAsync($"/api/routes/{id}")).EnsureSuccessStatusCode();
        }
    }
}

public static class RouteAssertions
{
    /// <summary>The invariants of a route document: sections tile the route, totals add up, track and profile are bounded.</summary>
    public static void IsConsistentRoute(JsonElement route)
    {
        var summary = route.GetProperty("summary");
        var distance = summary.GetProperty("distanceMeters").GetDouble();
        Assert.True(distance > 0, route.ToString());

        var sections = route.GetProperty("sections").EnumerateArray().ToList();
        Assert.NotEmpty(sections);
        Assert.Equal(sections.Count, summary.GetProperty("sectionCount").GetInt32());
        Assert.Equal(0, sections[0].GetProperty("startMeters").GetDouble(), 6);
        Assert.Equal(distance, sections[^1].GetProperty("endMeters").GetDouble(), 3);
        double seconds = 0;
        for (var i = 0; i < sections.Count; i++)
        {
            Assert.Equal(i, sections[i].GetProperty("index").GetInt32());
            if (i > 0)
            {
                Assert.Equal(sections[i - 1].GetProperty("endMeters").GetDouble(), sections[i].GetProperty("startMeters").GetDouble(), 6);
            }

            var s = sections[i].GetProperty("estimatedSeconds").GetDouble();
            Assert.True(s > 0 && double.IsFinite(s));
            seconds += s;
        }

        Assert.Equal(seconds, summary.GetProperty("estimatedSeconds").GetDouble(), 3);

        var track = route.GetProperty("track");
        Assert.Equal("LineString", track.GetProperty("type").GetString());
        var coordinates = track.GetProperty("coordinates").GetArrayLength();
        Assert.InRange(coordinates, 2, RouteEstimator.MaxTrackPoints);
        if (route.GetProperty("pointCount").GetInt32() <= RouteEstimator.MaxTrackPoints)
        {
            Assert.Equal(route.GetProperty("pointCount").GetInt32(), coordinates);
        }

        var profile = route.GetProperty("profile").EnumerateArray().ToList();
        Assert.InRange(profile.Count, 2, RouteEstimator.MaxProfilePoints);
        Assert.Equal(0, profile[0].GetProperty("distanceMeters").GetDouble(), 6);
        Assert.InRange(profile[^1].GetProperty("distanceMeters").GetDouble() - distance, -0.051, 0.051); // profile is rounded to 0.1 m
    }
}
