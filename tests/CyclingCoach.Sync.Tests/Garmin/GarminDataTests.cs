using System.IO.Compression;
using System.Text.Json;
using CyclingCoach.Contracts;
using CyclingCoach.Sync.Garmin;
using CyclingCoach.Sync.Garmin.Client;
using CyclingCoach.Sync.Sources;
using CyclingCoach.Fakes.Garmin;
using CyclingCoach.Training.Readers;

namespace CyclingCoach.Sync.Tests.Garmin;

/// <summary>The activity source and client against the fake's real bodies: paging, download, settings, details, splits.</summary>
[Collection(GarminCollection.Name)]
public sealed class GarminDataTests(GarminFixture fixture)
{
    private FakeGarmin Garmin => fixture.Garmin;

    [Fact]
    public async Task The_source_is_registered_and_unavailable_until_connected()
    {
        await using var service = await fixture.StartServiceAsync();
        var source = service.Get<IEnumerable<IActivitySource>>().Single(s => s.Source == WorkoutSource.Garmin);
        Assert.IsType<GarminActivitySource>(source);
        Assert.Equal("Garmin is not connected.", await source.GetUnavailableReasonAsync(CancellationToken.None));
        await GarminTestData.ConnectAsync(service, Garmin);
        Assert.Null(await source.GetUnavailableReasonAsync(CancellationToken.None));
    }

    [Fact]
    public async Task Listing_a_date_window_pages_newest_first_across_pages_and_returns_exactly_the_window()
    {
        await using var service = await fixture.StartServiceAsync(settings: new Dictionary<string, string?> { ["Garmin:PageSize"] = "20" });
        await GarminTestData.ConnectAsync(service, Garmin);
        var source = service.Get<GarminActivitySource>();
        var to = new DateTimeOffset(FakeGarminData.NewestStartGmt, TimeSpan.Zero).AddDays(-3);
        var from = to.AddDays(-14);
        var expected = Garmin.Data.Items
            .Where(i => FakeGarminData.StartGmt(i) >= from.UtcDateTime && FakeGarminData.StartGmt(i) < to.UtcDateTime)
            .Select(i => i["activityId"]!.GetValue<long>().ToString())
            .ToList();
        var widened = Garmin.Data.Page(0, int.MaxValue, DateOnly.FromDateTime(from.UtcDateTime.AddDays(-1)), DateOnly.FromDateTime(to.UtcDateTime.AddDays(1))).Count;
        Assert.True(widened > 40, "the window must span several pages");
        var lists = Garmin.Counters.ListRequests;

        var listed = new List<SourceActivity>();
        await foreach (var activity in source.ListActivitiesAsync(from, to, CancellationToken.None))
        {
            listed.Add(activity);
        }

        Assert.Equal(expected, listed.Select(a => a.SourceActivityId).ToList());
        Assert.Equal((widened / 20) + 1, Garmin.Counters.ListRequests - lists);
        Assert.All(listed, a => Assert.InRange(a.StartTime, from, to));
        Assert.All(listed, a => Assert.Equal(TimeSpan.FromHours(1), a.StartTime.Offset));
        Assert.Equal(listed.OrderByDescending(a => a.StartTime).Select(a => a.SourceActivityId), listed.Select(a => a.SourceActivityId));

        // Cycling: ConnectStats' "cycling" (parent 17) by key, road_biking by parentTypeId 2; running is not.
        Assert.Contains(listed, a => a.ActivityType == "cycling" && a.IsCycling);
        Assert.Contains(listed, a => a.ActivityType == "road_biking" && a.IsCycling);
        Assert.Contains(listed, a => a.ActivityType == "running" && !a.IsCycling);
        var ride = listed.First(a => a.IsCycling);
        Assert.NotNull(ride.DurationSeconds);
        Assert.Equal(ride.SourceActivityId, ride.Raw.GetProperty("activityId").GetInt64().ToString());
    }

