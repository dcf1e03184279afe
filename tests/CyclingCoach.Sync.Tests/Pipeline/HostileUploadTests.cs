using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using CyclingCoach.Sync.Tests.Support;
using Microsoft.AspNetCore.Hosting;

namespace CyclingCoach.Sync.Tests.Pipeline;

[Collection(SyncCollection.Name)]
public sealed class HostileUploadTests(SyncFixture fixture)
{
    private readonly HttpClient client = fixture.Client;

    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52];

    private const string BillionLaughs = """
        <?xml version="1.0"?>
        <!DOCTYPE gpx [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]>
        <gpx version="1.1" creator="x"><trk><name>&c;</name><trkseg><trkpt lat="1" lon="1"><time>2020-01-01T00:00:00Z</time></trkpt></trkseg></trk></gpx>
        """;

    private const string ExternalEntity = """
        <?xml version="1.0"?>
        <!DOCTYPE TrainingCenterDatabase [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
        <TrainingCenterDatabase><Activities><Activity Sport="Biking"><Id>&xxe;</Id></Activity></Activities></TrainingCenterDatabase>
        """;

    public static TheoryData<string, int, string> Cases => new()
    {
        { "png", 415, "unsupported_format" },
        { "empty", 400, "empty" },
        { "fit-garbage", 400, "fit_corrupt" },
        { "truncated-fit", 400, "fit_truncated" },
        { "billion-laughs", 400, "dtd_prohibited" },
        { "xxe", 400, "dtd_prohibited" },
        { "html-as-gpx", 415, "unsupported_format" },
        { "gpx-without-times", 400, "no_start_time" },
        { "zip-bomb", 413, "too_large" },
        { "zip-too-many-entries", 413, "too_many_entries" },
        { "zip-in-zip", 415, "nested_archive" },
        { "zip-with-one-bad-entry", 415, "unsupported_format" },
        { "gzip-garbage", 400, "malformed_archive" },
        { "broken-zip", 400, "malformed_zip" },
    };

    private static byte[] Body(string name) => name switch
    {
        "png" => Png,
        "empty" => [],
        "fit-garbage" => [13, 0x20, 0, 0, 0, 0, 0, 0, (byte)'.', (byte)'F', (byte)'I', (byte)'T', 0, 1, 2, 3],
        "truncated-fit" => FitWriter.Ride(new DateTime(2020, 2, 1, 0, 0, 0, DateTimeKind.Utc), 60)[..20],
        "billion-laughs" => Encoding.UTF8.GetBytes(BillionLaughs),
        "xxe" => Encoding.UTF8.GetBytes(ExternalEntity),
        "html-as-gpx" => "<html><body>not a ride</body></html>"u8.ToArray(),
        "gpx-without-times" => """<gpx version="1.1" creator="x"><trk><trkseg><trkpt lat="45.1" lon="6.1"/><trkpt lat="45.2" lon="6.2"/></trkseg></trk></gpx>"""u8.ToArray(),
        "zip-bomb" => Archives.ZipBomb(70L * 1024 * 1024),
        "zip-too-many-entries" => Archives.Zip(Enumerable.Range(0, 201).Select(i => ($"r{i}.fit", new byte[] { 1 })).ToArray()),
        "zip-in-zip" => Archives.Zip(("inner.zip", Archives.Zip(("a.fit", FitWriter.Ride(new DateTime(2020, 2, 2, 0, 0, 0, DateTimeKind.Utc), 60))))),
        "zip-with-one-bad-entry" => Archives.Zip(("good.fit", FitWriter.Ride(new DateTime(2020, 2, 3, 0, 0, 0, DateTimeKind.Utc), 120, seed: 3)), ("evil.fit", Png)),
        "gzip-garbage" => [0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 3, 0xde, 0xad, 0xbe, 0xef, 0xff, 0xff],
        "broken-zip" => [(byte)'P', (byte)'K', 3, 4, 20, 0, 0, 0, 8, 0, 1, 2, 3],
        _ => throw new ArgumentOutOfRangeException(nameof(name)),
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Hostile_upload_is_a_4xx_problem_and_stores_nothing(string name, int status, string code)
    {
        var before = await Snapshot();

        var response = await client.UploadAsync(Body(name), name + ".fit");

        Assert.Equal(status, (int)response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(code, problem.GetProperty("code").GetString());
        Assert.StartsWith("urn:cyclingcoach:problem:", problem.GetProperty("type").GetString());
        Assert.Equal(before, await Snapshot());
    }

    [Fact]
    public async Task Not_multipart_is_415_and_no_file_field_is_400()
    {
        var before = await Snapshot();
        var json = await client.PostAsJsonAsync("/api/workouts/import", new { file = "x" });
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, json.StatusCode);

        using var form = new MultipartFormDataContent { { new StringContent("x"), "name" } };
        var noFile = await client.PostAsync("/api/workouts/import", form);
        Assert.Equal(HttpStatusCode.BadRequest, noFile.StatusCode);
        Assert.True((await noFile.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("file", out _));
        Assert.Equal(before, await Snapshot());
    }

    [Fact]
    public async Task An_upload_over_the_configured_limit_is_413_and_stores_nothing()
    {
        await using var small = fixture.Factory.WithWebHostBuilder(b => b.UseSetting("Sync:Import:MaxUploadBytes", "50000"));
        using var limited = small.CreateClient();
        var before = await Snapshot();

        var big = FitWriter.Ride(new DateTime(2020, 2, 4, 0, 0, 0, DateTimeKind.Utc), 7200, seed: 4);
        Assert.True(big.Length > 50000);
        var response = await limited.UploadAsync(big, "big.fit");

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("urn:cyclingcoach:problem:too-large", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("type").GetString());
        Assert.Equal(before, await Snapshot());
    }

    /// <summary>
    /// The limits hold for the request, not per part: three zipped rides that each expand below the limit but
    /// together above it are refused (before: each part had the whole allowance, so 64 parts × 512 MiB could be
    /// held), and files count across parts as inside one archive.
    /// </summary>
    [Fact]
    public async Task All_parts_of_one_request_share_one_expansion_and_file_limit_and_nothing_is_stored()
    {
        var rides = Enumerable.Range(0, 3)
            .Select(i => FitWriter.Ride(new DateTime(2020, 3, 1 + i, 6, 0, 0, DateTimeKind.Utc), 3600, seed: 30 + i))
            .ToList();
        var largest = rides.Max(r => r.Length);
        var total = rides.Sum(r => r.Length);
        using var form = new MultipartFormDataContent();
        for (var i = 0; i < rides.Count; i++)
        {
            form.Add(new ByteArrayContent(Archives.Zip(($"ride{i}.fit", rides[i]))), "file", $"ride{i}.zip");
        }

        var before = await Snapshot();
        await using (var capped = fixture.Factory.WithWebHostBuilder(b => b.UseSetting("Sync:Import:MaxUncompressedBytes", ((largest + total) / 2).ToString())))
        {
            using var response = await capped.CreateClient().PostAsync("/api/workouts/import", form);
            Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
            var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
            Assert.Equal("too_large", problem.GetProperty("code").GetString());
            Assert.Contains("one request", problem.GetProperty("detail").GetString());
        }

        await using (var fewFiles = fixture.Factory.WithWebHostBuilder(b => b.UseSetting("Sync:Import:MaxFiles", "2")))
        {
            using var response = await fewFiles.CreateClient().PostAsync("/api/workouts/import", form);
            Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
            Assert.Equal("too_many_entries", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());
        }

        Assert.Equal(before, await Snapshot());
    }

    private async Task<string> Snapshot()
    {
        var rows = await fixture.Database.ScalarAsync<string>(
            "SELECT (SELECT count(*) FROM workouts) || '/' || (SELECT count(*) FROM workout_streams) || '/' || (SELECT count(*) FROM workout_aliases) || '/' || (SELECT count(*) FROM outbox_messages)");
        var filesDir = Path.Combine(fixture.DataPath, "files");
        var files = Directory.Exists(filesDir) ? Directory.EnumerateFiles(filesDir, "*", SearchOption.AllDirectories).Count() : 0;
        return $"{rows}/{files}";
    }
}
