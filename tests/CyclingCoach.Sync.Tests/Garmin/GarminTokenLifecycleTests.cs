using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using CyclingCoach.Sync.Garmin;
using CyclingCoach.Sync.Garmin.Client;
using CyclingCoach.Sync.Garmin.Storage;
using CyclingCoach.Sync.Sources;
using CyclingCoach.Fakes.Garmin;

namespace CyclingCoach.Sync.Tests.Garmin;

/// <summary>Refresh before expiry (single-flight, rotation persisted), 401 → one refresh + one retry, invalid_grant, 429 cooldown.</summary>
[Collection(GarminCollection.Name)]
public sealed class GarminTokenLifecycleTests(GarminFixture fixture)
{
    private FakeGarmin Garmin => fixture.Garmin;
    private static readonly long SomeActivity = FakeGarminData.FirstId + 3;

    [Fact]
    public async Task A_token_near_expiry_is_refreshed_once_for_concurrent_calls_and_the_rotated_refresh_token_is_saved_encrypted()
    {
        var dataPath = Directory.CreateTempSubdirectory("sync-garmin-").FullName;
        // 20 min left, margin 15 min: not refreshed at import; then the margin is raised so the next call refreshes.
        var pair = Garmin.IssueTokens(lifetime: TimeSpan.FromMinutes(20));
        await using (var first = await fixture.StartServiceAsync(dataPath))
        {
            await GarminTestData.ConnectAsync(first, Garmin, pair);
        }

        var refreshesBefore = Garmin.Counters.Refreshes;
        string rotated;
        await using (var service = await fixture.StartServiceAsync(dataPath, new Dictionary<string, string?> { ["Garmin:RefreshBeforeExpiryMinutes"] = "30" }))
        {
            var api = service.Get<GarminApiClient>();
            var summaries = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => api.GetActivityAsync(SomeActivity, CancellationToken.None)));
            Assert.All(summaries, s => Assert.Equal(SomeActivity, s!.ActivityId));
            Assert.Equal(refreshesBefore + 1, Garmin.Counters.Refreshes);

            var stored = await service.Get<GarminTokenStore>().LoadAsync(CancellationToken.None);
            rotated = stored!.RefreshToken!;
            Assert.NotEqual(pair.RefreshToken, rotated);
            Assert.False(Garmin.Authority.IsRefreshTokenActive(pair.RefreshToken));
            Assert.True(Garmin.Authority.IsRefreshTokenActive(rotated));
            Assert.True(stored.ExpiresAt > DateTimeOffset.UtcNow.AddHours(20));