    [Fact]
    public async Task An_empty_window_costs_one_list_request()
    {
        await using var service = await fixture.StartServiceAsync();
        await GarminTestData.ConnectAsync(service, Garmin);
        var lists = Garmin.Counters.ListRequests;
        var future = new DateTimeOffset(FakeGarminData.NewestStartGmt, TimeSpan.Zero).AddDays(10);
        var listed = 0;
        await foreach (var _ in service.Get<GarminActivitySource>().ListActivitiesAsync(future, future.AddDays(5), CancellationToken.None))
        {
            listed++;
        }

        Assert.Equal(0, listed);
        Assert.Equal(lists + 1, Garmin.Counters.ListRequests);
    }

    [Fact]
    public async Task A_504_on_download_is_retried_and_the_zip_holds_the_original_FIT()
    {
        await using var service = await fixture.StartServiceAsync();
        await GarminTestData.ConnectAsync(service, Garmin);
        var source = service.Get<GarminActivitySource>();
        var id = FakeGarminData.FirstId + 7;
        var activity = new SourceActivity(id.ToString(), null, "road_biking", true, DateTimeOffset.UtcNow, null, null, null, null, default);
        Garmin.Knobs.DownloadGatewayTimeouts = 2;
        var downloads = Garmin.Counters.DownloadRequests;

        var file = await source.DownloadOriginalAsync(activity, CancellationToken.None);

        Assert.NotNull(file);
        Assert.Equal(downloads + 3, Garmin.Counters.DownloadRequests);
        Assert.Equal($"{id}.zip", file.FileName);
        using var zip = new ZipArchive(new MemoryStream(file.Content));
        var entry = Assert.Single(zip.Entries);
        Assert.Equal($"{id}_ACTIVITY.fit", entry.Name);
        using var content = new MemoryStream();
        await entry.Open().CopyToAsync(content);
        Assert.Equal(Garmin.Data.FitFor(id), content.ToArray());
    }

    [Fact]
    public async Task The_fake_serves_real_FIT_files_moved_to_each_activitys_start()
    {
        foreach (var item in Garmin.Data.Items.Take(8))
        {
            var id = item["activityId"]!.GetValue<long>();
            var original = Garmin.Data.FitBytes(Garmin.Data.FitFileFor(id));
            var moved = Garmin.Data.FitFor(id);
            Assert.Equal(original.Length, moved.Length);
            Assert.NotEqual(original, moved);
            var activity = ActivityReader.Read(new MemoryStream(moved), "moved.fit");
            var listed = FakeGarminData.StartGmt(item);
            Assert.NotNull(activity.StartTimeUtc);
            Assert.InRange((activity.StartTimeUtc!.Value - listed).TotalSeconds, -120, 120);
            Assert.Equal(ActivityReader.Read(new MemoryStream(original), "original.fit").Points.Count, activity.Points.Count);
        }
    }

    [Fact]
    public async Task A_download_that_keeps_failing_gives_up_after_the_configured_attempts()
    {
        await using var service = await fixture.StartServiceAsync();
        await GarminTestData.ConnectAsync(service, Garmin);
        Garmin.Knobs.DownloadGatewayTimeouts = 10;
        var downloads = Garmin.Counters.DownloadRequests;
        try
        {
            var failure = await Assert.ThrowsAsync<GarminUpstreamException>(() =>
                service.Get<GarminApiClient>().DownloadOriginalAsync(FakeGarminData.FirstId + 1, CancellationToken.None));
            Assert.Equal(System.Net.HttpStatusCode.GatewayTimeout, failure.Status);
            Assert.Equal(downloads + 3, Garmin.Counters.DownloadRequests);
        }
        finally
        {
            Garmin.Knobs.DownloadGatewayTimeouts = 0;
        }
    }

