using System.Globalization;
using System.Net.Http.Headers;
using System.Text;

namespace CyclingCoach.Routes.Tests;

/// <summary>GPX test files and multipart uploads.</summary>
public static class Gpx
{
    /// <summary>
    /// A synthetic road due north from a unique start: <paramref name="flatMeters"/> flat, then a climb of
    /// <paramref name="climbMeters"/> at <paramref name="gradePercent"/>, then flat again; one point every
    /// <paramref name="stepMeters"/>. The start latitude makes every file's content (and hash) unique.
    /// </summary>
    public static byte[] Road(double flatMeters = 1000, double climbMeters = 3000, double gradePercent = 6, double stepMeters = 10, string? name = null)
    {
        var start = 45 + (Random.Shared.NextDouble() * 0.5);
        var lon = 6 + (Random.Shared.NextDouble() * 0.5);
        var total = (2 * flatMeters) + climbMeters;
        var sb = new StringBuilder("""<?xml version="1.0" encoding="UTF-8"?>""").Append('\n')
            .Append("""<gpx version="1.1" creator="tests" xmlns="http://www.topografix.com/GPX/1/1"><trk>""");
        if (name is not null)
        {
            sb.Append("<name>").Append(System.Security.SecurityElement.Escape(name)).Append("</name>");
        }

        sb.Append("<trkseg>\n");
        for (double s = 0; s <= total + 1e-9; s += stepMeters)
        {
            var climbed = Math.Clamp(s - flatMeters, 0, climbMeters);
            var ele = 200 + (climbed * gradePercent / 100);
            var lat = start + (s / 111_195.0);
            sb.Append(CultureInfo.InvariantCulture, $"<trkpt lat=\"{lat:F7}\" lon=\"{lon:F7}\"><ele>{ele:F2}</ele></trkpt>\n");
        }

        return Encoding.UTF8.GetBytes(sb.Append("</trkseg></trk></gpx>\n").ToString());
    }

    public static MultipartFormDataContent Form(byte[] content, string fileName = "ride.gpx", string? name = null)
    {
        var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/gpx+xml");
        form.Add(file, "file", fileName);
        if (name is not null)
        {
            form.Add(new StringContent(name), "name");
        }

        return form;
    }

    public static Task<HttpResponseMessage> UploadAsync(HttpClient client, byte[] content, string fileName = "ride.gpx", string? name = null) =>
        client.PostAsync("/api/routes", Form(content, fileName, name));

    public static string Sha256(byte[] content) => Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(content));
}

/// <summary>Locates the shared, read-only fixture corpus (<c>shared/fixtures</c> above the test binaries).</summary>
public static class Fixtures
{
    private static readonly Lazy<string> RootDir = new(() =>
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared", "fixtures");
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new DirectoryNotFoundException($"No 'shared/fixtures' folder above {AppContext.BaseDirectory}.");
    });

    public static string Root => RootDir.Value;
}
