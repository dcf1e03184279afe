using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace CyclingCoach.Coaching.Tests.Api;

/// <summary>Small helpers over the service's HTTP API: JSON in, JSON out, the status checked with the body in the message.</summary>
public static class CoachApi
{
    public static async Task<JsonElement> SendAsync(this HttpClient client, HttpMethod method, string path, object? body, HttpStatusCode expected)
    {
        using var request = new HttpRequestMessage(method, path);
        if (body is not null)
        {
            request.Content = body is string json ? new StringContent(json, System.Text.Encoding.UTF8, "application/json") : JsonContent.Create(body);
        }

        using var response = await client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"{method} {path}: expected {(int)expected}, got {(int)response.StatusCode}: {text}");
        return text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
    }

    public static Task<JsonElement> GetJsonAsync(this HttpClient client, string path, HttpStatusCode expected = HttpStatusCode.OK) =>
        client.SendAsync(HttpMethod.Get, path, null, expected);

    public static Task<JsonElement> PostJsonAsync(this HttpClient client, string path, object? body, HttpStatusCode expected) =>
        client.SendAsync(HttpMethod.Post, path, body ?? new JsonObject(), expected);

    public static Task<JsonElement> PutJsonAsync(this HttpClient client, string path, object body, HttpStatusCode expected) =>
        client.SendAsync(HttpMethod.Put, path, body, expected);

    public static DateOnly ThisMonday()
    {
        var today = DateOnly.FromDateTime(DateTime.Now);
        return today.AddDays(-(((int)today.DayOfWeek + 6) % 7));
    }
}
