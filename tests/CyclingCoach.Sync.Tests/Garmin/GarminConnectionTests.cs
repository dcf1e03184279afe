using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using CyclingCoach.Sync.Garmin.Storage;
using CyclingCoach.Fakes.Garmin;

namespace CyclingCoach.Sync.Tests.Garmin;

/// <summary>The ways in: token import (each format), ticket exchange, login with and without MFA, disconnect.</summary>
[Collection(GarminCollection.Name)]
public sealed class GarminConnectionTests(GarminFixture fixture)
{
    private FakeGarmin Garmin => fixture.Garmin;

    [Fact]
    public async Task A_new_service_is_not_connected()
    {
        await using var service = await fixture.StartServiceAsync();
        var status = await GarminTestData.StatusAsync(service);
        Assert.Equal("not_connected", status.GetProperty("status").GetString());
        Assert.False(status.GetProperty("connected").GetBoolean());
    }

    [Fact]
    public async Task Pgc_garmin_tokens_json_connects_and_is_stored_encrypted()
    {
        await using var service = await fixture.StartServiceAsync();
        var pair = Garmin.IssueTokens();

        var status = await GarminTestData.ConnectAsync(service, Garmin, pair);

        Assert.Equal("connected", status.GetProperty("status").GetString());
        Assert.Equal(FakeGarmin.AccountName, status.GetProperty("accountName").GetString());
        Assert.Equal("token:pgc", status.GetProperty("tokenOrigin").GetString());
        var expiresAt = status.GetProperty("accessTokenExpiresAt").GetDateTimeOffset();
        Assert.InRange(expiresAt, DateTimeOffset.UtcNow.AddHours(23), DateTimeOffset.UtcNow.AddHours(25));
        Assert.DoesNotContain(pair.AccessToken, status.ToString());

        var onDisk = await File.ReadAllBytesAsync(service.TokenPath);
        AssertNotInClear(onDisk, pair.AccessToken, pair.RefreshToken);
        var stored = await service.Get<GarminTokenStore>().LoadAsync(CancellationToken.None);
        Assert.Equal(pair.RefreshToken, stored!.RefreshToken);
        Assert.Equal(pair.ClientId, stored.ClientId);
        Assert.Empty(Directory.GetFiles(Path.GetDirectoryName(service.TokenPath)!, "*.tmp"));
        Assert.NotEmpty(Directory.GetFiles(Path.Combine(service.DataPath, "keys"), "*.xml"));
    }

    [Fact]
    public async Task Garth_oauth2_token_json_connects()
    {
        await using var service = await fixture.StartServiceAsync();
        var pair = Garmin.IssueTokens();
        var response = await service.Client.PostAsJsonAsync("/api/sync/garmin/token", GarminTestData.GarthOAuth2(pair));
        var status = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("token:oauth2", status.GetProperty("tokenOrigin").GetString());
        Assert.True(status.TryGetProperty("refreshTokenExpiresAt", out var refreshExpiry) && refreshExpiry.ValueKind == JsonValueKind.String);
    }

