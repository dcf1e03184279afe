using System.Net;
using System.Text;
using CyclingCoach.Routes.Analysis;

namespace CyclingCoach.Routes.Tests;

/// <summary>Hostile and bad uploads: the right 4xx ProblemDetails, and nothing left on disk or in the database.</summary>
[Collection(LibraryCollection.Name)]
public sealed class HostileUploadTests(LibraryFixture fixture)
{
    private const string Problem = "urn:cyclingcoach:problem:";

    private static byte[] Utf8(string s) => Encoding.UTF8.GetBytes(s);

    private static byte[] Xxe()
    {
        var secret = Path.Combine(Path.GetTempPath(), "routes-xxe-secret.txt");
        File.WriteAllText(secret, "TOP-SECRET");
        return Utf8($"""
            <?xml version="1.0"?>
            <!DOCTYPE gpx [ <!ENTITY xxe SYSTEM "file://{secret}"> ]>
            <gpx version="1.1"><trk><name>&xxe;</name><trkseg><trkpt lat="45" lon="6"/><trkpt lat="45.01" lon="6"/></trkseg></trk></gpx>
            """);
    }

    private static byte[] BillionLaughs()
    {
        var sb = new StringBuilder("<?xml version=\"1.0\"?>\n<!DOCTYPE gpx [\n<!ENTITY lol \"lol\">\n");
        for (var i = 1; i <= 9; i++)
        {
            sb.Append($"<!ENTITY lol{i} \"{string.Concat(Enumerable.Repeat($"&lol{(i == 1 ? "" : (i - 1).ToString())};", 10))}\">\n");
        }

        return Utf8(sb.Append("]>\n<gpx version=\"1.1\"><trk><name>&lol9;</name></trk></gpx>").ToString());
    }

