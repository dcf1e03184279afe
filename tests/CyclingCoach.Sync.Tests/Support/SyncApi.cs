using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using CyclingCoach.Testing;

namespace CyclingCoach.Sync.Tests.Support;

/// <summary>Calls the pipeline endpoints the way the web app and scripts do.</summary>
public static class SyncApi
{
    public static async Task<HttpResponseMessage> UploadAsync(this HttpClient client, byte[] content, string fileName, string contentType = "application/octet-stream")
    {
        using var form = new MultipartFormDataContent();
        var part = new ByteArrayContent(content);
        part.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        form.Add(part, "file", fileName);
        return await client.PostAsync("/api/workouts/import", form);
    }

    public static async Task<(HttpResponseMessage Response, JsonElement Body)> StartRunAsync(this HttpClient client, object request)
    {
        var response = await client.PostAsJsonAsync("/api/sync/runs", request);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        return (response, body);
    }

    /// <summary>Polls the run until it leaves in_progress (the deadline only bounds a hang; it is not an assertion).</summary>
    public static async Task<JsonElement> WaitForRunAsync(this HttpClient client, Guid runId, TimeSpan? timeout = null) =>
        await Eventually.WaitAsync(
            () => client.GetFromJsonAsync<JsonElement>($"/api/sync/runs/{runId}"),
            run => run.GetProperty("status").GetString() != "in_progress",
            timeout ?? TimeSpan.FromSeconds(90));

    public static (int Found, int Imported, int Skipped, int Failed) Counts(JsonElement run) => (
        run.GetProperty("found").GetInt32(),
        run.GetProperty("imported").GetInt32(),
        run.GetProperty("skipped").GetInt32(),
        run.GetProperty("failed").GetInt32());

    public static string Iso(DateTimeOffset t) => t.ToString("yyyy-MM-dd'T'HH:mm:ssK");
}
