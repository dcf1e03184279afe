using System.Text.Json;
using CyclingCoach.Training.Model;
using CyclingCoach.Training.Readers;

namespace CyclingCoach.Training.Tests.Readers;

/// <summary>Every FIT fixture, its documented outcome, and a cross-check against fitdecode's dump (EXPECTED_fitdecode.json).</summary>
public sealed class FitFixtureTests
{
    // file, warning code expected (null = clean), chained FIT files, records, laps, sessions,
    // chosen-session NP, TSS, IF, FTP (MANIFEST quick table; null = not in the file)
    public static TheoryData<string, string?, int, int, int, int, double?, double?, double?, double?> Cases => new()
    {
        { "fitparse__Edge810-Vector-2013-08-16-15-35-10.fit", null, 1, 4700, 8, 1, 301, 118.7, 0.956, 315 },
        { "fitparse__sample-activity-indoor-trainer.fit", null, 1, 2263, 5, 1, 228, 50.8, 0.914, 250 },
        { "sksports__2014-07-26-18-50-56.fit", null, 1, 4977, 4, 1, 202, 128.1, 1.009, 200 },
        { "connectstats__activity_1382772474.fit", null, 1, 2085, 4, 1, 152, 43.6, 0.874, 174 },
        { "goldencheetah__Garmin1000_withFirstbeat.fit", null, 1, 6610, 1, 1, 225, 114.3, 0.791, 285 },
        { "goldencheetah__SigmaRox11_1.fit", null, 1, 7259, 5, 1, 171, 110.0, 0.737, 233 },
        { "goldencheetah__Karoo-Botley_BW_Swanmore_Wickham-2025-05-09-1238.fit", null, 1, 4314, 1, 1, 195, 92.9, 0.886, 220 },
        { "goldencheetah__TacxNeo.fit", null, 1, 627, 1, 1, 196, 13.1, 0.887, 221 },
        { "goldencheetah__Garmin830_with_Stages.fit", null, 1, 1798, 0, 1, null, null, null, null },
        { "goldencheetah__2012_02_05_09_03_59.fit", ReaderWarningCodes.NoRecords, 1, 0, 1, 1, null, null, null, null },
        { "goldencheetah__MultiSport-2019-11-24.fit", ReaderWarningCodes.MultipleSessions, 1, 45805, 112, 5, 143, 276.1, 0.643, 223 },
        { "sportslib__3939576645.fit", null, 1, 2547, 1, 1, null, null, null, null },
        { "fitparse__garmin-edge-500-activity.fit", null, 1, 10686, 9, 1, null, null, null, null },
        { "fitparse__null_compressed_speed_dist.fit", null, 1, 1808, 1, 1, null, null, null, null },
        { "tormoder__unterminated-strings.fit", null, 1, 33, 1, 1, 46, 0.1, 0.26, 175 },
        { "fitparse__nick.fit", ReaderWarningCodes.FitTruncated, 1, 14391, 1, 0, null, null, null, null },
        { "fitparse__coros-pace-2-cycling-misaligned-fields.fit", null, 1, 11272, 4, 1, 0, null, null, null },
        { "fitparse__elemnt-bolt-no-application-id-inside-developer-data-id.fit", null, 1, 132, 1, 1, 243, 1.5, 0.735, 330 },
        { "fitparse__compressed-speed-distance.fit", null, 1, 755, 11, 1, null, null, null, null },
        { "fitparse__sample_mulitple_header.fit", ReaderWarningCodes.MultipleSessions, 4, 1773, 5, 5, null, null, null, null },
        { "fitparse__activity-settings.fit", null, 2, 14, 1, 1, null, null, null, null },
        { "fitparse__activity-activity-filecrc.fit", ReaderWarningCodes.FitCrcMismatch, 2, 28, 2, 2, null, null, null, null },
        { "fitparse__activity-settings-corruptheader.fit", ReaderWarningCodes.FitTrailingData, 1, 14, 1, 1, null, null, null, null },
        { "fitparse__activity-unexpected-eof.fit", ReaderWarningCodes.FitTruncated, 1, 14, 1, 1, null, null, null, null },
        { "gpsbabel__lezyne_super_gps-garmin_fit-sample-bad-endian.fit", ReaderWarningCodes.FitCorrupt, 1, 804, 1, 1, null, null, null, null },
    };