    public static TheoryData<string, Func<byte[]>, string, string?, int, string, string> Cases() => new()
    {
        { "external entity", Xxe, "ride.gpx", null, 400, Problem + "gpx-dtd-prohibited", "file" },
        { "billion laughs", BillionLaughs, "ride.gpx", null, 400, Problem + "gpx-dtd-prohibited", "file" },
        { "zero bytes", () => [], "ride.gpx", null, 400, Problem + "gpx-empty", "file" },
        { "binary", () => Enumerable.Range(0, 4096).Select(i => (byte)(i * 7)).ToArray(), "ride.gpx", null, 400, Problem + "gpx-not-gpx", "file" },
        { "plain text", () => Utf8("this is not a route"), "ride.gpx", null, 400, Problem + "gpx-not-gpx", "file" },
        { "other XML root", () => Utf8("<?xml version=\"1.0\"?><kml><Document/></kml>"), "ride.gpx", null, 400, Problem + "gpx-not-gpx", "file" },
        { "TCX", () => Utf8("<?xml version=\"1.0\"?><TrainingCenterDatabase xmlns=\"http://www.garmin.com/xmlschemas/TrainingCenterDatabase/v2\"><Activities/></TrainingCenterDatabase>"), "ride.gpx", null, 400, Problem + "gpx-not-gpx", "file" },
        { "FIT", () => File.ReadAllBytes(Directory.GetFiles(Path.Combine(Fixtures.Root, "fit"), "*.fit").Order().First()), "ride.gpx", null, 400, Problem + "gpx-not-gpx", "file" },
        { "truncated", () => Gpx.Road()[..500], "ride.gpx", null, 400, Problem + "gpx-malformed", "file" },
        { "single point", () => Utf8("<gpx version=\"1.1\"><trk><trkseg><trkpt lat=\"45\" lon=\"6\"><ele>100</ele></trkpt></trkseg></trk></gpx>"), "ride.gpx", null, 400, Problem + "gpx-single-point", "file" },
        { "one position twice", () => Utf8("<gpx version=\"1.1\"><trk><trkseg><trkpt lat=\"45\" lon=\"6\"/><trkpt lat=\"45\" lon=\"6\"/></trkseg></trk></gpx>"), "ride.gpx", null, 400, Problem + "gpx-single-point", "file" },
        { "no points", () => Utf8("<gpx version=\"1.1\"><wpt lat=\"45\" lon=\"6\"/></gpx>"), "ride.gpx", null, 400, Problem + "gpx-no-points", "file" },
        { "name with slash", () => Gpx.Road(), "ride.gpx", "../../etc/passwd", 400, Problem + "invalid-name", "name" },
        { "name with backslash", () => Gpx.Road(), "ride.gpx", "..\\windows\\system32", 400, Problem + "invalid-name", "name" },
        { "name with control character", () => Gpx.Road(), "ride.gpx", "evil\u0000name", 400, Problem + "invalid-name", "name" },
        { "name too long", () => Gpx.Road(), "ride.gpx", new string('x', 201), 400, Problem + "invalid-name", "name" },
        { "file name with a path", () => Gpx.Road(), "../../etc/cron.d/evil.gpx", null, 400, Problem + "invalid-name", "file" },
        { "too large", () => Gpx.Road(flatMeters: 40_000, climbMeters: 5000, stepMeters: 2), "ride.gpx", null, 413, Problem + "too-large", "" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Hostile_upload_is_refused_and_leaves_nothing(
        string what, Func<byte[]> content, string fileName, string? name, int status, string type, string field)
    {
        var bytes = content();
        if (status == 413)
        {
            Assert.True(bytes.Length > 2 * 1024 * 1024, $"{what}: the test file must exceed the fixture's 2 MB limit ({bytes.Length})");
        }

        var rowsBefore = await fixture.CountAsync("SELECT count(*) FROM routes");
        var outboxBefore = await fixture.CountAsync("SELECT count(*) FROM outbox_messages");
        var filesBefore = fixture.GpxFiles();

        using var response = await Gpx.UploadAsync(fixture.Client, bytes, fileName, name);
        var body = await Json.ReadAsync(response);

        Assert.True(status == (int)response.StatusCode, $"{what}: {(int)response.StatusCode} {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(type, body.GetProperty("type").GetString());
        Assert.False(string.IsNullOrEmpty(body.GetProperty("detail").GetString()));
        Assert.Equal(32, body.GetProperty("traceId").GetString()!.Length);
        if (field.Length > 0)
        {
            Assert.True(body.GetProperty("errors").TryGetProperty(field, out _), $"{what}: errors should name '{field}': {body}");
        }

        Assert.DoesNotContain("TOP-SECRET", body.ToString(), StringComparison.Ordinal);
        Assert.Equal(filesBefore, fixture.GpxFiles());
        Assert.Equal(rowsBefore, await fixture.CountAsync("SELECT count(*) FROM routes"));
        Assert.Equal(outboxBefore, await fixture.CountAsync("SELECT count(*) FROM outbox_messages"));
    }

    [Fact]
    public async Task Too_large_by_declared_length_is_413_before_reading_the_body()
    {
        using var content = new ByteArrayContent(new byte[3 * 1024 * 1024]);
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("multipart/form-data");
        content.Headers.ContentType.Parameters.Add(new System.Net.Http.Headers.NameValueHeaderValue("boundary", "xyz"));
        using var response = await fixture.Client.PostAsync("/api/routes", content);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal(Problem + "too-large", (await Json.ReadAsync(response)).GetProperty("type").GetString());
    }

    [Theory]
    [InlineData("application/json", "{\"name\":\"x\"}")]
    [InlineData("application/gpx+xml", "<gpx version=\"1.1\"/>")]
    [InlineData("application/x-www-form-urlencoded", "name=x")]
    public async Task Non_multipart_upload_is_415(string mediaType, string body)
    {
        using var response = await fixture.Client.PostAsync("/api/routes", new StringContent(body, Encoding.UTF8, mediaType));
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Equal(Problem + "unsupported-media-type", (await Json.ReadAsync(response)).GetProperty("type").GetString());
    }

    [Fact]
    public async Task Multipart_without_a_file_part_is_400_naming_file()
    {
        using var form = new MultipartFormDataContent { { new StringContent("Just a name"), "name" } };
        using var response = await fixture.Client.PostAsync("/api/routes", form);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var body = await Json.ReadAsync(response);
        Assert.Equal(Problem + "validation", body.GetProperty("type").GetString());
        Assert.True(body.GetProperty("errors").TryGetProperty("file", out _));
    }
}