            var file = await File.ReadAllBytesAsync(service.TokenPath);
            Assert.DoesNotContain(rotated, Encoding.Latin1.GetString(file));
            Assert.DoesNotContain(stored.AccessToken[..20], Encoding.Latin1.GetString(file));
        }

        // After a restart the rotated token is what is used: no further refresh is needed.
        await using (var restarted = await fixture.StartServiceAsync(dataPath))
        {
            var summary = await restarted.Get<GarminApiClient>().GetActivityAsync(SomeActivity, CancellationToken.None);
            Assert.NotNull(summary);
            Assert.Equal(refreshesBefore + 1, Garmin.Counters.Refreshes);
            var status = await GarminTestData.StatusAsync(restarted);
            Assert.Equal("connected", status.GetProperty("status").GetString());
        }
    }

    [Fact]
    public async Task A_401_causes_exactly_one_refresh_and_one_retry()
    {
        await using var service = await fixture.StartServiceAsync();
        await GarminTestData.ConnectAsync(service, Garmin);
        Garmin.Authority.RevokeAccessTokens(); // "Token is not active"
        var refreshes = Garmin.Counters.Refreshes;
        var unauthorized = Garmin.Counters.Unauthorized;
        var path = $"/activity-service/activity/{SomeActivity}/splits";
        var calls = Garmin.Counters.PathCount(path);

        var splits = await service.Get<GarminApiClient>().GetActivitySplitsAsync(SomeActivity, CancellationToken.None);

        Assert.NotNull(splits);
        Assert.Equal(SomeActivity, splits.ActivityId); // the retried answer (this activity's FIT has no laps)
        Assert.Equal(refreshes + 1, Garmin.Counters.Refreshes);
        Assert.Equal(unauthorized + 1, Garmin.Counters.Unauthorized);
        Assert.Equal(calls + 2, Garmin.Counters.PathCount(path));
    }

    [Fact]
    public async Task A_refused_refresh_token_means_needs_reauth_without_any_login_attempt()
    {
        await using var service = await fixture.StartServiceAsync();
        await GarminTestData.ConnectAsync(service, Garmin);
        Garmin.Authority.RevokeAccessTokens();
        Garmin.Authority.RevokeRefreshTokens();
        var sso = Garmin.Counters.SsoRequests;

        await Assert.ThrowsAsync<GarminReauthRequiredException>(() => service.Get<GarminApiClient>().GetActivityAsync(SomeActivity, CancellationToken.None));

        var status = await GarminTestData.StatusAsync(service);
        Assert.Equal("needs_reauth", status.GetProperty("status").GetString());
        Assert.Contains("invalid_grant", status.GetProperty("lastError").GetString());
        Assert.Equal(sso, Garmin.Counters.SsoRequests);
        var source = service.Get<IEnumerable<IActivitySource>>().Single(s => s.Source == Contracts.WorkoutSource.Garmin);
        Assert.Contains("new connection", await source.GetUnavailableReasonAsync(CancellationToken.None));
    }

    [Fact]
    public async Task A_login_429_starts_a_cooldown_that_survives_a_restart_and_no_second_attempt_reaches_Garmin()
    {
        var dataPath = Directory.CreateTempSubdirectory("sync-garmin-").FullName;
        var settings = new Dictionary<string, string?> { ["Garmin:CooldownMinutes"] = "90" };
        var logins = Garmin.Counters.LoginPosts;
        Garmin.Knobs.LoginRateLimited = true;
        try
        {
            await using (var service = await fixture.StartServiceAsync(dataPath, settings))
            {
                var response = await service.Client.PostAsJsonAsync("/api/sync/garmin/login", new { username = FakeGarmin.Username, password = FakeGarmin.Password });
                Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
                var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
                Assert.Equal("urn:cyclingcoach:problem:too-many-attempts", problem.GetProperty("type").GetString());
                var until = problem.GetProperty("cooldownUntil").GetDateTimeOffset();
                Assert.InRange(until, DateTimeOffset.UtcNow.AddMinutes(89), DateTimeOffset.UtcNow.AddMinutes(91));
                Assert.NotNull(response.Headers.RetryAfter);
                Assert.Equal(logins + 1, Garmin.Counters.LoginPosts);

                var again = await service.Client.PostAsJsonAsync("/api/sync/garmin/login", new { username = FakeGarmin.Username, password = FakeGarmin.Password });
                Assert.Equal(HttpStatusCode.TooManyRequests, again.StatusCode);
                Assert.Equal(logins + 1, Garmin.Counters.LoginPosts);
            }

            Garmin.Knobs.LoginRateLimited = false; // even when Garmin would answer again, the cooldown holds
            await using (var restarted = await fixture.StartServiceAsync(dataPath, settings))
            {
                var status = await GarminTestData.StatusAsync(restarted);
                Assert.Equal("cooling_down", status.GetProperty("status").GetString());
                Assert.Equal("login", status.GetProperty("cooldownScope").GetString());
                var sso = Garmin.Counters.SsoRequests;

                var response = await restarted.Client.PostAsJsonAsync("/api/sync/garmin/login", new { username = FakeGarmin.Username, password = FakeGarmin.Password });
                Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
                Assert.Contains("cooling down until", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString());
                Assert.Equal(sso, Garmin.Counters.SsoRequests);
                Assert.Equal(logins + 1, Garmin.Counters.LoginPosts);

                // A sign-in cooldown does not block the token bootstrap path (research §4.1).
                var connected = await GarminTestData.ConnectAsync(restarted, Garmin);
                Assert.Equal("connected", connected.GetProperty("status").GetString());
                Assert.True(connected.TryGetProperty("cooldownUntil", out var cooldown) && cooldown.ValueKind == JsonValueKind.String);
            }
        }
        finally
        {
            Garmin.Knobs.LoginRateLimited = false;
        }
    }

    [Fact]
    public async Task An_API_429_blocks_sync_until_the_cooldown_ends_without_retrying()
    {
        await using var service = await fixture.StartServiceAsync();
        await GarminTestData.ConnectAsync(service, Garmin);
        var api = service.Get<GarminApiClient>();
        Garmin.Knobs.ApiRateLimited = true;
        try
        {
            var requests = Garmin.Counters.ApiRequests;
            await Assert.ThrowsAsync<GarminCooldownException>(() => api.GetActivityAsync(SomeActivity, CancellationToken.None));
            Assert.Equal(requests + 1, Garmin.Counters.ApiRequests);
            await Assert.ThrowsAsync<GarminCooldownException>(() => api.GetActivityAsync(SomeActivity, CancellationToken.None));
            Assert.Equal(requests + 1, Garmin.Counters.ApiRequests);
            var source = service.Get<GarminActivitySource>();
            Assert.Contains("cooling down", await source.GetUnavailableReasonAsync(CancellationToken.None));
            Assert.Equal("cooling_down", (await GarminTestData.StatusAsync(service)).GetProperty("status").GetString());
        }
        finally
        {
            Garmin.Knobs.ApiRateLimited = false;
        }
    }

    [Fact]
    public async Task Transient_5xx_from_the_API_is_retried_with_backoff()
    {
        await using var service = await fixture.StartServiceAsync();
        await GarminTestData.ConnectAsync(service, Garmin);
        Garmin.Knobs.ApiServerErrors = 2;
        var summary = await service.Get<GarminApiClient>().GetActivityAsync(SomeActivity, CancellationToken.None);
        Assert.NotNull(summary);
        Assert.Equal(0, Garmin.Knobs.ApiServerErrors);
        Assert.Contains("retrying", service.Logs.All);
    }
}