    [Fact]
    public void Every_fit_fixture_is_in_the_table()
    {
        var listed = Cases.Select(row => (string)row[0]).ToHashSet();
        var onDisk = Directory.GetFiles(Path.Combine(Fixtures.Root, "fit"), "*.fit").Select(Path.GetFileName).ToList();
        Assert.Equal(25, onDisk.Count);
        Assert.All(onDisk, f => Assert.Contains(f!, listed));
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Fixture_decodes_to_documented_outcome(string file, string? warning, int fitFiles, int records, int laps, int sessions,
        double? np, double? tss, double? intensityFactor, double? ftp)
    {
        using var stream = Fixtures.Open(Fixtures.Fit(file));
        var fit = FitDecoder.Read(stream);
        var a = fit.Activity;

        Assert.Equal(ActivityFormat.Fit, a.Format);
        Assert.Equal(fitFiles, fit.FitFileCount);
        Assert.Equal(records, a.Points.Count);
        Assert.Equal(laps, a.Laps.Count);
        Assert.Equal(sessions, fit.Sessions.Count);
        if (warning is null)
        {
            Assert.Empty(a.Warnings);
        }
        else
        {
            Assert.True(ReaderWarningCodes.Has(a.Warnings, warning), $"expected warning {warning}, got [{string.Join(" | ", a.Warnings)}]");
        }
        Assert.Equal(np, a.Session?.NormalizedPowerWatts);
        Assert.Equal(tss, a.Session?.TrainingStressScore is { } t ? Math.Round(t, 1) : null);
        Assert.Equal(intensityFactor, a.Session?.IntensityFactor is { } i ? Math.Round(i, 3) : null);
        Assert.Equal(ftp, a.Session?.ThresholdPowerWatts);
        Assert.Equal("activity", fit.FileType);
        Assert.NotNull(a.StartTimeUtc);
        Assert.All(a.Points, p => Assert.Equal(p.HasPosition, !double.IsNaN(p.Latitude) && !double.IsNaN(p.Longitude)));
    }

    public static TheoryData<string> FitFiles => new(Cases.Select(row => (string)row[0]));

    [Theory]
    [MemberData(nameof(FitFiles))]
    public void Fixture_matches_fitdecode_reference(string file)
    {
        using var json = JsonDocument.Parse(File.ReadAllText(Fixtures.Fit("EXPECTED_fitdecode.json")));
        var expected = json.RootElement.GetProperty(file);
        using var stream = Fixtures.Open(Fixtures.Fit(file));
        var fit = FitDecoder.Read(stream);
        var pts = fit.Activity.Points;

        Assert.Equal(expected.GetProperty("n_files").GetInt32(), fit.FitFileCount);
        Assert.Equal(expected.GetProperty("records").GetInt32(), pts.Count);
        Assert.Equal(expected.GetProperty("laps").GetInt32(), fit.Activity.Laps.Count);

        var fields = expected.GetProperty("rec_fields");
        void Count(string name, Func<TrackPoint, bool> has)
        {
            var want = fields.TryGetProperty(name, out var v) ? v.GetInt32() : 0;
            Assert.True(want == pts.Count(has), $"{name}: fitdecode {want}, ours {pts.Count(has)}");
        }
        Count("position_lat", p => p.HasPosition);
        Count("altitude", p => p.HasElevation);
        Count("speed", p => !double.IsNaN(p.SpeedMps));
        Count("power", p => !double.IsNaN(p.PowerWatts));
        Count("heart_rate", p => !double.IsNaN(p.HeartRateBpm));
        Count("cadence", p => !double.IsNaN(p.CadenceRpm));
        Count("temperature", p => !double.IsNaN(p.TemperatureCelsius));
        Count("distance", p => !double.IsNaN(p.DistanceMeters));

        var sessions = expected.GetProperty("sessions");
        var expectedSessions = sessions.ValueKind == JsonValueKind.Array ? sessions.EnumerateArray().ToList() : [];
        Assert.Equal(expectedSessions.Count, fit.Sessions.Count);
        for (var i = 0; i < expectedSessions.Count; i++)
        {
            var e = expectedSessions[i];
            var s = fit.Sessions[i];
            Same(e, "sport", s.Sport);
            Same(e, "sub_sport", s.SubSport);
            Near(e, "normalized_power", s.NormalizedPowerWatts, 0);
            Near(e, "training_stress_score", s.TrainingStressScore, 0.05);
            Near(e, "intensity_factor", s.IntensityFactor, 0.0005);
            Near(e, "avg_power", s.AveragePowerWatts, 0);
            Near(e, "max_power", s.MaxPowerWatts, 0);
            Near(e, "total_ascent", s.TotalAscentMeters, 0);
            Near(e, "total_descent", s.TotalDescentMeters, 0);
            Near(e, "threshold_power", s.ThresholdPowerWatts, 0);
            Near(e, "avg_heart_rate", s.AverageHeartRateBpm, 0);
            Near(e, "avg_cadence", s.AverageCadenceRpm, 0);
            Near(e, "total_distance", s.TotalDistanceMeters, 0.005);
            Near(e, "total_timer_time", s.TotalTimerSeconds, 0.0005);
            Near(e, "total_work", s.TotalWorkKilojoules * 1000, 0.5);
        }

        var fileId = expected.GetProperty("file_id");
        Assert.Equal(fileId.GetProperty("manufacturer").ToString(), fit.Activity.Device?.Manufacturer);
    }

    private static void Same(JsonElement e, string name, string? actual)
    {
        if (e.TryGetProperty(name, out var v))
        {
            Assert.True(v.GetString() == actual, $"{name}: fitdecode {v}, ours {actual}");
        }
    }

    private static void Near(JsonElement e, string name, double? actual, double tolerance)
    {
        if (!e.TryGetProperty(name, out var v) || v.ValueKind == JsonValueKind.Null)
        {
            return;
        }
        Assert.True(actual.HasValue, $"{name}: fitdecode {v}, ours missing");
        Assert.True(Math.Abs(v.GetDouble() - actual!.Value) <= tolerance, $"{name}: fitdecode {v}, ours {actual}");
    }
}
