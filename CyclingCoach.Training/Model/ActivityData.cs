namespace CyclingCoach.Training.Model;

public enum ActivityFormat { Fit, Gpx, Tcx }

/// <summary>What a reader returns for a recorded activity: the samples plus whatever summary the file carried.</summary>
public sealed record ActivityData(
    ActivityFormat Format,
    DateTime? StartTimeUtc,
    string? Sport,
    string? SubSport,
    string? Name,
    IReadOnlyList<TrackPoint> Points,
    IReadOnlyList<LapData> Laps,
    SessionData? Session,
    DeviceData? Device,
    IReadOnlyList<string> Warnings);

/// <summary>Session summary as written by the device (FIT session message, TCX/GPX totals where present).</summary>
public sealed record SessionData(
    DateTime? StartTimeUtc,
    double? TotalElapsedSeconds,
    double? TotalTimerSeconds,
    double? TotalDistanceMeters,
    double? TotalAscentMeters,
    double? TotalDescentMeters,
    double? AveragePowerWatts,
    double? MaxPowerWatts,
    double? NormalizedPowerWatts,
    double? TrainingStressScore,
    double? IntensityFactor,
    double? ThresholdPowerWatts,
    double? AverageHeartRateBpm,
    double? MaxHeartRateBpm,
    double? AverageCadenceRpm,
    double? AverageSpeedMps,
    double? TotalWorkKilojoules,
    string? Sport,
    string? SubSport);

public sealed record LapData(
    DateTime? StartTimeUtc,
    double? TotalElapsedSeconds,
    double? TotalTimerSeconds,
    double? TotalDistanceMeters,
    double? AveragePowerWatts,
    double? AverageHeartRateBpm);

public sealed record DeviceData(string? Manufacturer, string? Product, string? SerialNumber, string? SoftwareVersion);
