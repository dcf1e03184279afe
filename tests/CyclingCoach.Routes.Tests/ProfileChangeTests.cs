using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CyclingCoach.Contracts;
using CyclingCoach.Routes.Analysis;
using CyclingCoach.Routes.Model;
using CyclingCoach.Testing;
using CyclingCoach.Training.Readers;
using MassTransit;

namespace CyclingCoach.Routes.Tests;

/// <summary>AthleteProfileChanged re-estimates every route exactly once per profile version.</summary>
[Collection(ProfileCollection.Name)]
public sealed class ProfileChangeTests(ProfileFixture fixture)
{
    private const int Routes = 4;

    private static AthleteProfileChanged Profile(int version, double ftp, double weight = 75) => new(
        version, ftp, weight, 185, 165,
        new BikeProfile(9, 0.30, 0.004, 2.105, [52, 36], [11, 12, 13, 14, 15, 16, 17, 19, 21, 24, 28], 75),
        DateTimeOffset.UtcNow);

    private async Task PublishAsync(AthleteProfileChanged message, Guid? messageId = null) =>
        await fixture.Publisher.Publish(message, context => context.MessageId = messageId ?? Guid.NewGuid());

    private Task<long> EventsForVersionAsync(int version) =>
        fixture.CountAsync($"SELECT count(*) FROM outbox_messages WHERE message_type LIKE 'CyclingCoach.Contracts.RouteAnalyzed,%' AND (payload->>'profileVersion')::int = {version}");

    private Task<long> ProcessedAsync() => fixture.CountAsync("SELECT count(*) FROM processed_messages WHERE consumer = 'AthleteProfileChangedConsumer'");

    private async Task<Dictionary<Guid, JsonElement>> RoutesAsync(IEnumerable<Guid> ids)
    {
        var result = new Dictionary<Guid, JsonElement>();
        foreach (var id in ids)
        {
            result[id] = await fixture.Client.GetFromJsonAsync<JsonElement>($"/api/routes/{id}");
        }

        return result;
    }

    [Fact]
    public async Task Each_profile_version_re_estimates_every_route_exactly_once()
    {
        var ids = new List<Guid>();
        var files = new List<byte[]>();
        for (var i = 0; i < Routes; i++)
        {
            files.Add(Gpx.Road(climbMeters: 2000 + (500 * i), gradePercent: 4 + i));
            using var response = await Gpx.UploadAsync(fixture.Client, files[^1]);
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
            ids.Add((await Json.ReadAsync(response)).GetProperty("id").GetGuid());
        }

        var defaults = await RoutesAsync(ids);
        Assert.All(defaults.Values, r => Assert.Equal(0, r.GetProperty("profileVersion").GetInt32()));
        Assert.Equal(Routes, await EventsForVersionAsync(0));

        // Version 1 (a stronger rider), delivered twice under one MessageId and once more under another.
        var first = Guid.NewGuid();
        await PublishAsync(Profile(1, ftp: 330), first);
        await PublishAsync(Profile(1, ftp: 330), first);
        await PublishAsync(Profile(1, ftp: 330));
        await WaitProcessedAsync(2);
        await WaitAllAtVersionAsync(1);
        Assert.Equal(Routes, await EventsForVersionAsync(1));
        var v1 = await RoutesAsync(ids);

        // The re-estimate (from stored points) is exactly Training's analysis of the original file with the v1 rider.
        var record = new RiderProfileRecord();
        RiderProfiles.Apply(record, Profile(1, ftp: 330), DateTime.UtcNow);
        for (var i = 0; i < Routes; i++)
        {
            var expected = RouteEstimator.Analyze(GpxReader.Read(new MemoryStream(files[i])).ToActivityData().Points, RiderProfiles.ToRider(record));
            Assert.Equal(expected.EstimatedTimeSeconds, v1[ids[i]].GetProperty("summary").GetProperty("estimatedSeconds").GetDouble(), 6);
            Assert.Equal(expected.Sections.Count, v1[ids[i]].GetProperty("sections").GetArrayLength());
        }

        foreach (var id in ids)
        {
            Assert.True(v1[id].GetProperty("summary").GetProperty("estimatedSeconds").GetDouble()
                        < defaults[id].GetProperty("summary").GetProperty("estimatedSeconds").GetDouble(), "330 W should be faster than the default 250 W");
            var gears = v1[id].GetProperty("sections").EnumerateArray()
                .Select(s => s.GetProperty("minimumGear")).Where(g => g.ValueKind == JsonValueKind.Object).ToList();
            Assert.NotEmpty(gears);
            Assert.All(gears, g => Assert.Contains(g.GetProperty("chainringTeeth").GetInt32(), new[] { 52, 36 }));
        }

        // A stale version changes nothing.
        await PublishAsync(Profile(0, ftp: 100));
        await PublishAsync(Profile(1, ftp: 100));
        await WaitProcessedAsync(4);
        Assert.Equal(Routes, await EventsForVersionAsync(1));
        Assert.Equal(v1[ids[0]].GetProperty("summary").ToString(),
            (await fixture.Client.GetFromJsonAsync<JsonElement>($"/api/routes/{ids[0]}")).GetProperty("summary").ToString());

        // A burst: versions 2..5 out of order, with duplicates. Each version re-estimates all routes or (when a newer
        // one got there first) none; the newest wins.
        var burst = new[] { 3, 5, 2, 4, 5, 3 };
        await Task.WhenAll(burst.Select(v => PublishAsync(Profile(v, ftp: 200 + v, weight: 70 + v))));
        await WaitProcessedAsync(4 + burst.Length);
        await WaitAllAtVersionAsync(5);
        Assert.Equal(Routes, await EventsForVersionAsync(5));
        foreach (var v in new[] { 2, 3, 4 })
        {
            Assert.Contains(await EventsForVersionAsync(v), new long[] { 0, Routes });
        }

        Assert.Equal(5, await fixture.CountAsync("SELECT version FROM rider_profile"));
        Assert.Equal(205, await fixture.Database.ScalarAsync<double>("SELECT ftp_watts FROM rider_profile"));

        // A route added after the change is estimated with the stored profile, and reanalyze keeps it.
        using var late = await Gpx.UploadAsync(fixture.Client, Gpx.Road());
        Assert.Equal(5, (await Json.ReadAsync(late)).GetProperty("profileVersion").GetInt32());
        Assert.Equal(Routes, await EventsForVersionAsync(5) - 1);
    }

    private async Task WaitProcessedAsync(long count)
    {
        var processed = await Eventually.WaitAsync(ProcessedAsync, n => n >= count, TimeSpan.FromSeconds(60));
        Assert.Equal(count, processed);
    }

    private async Task WaitAllAtVersionAsync(int version)
    {
        var behind = await Eventually.WaitAsync(
            () => fixture.CountAsync($"SELECT count(*) FROM routes WHERE profile_version <> {version}"), n => n == 0, TimeSpan.FromSeconds(60));
        Assert.Equal(0, behind);
    }
}