    [Fact]
    public async Task Athlete_settings_convert_weight_grams_to_kg_and_read_FTP_and_DEFAULT_zones()
    {
        await using var service = await fixture.StartServiceAsync();
        await GarminTestData.ConnectAsync(service, Garmin);
        var source = service.Get<GarminActivitySource>();

        var unset = await source.GetAthleteSettingsAsync(CancellationToken.None);
        Assert.NotNull(unset);
        Assert.Null(unset.FtpWatts); // the real fixture: no FTP set, every field null

        Garmin.Knobs.CyclingFtpWatts = 265;
        try
        {
            var settings = await source.GetAthleteSettingsAsync(CancellationToken.None);
            Assert.NotNull(settings);
            Assert.Equal(WorkoutSource.Garmin, settings.Source);
            Assert.Equal(265, settings.FtpWatts);
            Assert.Equal(74.2, settings.WeightKg);
            Assert.Equal(188, settings.MaxHeartRateBpm);
            Assert.Equal(54, settings.RestingHeartRateBpm);
            Assert.Equal(166, settings.LactateThresholdHeartRateBpm);
            Assert.Equal([121, 134, 148, 161, 175], settings.HeartRateZoneFloorsBpm);
        }
        finally
        {
            Garmin.Knobs.CyclingFtpWatts = null;
        }

        Garmin.Knobs.NoContentPaths["/biometric-service/heartRateZones"] = true;
        try
        {
            var noZones = await source.GetAthleteSettingsAsync(CancellationToken.None);
            Assert.Null(noZones!.HeartRateZoneFloorsBpm);
            Assert.Null(noZones.MaxHeartRateBpm);
            Assert.Equal(166, noZones.LactateThresholdHeartRateBpm); // from user-settings
        }
        finally
        {
            Garmin.Knobs.NoContentPaths.Clear();
        }
    }

    [Fact]
    public async Task Summary_details_and_splits_parse_the_real_bodies_without_applying_factor()
    {
        await using var service = await fixture.StartServiceAsync();
        await GarminTestData.ConnectAsync(service, Garmin);
        var api = service.Get<GarminApiClient>();
        var id = FakeGarminData.FirstId + 2;

        var summary = await api.GetActivityAsync(id, CancellationToken.None);
        Assert.NotNull(summary);
        Assert.Equal(id, summary.ActivityId);
        Assert.Equal(TimeSpan.FromHours(1), summary.StartTime!.Value.Offset);
        Assert.NotNull(summary.DistanceMeters);
        Assert.NotNull(summary.AveragePowerWatts);

        var details = await api.GetActivityDetailsAsync(id, cancellationToken: CancellationToken.None);
        Assert.NotNull(details);
        Assert.Equal(details.MetricsCount, details.Stream("sumDuration")!.Length);
        Assert.Equal(19, details.MetricKeys.Count); // the real Edge 820 descriptors, positional
        var speedIndex = details.MetricKeys.Single(k => k.Value == "directSpeed").Key;
        var row = details.Raw.GetProperty("activityDetailMetrics").EnumerateArray().Select((r, i) => (r, i))
            .First(x => x.r.GetProperty("metrics")[speedIndex].ValueKind == JsonValueKind.Number);
        Assert.Equal(row.r.GetProperty("metrics")[speedIndex].GetDouble(), details.Stream("directSpeed")![row.i]); // factor 0.1 not applied
        Assert.True(details.Stream("directTimestamp")![0] > 1.7e12); // epoch ms

        var splits = await api.GetActivitySplitsAsync(id, CancellationToken.None);
        Assert.NotNull(splits);
        Assert.Equal(id, splits.ActivityId);
        Assert.NotEmpty(splits.Laps);
        Assert.Equal(1, splits.Laps[0].LapIndex);

        Garmin.Knobs.NoContentPaths[$"/activity-service/activity/{id}/splits"] = true;
        try
        {
            Assert.Null(await api.GetActivitySplitsAsync(id, CancellationToken.None));
        }
        finally
        {
            Garmin.Knobs.NoContentPaths.Clear();
        }
    }
}
