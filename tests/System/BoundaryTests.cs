using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace CyclingCoach.SystemTests;

/// <summary>
/// The stack's edges as an attacker on the same machine, or a web page the rider visits, meets them: the services
/// answer only the gateway (their own host names, the gateway's credential, state changes only with a JSON or
/// multipart body), every listening socket is on loopback, the dashboard wants its key, the data folder is the
/// owner's alone, and the iCal secret stays out of the logs and spans.
/// </summary>
[Collection(Stack.Collection)]
public sealed class BoundaryTests
{
    public static TheoryData<string, string> Services() => new()
    {
        { "sync", "/api/workouts" },
        { "coaching", "/api/coach/athlete" },
        { "routes", "/api/routes" },
    };

    private static HttpRequestMessage Direct(HttpMethod method, string service, string path, string? host = null, bool credential = true)
    {
        var request = new HttpRequestMessage(method, $"http://127.0.0.1:{Stack.PortOf(service)}{path}");
        if (host is not null)
        {
            request.Headers.Host = host;
        }

        if (credential)
        {
            request.Headers.Add(Stack.ServiceKeyHeader, Stack.ServiceKey);
        }

        return request;
    }

    [Theory]
    [MemberData(nameof(Services))]
    public async Task A_service_answers_only_its_own_host_names_and_the_gateways_credential(string service, string path)
    {
        using var http = new HttpClient();

        // A DNS-rebinding page reaches 127.0.0.1 under its own name: refused, credential or not.
        using (var rebound = await http.SendAsync(Direct(HttpMethod.Get, service, path, host: $"attacker.example:{Stack.PortOf(service)}")))
        {
            Assert.True(rebound.StatusCode == HttpStatusCode.BadRequest, $"{service}: Host attacker.example → {(int)rebound.StatusCode}");
        }

        using (var health = await http.SendAsync(Direct(HttpMethod.Get, service, "/health", host: "attacker.example")))
        {
            Assert.Equal(HttpStatusCode.BadRequest, health.StatusCode);
        }

        // Any other local process, or a page that sends no credential: 401, and nothing of the rider's.
        using (var anonymous = await http.SendAsync(Direct(HttpMethod.Get, service, path, credential: false)))
        {
            Assert.True(anonymous.StatusCode == HttpStatusCode.Unauthorized, $"{service} without the gateway's credential → {(int)anonymous.StatusCode}");
            Assert.DoesNotContain("\"items\"", await anonymous.Content.ReadAsStringAsync());
        }

        using (var wrong = Direct(HttpMethod.Get, service, path, credential: false))
        {
            wrong.Headers.Add(Stack.ServiceKeyHeader, "not-the-service-key");
            Assert.Equal(HttpStatusCode.Unauthorized, (await http.SendAsync(wrong)).StatusCode);
        }

        // The orchestrators' probes stay open on the service's own names; the gateway's own request works.
        Assert.Equal(HttpStatusCode.OK, (await http.SendAsync(Direct(HttpMethod.Get, service, "/health", host: "localhost", credential: false))).StatusCode);
        using var allowed = await http.SendAsync(Direct(HttpMethod.Get, service, path, host: $"localhost:{Stack.PortOf(service)}"));
        Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
    }

