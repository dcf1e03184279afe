using System.Text;
using CyclingCoach.Training.Model;
using CyclingCoach.Training.Readers;

namespace CyclingCoach.Training.Tests.Readers;

public sealed class TcxReaderTests
{
    private static ActivityData Read(string xml, ActivityReaderOptions? options = null) => TcxReader.Read(new MemoryStream(Encoding.UTF8.GetBytes(xml)), options);

    private static string FailCode(string xml, ActivityReaderOptions? options = null)
    {
        var ex = Assert.Throws<ActivityFileException>(() => Read(xml, options));
        Assert.Equal(ActivityFormat.Tcx, ex.Format);
        return ex.Code;
    }

    [Fact]
    public void Edge_ride_reads_points_laps_extensions_and_creator()
    {
        var a = Read(TcxSamples.EdgeRide);
        Assert.Equal(ActivityFormat.Tcx, a.Format);
        Assert.Equal("cycling", a.Sport);
        Assert.Equal(new DateTime(2024, 5, 4, 7, 30, 0, DateTimeKind.Utc), a.StartTimeUtc);
        Assert.Equal(5, a.Points.Count);

        var p = a.Points[1];
        Assert.Equal(new DateTime(2024, 5, 4, 7, 30, 1, DateTimeKind.Utc), p.TimeUtc);
        Assert.Equal(45.18856, p.Latitude);
        Assert.Equal(5.72458, p.Longitude);
        Assert.Equal(212.6, p.ElevationMeters);
        Assert.Equal(7.1, p.DistanceMeters);
        Assert.Equal(121, p.HeartRateBpm);
        Assert.Equal(86, p.CadenceRpm);
        Assert.Equal(7.1, p.SpeedMps);
        Assert.Equal(240, p.PowerWatts);
        Assert.True(double.IsNaN(p.TemperatureCelsius));

        Assert.False(a.Points[2].HasPosition); // tunnel: no <Position>, point kept
        Assert.Equal(251, a.Points[2].PowerWatts);
        Assert.True(double.IsNaN(a.Points[4].PowerWatts)); // no Watts: missing, not 0
        Assert.True(double.IsNaN(a.Points[4].CadenceRpm));

        Assert.Equal(2, a.Laps.Count);
        Assert.Equal(new DateTime(2024, 5, 4, 7, 30, 3, DateTimeKind.Utc), a.Laps[1].StartTimeUtc);
        Assert.Equal(3.0, a.Laps[0].TotalTimerSeconds);
        Assert.Equal(21.5, a.Laps[0].TotalDistanceMeters);
        Assert.Equal(121, a.Laps[0].AverageHeartRateBpm); // not the MaximumHeartRateBpm 125
        Assert.Equal(224, a.Laps[0].AveragePowerWatts);
        Assert.Null(a.Laps[1].AveragePowerWatts);

        Assert.Equal(5.0, a.Session!.TotalTimerSeconds);
        Assert.Equal(35.5, a.Session.TotalDistanceMeters);
        Assert.Equal("Edge 530", a.Device!.Product);
        Assert.Equal("9.10", a.Device.SoftwareVersion);
        Assert.Empty(a.Warnings);
    }

    [Fact]
    public void Indoor_trainer_with_default_namespace_extensions()
    {
        var a = Read(TcxSamples.IndoorTrainer);
        Assert.Equal(2, a.Points.Count);
        Assert.All(a.Points, p => Assert.False(p.HasPosition));
        Assert.Equal([205.0, 210], a.Points.Select(p => p.PowerWatts));
        Assert.Equal([8.1, 8.2], a.Points.Select(p => p.SpeedMps));
        Assert.Equal(100, a.Points[0].HeartRateBpm);
    }

    [Fact]
    public void Course_reads_name_and_track()
    {
        var a = Read(TcxSamples.Course);
        Assert.Equal("Col de Porte", a.Name);
        Assert.Equal(3, a.Points.Count);
        Assert.Equal(410, a.Points[2].ElevationMeters);
        Assert.Null(a.Points[0].TimeUtc);
    }

    [Fact]
    public void Hostile_and_broken_tcx_give_typed_errors()
    {
        Assert.Equal(ActivityFileErrorCodes.DtdProhibited, FailCode("<?xml version=\"1.0\"?><!DOCTYPE TrainingCenterDatabase [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><TrainingCenterDatabase>&x;</TrainingCenterDatabase>"));
        Assert.Equal(ActivityFileErrorCodes.MalformedXml, FailCode(TcxSamples.EdgeRide[..(TcxSamples.EdgeRide.Length / 2)]));
        Assert.Equal(ActivityFileErrorCodes.NotTcx, FailCode("<gpx version=\"1.1\"/>"));
        Assert.Equal(ActivityFileErrorCodes.NoPoints, FailCode("<TrainingCenterDatabase><Activities/></TrainingCenterDatabase>"));
        Assert.Equal(ActivityFileErrorCodes.Empty, FailCode(""));
        Assert.Equal(ActivityFileErrorCodes.TooManyPoints, FailCode(TcxSamples.EdgeRide, new ActivityReaderOptions { MaxPoints = 4 }));
        Assert.Equal(ActivityFileErrorCodes.TooLarge, FailCode(TcxSamples.EdgeRide, new ActivityReaderOptions { MaxInputBytes = 1000 }));
    }

    [Fact]
    public void Numbers_are_parsed_invariantly_and_a_comma_decimal_is_not_misread()
    {
        Assert.Equal(212.6, Read(TcxSamples.EdgeRide).Points[1].ElevationMeters);
        // A comma decimal is not a number in TCX/GPX: it is left missing with a warning, never misread as 2126.
        var bad = Read(TcxSamples.EdgeRide.Replace("<AltitudeMeters>212.6</AltitudeMeters>", "<AltitudeMeters>212,6</AltitudeMeters>", StringComparison.Ordinal));
        Assert.True(double.IsNaN(bad.Points[1].ElevationMeters));
        Assert.True(ReaderWarningCodes.Has(bad.Warnings, ReaderWarningCodes.InvalidValues));
    }
}
