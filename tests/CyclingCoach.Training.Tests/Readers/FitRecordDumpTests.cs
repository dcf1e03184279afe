using System.Globalization;
using CyclingCoach.Training.Readers;

namespace CyclingCoach.Training.Tests.Readers;

/// <summary>Our decoded records against fitparse's record-by-record CSV dumps (every row, every column).</summary>
public sealed class FitRecordDumpTests
{
    private const double SemicirclesToDegrees = 180.0 / 2147483648.0;
    private static readonly DateTime FitEpoch = new(1989, 12, 31, 0, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void Edge500_records_match_fitparse_csv_row_by_row()
    {
        using var stream = Fixtures.Open(Fixtures.Fit("fitparse__garmin-edge-500-activity.fit"));
        var points = FitDecoder.Read(stream).Activity.Points;
        var rows = File.ReadAllLines(Fixtures.Fit("fitparse__garmin-edge-500-activity-records.csv")).Skip(1).ToList();
        Assert.Equal(10686, rows.Count);
        Assert.Equal(rows.Count, points.Count);

        var missingCadence = 0;
        var missingPosition = 0;
        for (var i = 0; i < rows.Count; i++)
        {
            var c = rows[i].Split(',');
            var p = points[i];
            // "Sun Sep 25 06:00:22 PDT 2011": PDT is UTC-7.
            var local = DateTime.ParseExact(c[0].Replace(" PDT", "", StringComparison.Ordinal), "ddd MMM dd HH:mm:ss yyyy", CultureInfo.InvariantCulture);
            Assert.Equal(DateTime.SpecifyKind(local.AddHours(7), DateTimeKind.Utc), p.TimeUtc);
            Assert.Equal(D(c[1]), p.HeartRateBpm);
            if (double.IsNaN(p.CadenceRpm))
            {
                missingCadence++; // fitparse's dump writes an invalid cadence as 0
                Assert.Equal(0, D(c[2]));
            }
            else
            {
                Assert.Equal(D(c[2]), p.CadenceRpm);
            }
            Assert.Equal(D(c[3]), p.SpeedMps, 3);
            Assert.Equal(D(c[4]), p.DistanceMeters, 2);
            if (p.HasPosition)
            {
                Assert.Equal(D(c[5]) * SemicirclesToDegrees, p.Latitude, 9);
                Assert.Equal(D(c[6]) * SemicirclesToDegrees, p.Longitude, 9);
            }
            else
            {
                missingPosition++;
            }
            Assert.Equal(D(c[7]), p.ElevationMeters, 6);
            Assert.Equal(D(c[8]), p.TemperatureCelsius);
        }
        Assert.Equal(10686 - 10565, missingCadence);
        Assert.Equal(10686 - 10677, missingPosition);

        // First record spelled out, so a regression shows a readable diff.
        var first = points[0];
        Assert.Equal(new DateTime(2011, 9, 25, 13, 0, 22, DateTimeKind.Utc), first.TimeUtc);
        Assert.Equal(43.713393034, first.Latitude, 9);
        Assert.Equal(-79.366066279, first.Longitude, 9);
        Assert.Equal(161, first.HeartRateBpm);
        Assert.Equal(71, first.CadenceRpm);
        Assert.True(double.IsNaN(first.PowerWatts));
    }

    [Fact]
    public void Compressed_timestamp_and_speed_distance_match_fitparse_csv()
    {
        using var stream = Fixtures.Open(Fixtures.Fit("fitparse__compressed-speed-distance.fit"));
        var points = FitDecoder.Read(stream).Activity.Points;
        var rows = File.ReadAllLines(Fixtures.Fit("fitparse__compressed-speed-distance-records.csv")).Skip(1).ToList();
        Assert.Equal(754, rows.Count);
        Assert.Equal(755, points.Count);

        // The dump starts at the second record (the first has only a timestamp).
        Assert.True(double.IsNaN(points[0].HeartRateBpm) && double.IsNaN(points[0].SpeedMps));
        for (var i = 0; i < rows.Count; i++)
        {
            var c = rows[i].Split(',');
            var p = points[i + 1];
            Assert.Equal(FitEpoch.AddSeconds(D(c[0])), p.TimeUtc);
            Assert.Equal(D(c[1]), p.HeartRateBpm);
            Assert.Equal(D(c[2]), p.SpeedMps, 6);
            Assert.Equal(D(c[3]), p.DistanceMeters, 6);
            if (c[4] == "null")
            {
                Assert.True(double.IsNaN(p.CadenceRpm));
            }
            else
            {
                Assert.Equal(D(c[4]), p.CadenceRpm);
            }
        }
        Assert.Equal(10248.6875, points[^1].DistanceMeters);
    }

    [Fact]
    public void Timer_events_alternate_start_and_stop()
    {
        using var stream = Fixtures.Open(Fixtures.Fit("fitparse__garmin-edge-500-activity.fit"));
        var fit = FitDecoder.Read(stream);
        var events = fit.TimerEvents;
        Assert.True(events.Count > 10);
        Assert.Equal(FitTimerEventKind.Start, events[0].Kind);
        Assert.Equal(new DateTime(2011, 9, 25, 13, 0, 21, DateTimeKind.Utc), events[0].TimeUtc);
        Assert.NotEqual(FitTimerEventKind.Start, events[^1].Kind);
        var running = TimeSpan.Zero;
        DateTime? startedAt = null;
        for (var i = 1; i < events.Count; i++)
        {
            Assert.True(events[i].TimeUtc >= events[i - 1].TimeUtc);
            Assert.False(events[i].Kind == FitTimerEventKind.Start && events[i - 1].Kind == FitTimerEventKind.Start, $"two starts at {i}");
        }
        // Summing each Start to the next Stop/StopAll gives the timer time the device wrote (± 1 s per pause).
        foreach (var e in events)
        {
            if (e.Kind == FitTimerEventKind.Start)
            {
                startedAt = e.TimeUtc;
            }
            else if (startedAt is { } s)
            {
                running += e.TimeUtc - s;
                startedAt = null;
            }
        }
        Assert.Equal(fit.Activity.Session!.TotalTimerSeconds!.Value, running.TotalSeconds, tolerance: events.Count);
    }

    [Fact]
    public void Session_summary_of_edge810_is_read_with_scales()
    {
        using var stream = Fixtures.Open(Fixtures.Fit("fitparse__Edge810-Vector-2013-08-16-15-35-10.fit"));
        var a = FitDecoder.Read(stream).Activity;
        var s = a.Session!;
        Assert.Equal(1296.229, s.TotalWorkKilojoules!.Value, 3);
        Assert.Equal(4700.05, s.TotalTimerSeconds!.Value, 3);
        Assert.Equal(41339.38, s.TotalDistanceMeters!.Value, 2);
        Assert.Equal(514, s.TotalAscentMeters);
        Assert.Equal(515, s.TotalDescentMeters);
        Assert.Equal(619, s.MaxPowerWatts);
        Assert.Equal("cycling", a.Sport);
        Assert.Equal("garmin", a.Device!.Manufacturer);
        Assert.Equal("edge810", a.Device.Product);
        Assert.Equal(new DateTime(2013, 8, 16, 18, 5, 8, DateTimeKind.Utc).Date, a.StartTimeUtc!.Value.Date);
        Assert.Equal(8, a.Laps.Count);
        Assert.Equal(s.TotalTimerSeconds!.Value, a.Laps.Sum(l => l.TotalTimerSeconds ?? 0), 0.5);
    }

    private static double D(string s) => double.Parse(s, NumberStyles.Float, CultureInfo.InvariantCulture);
}