    [Fact]
    public async Task A_state_change_needs_a_json_or_multipart_body()
    {
        using var http = new HttpClient();
        var path = $"/api/coach/workouts/{Guid.NewGuid()}/analyze";
        // What a cross-site form or a body-less fetch can send without a CORS preflight.
        HttpContent?[] bodies =
        [
            null,
            new StringContent("x", Encoding.UTF8, "text/plain"),
            new FormUrlEncodedContent([new("a", "b")]),
        ];
        foreach (var body in bodies)
        {
            using var request = Direct(HttpMethod.Post, "coaching", path);
            request.Content = body;
            using var response = await http.SendAsync(request);
            Assert.True(response.StatusCode == HttpStatusCode.UnsupportedMediaType,
                $"POST with {body?.Headers.ContentType?.MediaType ?? "no body"} → {(int)response.StatusCode}");
        }

        using var json = Direct(HttpMethod.Post, "coaching", path);
        json.Content = JsonContent.Create(new { });
        Assert.Equal(HttpStatusCode.NotFound, (await http.SendAsync(json)).StatusCode); // reached the endpoint: no such ride

        // Through the gateway, with the key, the same rule (the web app sends {} on body-less actions).
        using var client = Stack.Client(Stack.ApiKey);
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, (await client.PostAsync(path, null)).StatusCode);
    }

    [Fact]
    public async Task Every_listening_socket_of_the_stack_is_on_loopback()
    {
        var sockets = await Sockets.OfStackAsync(Stack.CoachDir);
        var names = sockets.Select(s => s.Process).Distinct().ToList();
        // The stack is really there: PostgreSQL, RabbitMQ (with its epmd), the services, the web server, the dashboard.
        Assert.Contains(sockets, s => s.Port == Stack.PortOf("sync"));
        Assert.Contains(sockets, s => s.Process.StartsWith("postgres", StringComparison.Ordinal));
        Assert.Contains(sockets, s => s.Process == "beam.smp");
        Assert.Contains(sockets, s => s.Process == "epmd");
        Assert.Contains(sockets, s => s.Process.StartsWith("node", StringComparison.Ordinal) || s.Process.StartsWith("next", StringComparison.Ordinal));
        var exposed = sockets.Where(s => !s.OnLoopback).Select(s => s.ToString()).ToList();
        Assert.True(exposed.Count == 0, $"listening beyond loopback: {string.Join("; ", exposed)} (processes: {string.Join(", ", names)})");
    }

    [Fact]
    public async Task The_dashboard_and_its_telemetry_api_want_the_key()
    {
        var dashboard = Stack.DashboardUrl;
        using var http = new HttpClient { BaseAddress = new Uri(dashboard) };
        Assert.Equal(HttpStatusCode.Unauthorized, (await http.GetAsync("/api/telemetry/resources")).StatusCode);

        using (var wrong = new HttpRequestMessage(HttpMethod.Get, "/api/telemetry/resources"))
        {
            wrong.Headers.Add("x-api-key", "not-the-key");
            Assert.Equal(HttpStatusCode.Unauthorized, (await http.SendAsync(wrong)).StatusCode);
        }

        using (var right = new HttpRequestMessage(HttpMethod.Get, "/api/telemetry/resources"))
        {
            right.Headers.Add("x-api-key", Stack.DashboardApiKey);
            Assert.Equal(HttpStatusCode.OK, (await http.SendAsync(right)).StatusCode);
        }

        using (var rebound = new HttpRequestMessage(HttpMethod.Get, "/api/telemetry/resources"))
        {
            rebound.Headers.Add("x-api-key", Stack.DashboardApiKey);
            rebound.Headers.Host = "attacker.example";
            Assert.Equal(HttpStatusCode.BadRequest, (await http.SendAsync(rebound)).StatusCode);
        }

        // The pages: a browser without the token is sent to the login page.
        using var noRedirect = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = new Uri(dashboard) };
        using var page = await noRedirect.GetAsync("/");
        Assert.True(page.StatusCode == HttpStatusCode.Redirect || page.StatusCode == HttpStatusCode.Found, $"{(int)page.StatusCode}");
        Assert.Contains("/login", page.Headers.Location?.ToString());
    }

    [Fact]
    public void The_data_folder_is_the_owners_alone()
    {
        var directory = Stack.CoachDir;
        // Others may pass through to reach PostgreSQL's folder (it runs as its own user), never list or read.
        Assert.Equal(UnixFileMode.None, File.GetUnixFileMode(directory) & (UnixFileMode.GroupRead | UnixFileMode.GroupWrite | UnixFileMode.OtherRead | UnixFileMode.OtherWrite));
        Assert.Equal("600", Mode(Path.Combine(directory, "secrets.env")));
        foreach (var folder in new[] { "data", Path.Combine("data", "sync"), Path.Combine("data", "routes") })
        {
            Assert.True(Mode(Path.Combine(directory, folder)) == "700", $"{folder} is {Mode(Path.Combine(directory, folder))}");
        }

        var keys = Directory.EnumerateFiles(Path.Combine(directory, "data", "sync"), "*.xml", SearchOption.AllDirectories).ToList();
        Assert.All(keys, key => Assert.Equal("600", Mode(key)));
    }

    [Fact]
    public async Task The_ical_secret_stays_out_of_the_logs_and_the_spans()
    {
        using var client = Stack.Client(Stack.ApiKey);
        using var created = await client.PostAsync("/api/coach/plans/calendar", JsonContent.Create(new { }));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var feed = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("url").GetString()!;
        var secret = Path.GetFileNameWithoutExtension(feed);
        Assert.True(secret.Length >= 16, feed);

        using var dashboard = new HttpClient { BaseAddress = new Uri(Stack.DashboardUrl) };
        dashboard.DefaultRequestHeaders.Add("x-api-key", Stack.DashboardApiKey);
        // Once as a calendar app asks the gateway, once through the web app's /ical/ address.
        foreach (var url in new[] { $"{Stack.GatewayUrl}{feed}", $"{Stack.WebUrl}/ical/{secret}.ics" })
        {
            var traceId = Convert.ToHexStringLower(Guid.NewGuid().ToByteArray());
            using var request = new HttpRequestMessage(HttpMethod.Get, url);
            request.Headers.Add("traceparent", $"00-{traceId}-{Convert.ToHexStringLower(Guid.NewGuid().ToByteArray()[..8])}-01");
            using (var calendar = await Stack.Client().SendAsync(request))
            {
                Assert.Equal(HttpStatusCode.OK, calendar.StatusCode);
            }

            var spans = "";
            for (var attempt = 0; attempt < 60 && !spans.Contains("\"coaching\"", StringComparison.Ordinal); attempt++)
            {
                await Task.Delay(TimeSpan.FromSeconds(1));
                using var trace = await dashboard.GetAsync($"/api/telemetry/traces/{traceId}");
                spans = trace.IsSuccessStatusCode ? await trace.Content.ReadAsStringAsync() : "";
            }

            Assert.Contains("calendar", spans); // the request is there, its path redacted
            Assert.DoesNotContain(secret, spans);
        }

        foreach (var service in new[] { "gateway", "coaching", "web" })
        {
            Assert.DoesNotContain(secret, await Stack.LogOfAsync(service));
            var logs = await dashboard.GetStringAsync($"/api/telemetry/logs?resource={service}&limit=500");
            Assert.DoesNotContain(secret, logs);
        }
    }

    private static string Mode(string path) => Convert.ToString((int)File.GetUnixFileMode(path), 8);
}