    [Fact]
    public async Task Garth_token_string_connects_as_json_string_as_the_bare_string_and_wrapped()
    {
        foreach (var send in new Func<HttpClient, string, Task<HttpResponseMessage>>[]
                 {
                     (client, token) => client.PostAsJsonAsync("/api/sync/garmin/token", token),
                     (client, token) => client.PostAsync("/api/sync/garmin/token", new StringContent(token, Encoding.UTF8, "application/json")),
                     (client, token) => client.PostAsJsonAsync("/api/sync/garmin/token", new { token }),
                 })
        {
            await using var service = await fixture.StartServiceAsync();
            var response = await send(service.Client, GarminTestData.GarthToken(Garmin.IssueTokens()));
            var body = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == HttpStatusCode.OK, body);
            Assert.Equal("connected", JsonDocument.Parse(body).RootElement.GetProperty("status").GetString());
        }
    }

    [Theory]
    [InlineData("oauth1", "oauth_token")]
    [InlineData("unsigned", "di_token")]
    [InlineData("not-a-jwt", "di_token")]
    [InlineData("no-client", "di_client_id")]
    [InlineData("garbage", "body")]
    [InlineData("unknown-shape", "body")]
    [InlineData("empty", "body")]
    public async Task A_bad_token_body_is_400_naming_the_problem_and_nothing_is_stored(string kind, string field)
    {
        await using var service = await fixture.StartServiceAsync();
        var now = DateTimeOffset.UtcNow;
        HttpContent content = kind switch
        {
            "oauth1" => JsonContent.Create(GarminTestData.GarthOAuth1()),
            "unsigned" => JsonContent.Create(new { di_token = FakeGarminAuthority.Jwt("X", now, now.AddHours(1), alg: "none"), di_refresh_token = "r", di_client_id = "X" }),
            "not-a-jwt" => JsonContent.Create(new { di_token = "abc", di_refresh_token = "r" }),
            "no-client" => JsonContent.Create(new { di_token = JwtWithoutClientId(now), di_refresh_token = "r" }),
            "garbage" => new StringContent("{ not json", Encoding.UTF8, "application/json"),
            "unknown-shape" => JsonContent.Create(new { hello = "world" }),
            _ => new StringContent("", Encoding.UTF8, "application/json"),
        };

        var response = await service.Client.PostAsync("/api/sync/garmin/token", content);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("urn:cyclingcoach:problem:validation", problem.GetProperty("type").GetString());
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
        Assert.False(File.Exists(service.TokenPath));
    }

    [Fact]
    public async Task A_token_Garmin_does_not_know_is_rejected_and_not_stored()
    {
        await using var service = await fixture.StartServiceAsync();
        var now = DateTimeOffset.UtcNow;
        var forged = FakeGarminAuthority.Jwt("GARMIN_CONNECT_MOBILE_ANDROID_DI", now, now.AddHours(20));
        var response = await service.Client.PostAsJsonAsync("/api/sync/garmin/token", new { di_token = forged, di_refresh_token = "not-a-real-one" });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("refresh token was refused", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString());
        Assert.Equal("not_connected", (await GarminTestData.StatusAsync(service)).GetProperty("status").GetString());
    }

    [Fact]
    public async Task A_pasted_ticket_is_exchanged_once_and_a_second_use_fails()
    {
        await using var service = await fixture.StartServiceAsync();
        var ticket = Garmin.IssueTicket();
        var before = Garmin.Counters.TicketExchanges;

        var first = await service.Client.PostAsJsonAsync("/api/sync/garmin/ticket", new { ticket });
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var status = await first.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("connected", status.GetProperty("status").GetString());
        Assert.Equal("ticket", status.GetProperty("tokenOrigin").GetString());
        Assert.Equal(before + 1, Garmin.Counters.TicketExchanges);

        var second = await service.Client.PostAsJsonAsync("/api/sync/garmin/ticket", new { ticket });
        Assert.Equal(HttpStatusCode.BadRequest, second.StatusCode);
        var problem = await second.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(problem.GetProperty("errors").TryGetProperty("ticket", out _));
        Assert.Equal(before + 1, Garmin.Counters.TicketExchanges);

        var malformed = await service.Client.PostAsJsonAsync("/api/sync/garmin/ticket", new { ticket = "hello" });
        Assert.Equal(HttpStatusCode.BadRequest, malformed.StatusCode);
    }

    [Fact]
    public async Task An_expired_ticket_or_one_for_another_service_is_rejected()
    {
        await using var service = await fixture.StartServiceAsync();
        var otherService = Garmin.IssueTicket("https://connect.garmin.com/app");
        Assert.Equal(HttpStatusCode.BadRequest, (await service.Client.PostAsJsonAsync("/api/sync/garmin/ticket", new { ticket = otherService })).StatusCode);

        Garmin.Knobs.TicketLifetime = TimeSpan.FromMilliseconds(1);
        try
        {
            var expired = Garmin.IssueTicket();
            await Task.Delay(20);
            Assert.Equal(HttpStatusCode.BadRequest, (await service.Client.PostAsJsonAsync("/api/sync/garmin/ticket", new { ticket = expired })).StatusCode);
        }
        finally
        {
            Garmin.Knobs.TicketLifetime = TimeSpan.FromSeconds(30);
        }
    }

    [Fact]
    public async Task Login_without_MFA_connects_and_a_wrong_password_is_400()
    {
        await using var service = await fixture.StartServiceAsync();
        var wrong = await service.Client.PostAsJsonAsync("/api/sync/garmin/login", new { username = FakeGarmin.Username, password = "nope" });
        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        Assert.Contains("username or password", (await wrong.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString());

        var response = await service.Client.PostAsJsonAsync("/api/sync/garmin/login", new { username = FakeGarmin.Username, password = FakeGarmin.Password });
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(body.GetProperty("mfaRequired").GetBoolean());
        Assert.Equal("connected", body.GetProperty("connection").GetProperty("status").GetString());
        Assert.Equal("login", body.GetProperty("connection").GetProperty("tokenOrigin").GetString());
    }

    [Fact]
    public async Task Login_with_MFA_rejects_a_wrong_code_and_the_same_state_then_accepts_the_right_one()
    {
        await using var service = await fixture.StartServiceAsync();
        var begin = await service.Client.PostAsJsonAsync("/api/sync/garmin/login", new { username = FakeGarmin.MfaUsername, password = FakeGarmin.MfaPassword });
        var pending = await begin.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(HttpStatusCode.OK, begin.StatusCode);
        Assert.True(pending.GetProperty("mfaRequired").GetBoolean());
        var state = pending.GetProperty("state").GetString()!;
        Assert.Equal("not_connected", (await GarminTestData.StatusAsync(service)).GetProperty("status").GetString());

        var wrong = await service.Client.PostAsJsonAsync($"/api/sync/garmin/login/{state}/mfa", new { code = "000000" });
        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        Assert.True((await wrong.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("code", out _));

        var right = await service.Client.PostAsJsonAsync($"/api/sync/garmin/login/{state}/mfa", new { code = FakeGarmin.MfaCode });
        var done = await right.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(HttpStatusCode.OK, right.StatusCode);
        Assert.Equal("connected", done.GetProperty("connection").GetProperty("status").GetString());

        var reused = await service.Client.PostAsJsonAsync($"/api/sync/garmin/login/{state}/mfa", new { code = FakeGarmin.MfaCode });
        Assert.Equal(HttpStatusCode.NotFound, reused.StatusCode);
        var unknown = await service.Client.PostAsJsonAsync("/api/sync/garmin/login/unknown-state/mfa", new { code = FakeGarmin.MfaCode });
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    [Fact]
    public async Task Disconnect_forgets_the_token()
    {
        await using var service = await fixture.StartServiceAsync();
        await GarminTestData.ConnectAsync(service, Garmin);
        Assert.True(File.Exists(service.TokenPath));

        var response = await service.Client.DeleteAsync("/api/sync/garmin");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("not_connected", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString());
        Assert.False(File.Exists(service.TokenPath));
    }

    [Fact]
    public async Task Passwords_codes_tickets_and_tokens_never_reach_the_logs()
    {
        await using var service = await fixture.StartServiceAsync(settings: new Dictionary<string, string?> { ["Garmin:RefreshBeforeExpiryMinutes"] = "1500" });
        var secrets = new List<string> { FakeGarmin.Password, FakeGarmin.MfaPassword, FakeGarmin.MfaCode };

        var ticket = Garmin.IssueTicket();
        secrets.Add(ticket);
        await service.Client.PostAsJsonAsync("/api/sync/garmin/ticket", new { ticket });
        await service.Client.PostAsJsonAsync("/api/sync/garmin/ticket", new { ticket }); // used: rejected
        await service.Client.PostAsJsonAsync("/api/sync/garmin/login", new { username = FakeGarmin.Username, password = "wrong-" + FakeGarmin.Password });
        secrets.Add("wrong-" + FakeGarmin.Password);
        await service.Client.PostAsJsonAsync("/api/sync/garmin/login", new { username = FakeGarmin.Username, password = FakeGarmin.Password });
        var begin = await (await service.Client.PostAsJsonAsync("/api/sync/garmin/login", new { username = FakeGarmin.MfaUsername, password = FakeGarmin.MfaPassword }))
            .Content.ReadFromJsonAsync<JsonElement>();
        var state = begin.GetProperty("state").GetString()!;
        await service.Client.PostAsJsonAsync($"/api/sync/garmin/login/{state}/mfa", new { code = "999111" });
        secrets.Add("999111");
        await service.Client.PostAsJsonAsync($"/api/sync/garmin/login/{state}/mfa", new { code = FakeGarmin.MfaCode });
        var pair = Garmin.IssueTokens();
        secrets.AddRange([pair.AccessToken, pair.RefreshToken]);
        await GarminTestData.ConnectAsync(service, Garmin, pair); // refreshes at once (margin 1500 min)

        secrets.AddRange(Garmin.Authority.ActiveRefreshTokens);
        var stored = await service.Get<GarminTokenStore>().LoadAsync(CancellationToken.None);
        secrets.AddRange([stored!.AccessToken, stored.RefreshToken!]);

        var logs = service.Logs.All;
        Assert.Contains("Garmin", logs); // the capture works
        Assert.Contains("Sending HTTP request", logs);
        foreach (var secret in secrets)
        {
            Assert.DoesNotContain(secret, logs);
        }
    }

    private static void AssertNotInClear(byte[] file, params string[] secrets)
    {
        var text = Encoding.UTF8.GetString(file);
        var latin = Encoding.Latin1.GetString(file);
        foreach (var secret in secrets)
        {
            Assert.DoesNotContain(secret, text);
            Assert.DoesNotContain(secret, latin);
            Assert.DoesNotContain(secret[..Math.Min(16, secret.Length)], latin);
        }
    }

    private static string JwtWithoutClientId(DateTimeOffset now)
    {
        static string B64(object value) => Convert.ToBase64String(JsonSerializer.SerializeToUtf8Bytes(value)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        return $"{B64(new { alg = "HS256", typ = "JWT" })}.{B64(new { exp = now.AddHours(5).ToUnixTimeSeconds() })}.c2ln";
    }
}
