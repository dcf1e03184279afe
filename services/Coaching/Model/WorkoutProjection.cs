using System.Linq.Expressions;
using CyclingCoach.Coaching.Domain.Analyses;
using CyclingCoach.Coaching.Domain.Load;
using CyclingCoach.Contracts;

namespace CyclingCoach.Coaching.Model;

/// <summary>Coaching's own copy of a workout, built from <see cref="WorkoutImported"/> (no service reads another's database).</summary>
public sealed class WorkoutProjection
{
    /// <summary>The Sync service's workout id (the natural key of the projection).</summary>
    public Guid WorkoutId { get; init; }
    public WorkoutSource Source { get; set; }
    public required string Name { get; set; }
    public string? Sport { get; set; }
    public DateTime StartTimeUtc { get; set; }
    public int StartUtcOffsetMinutes { get; set; }

    /// <summary>The ride's day where it was ridden: plans, fitness and compliance count by it.</summary>
    public DateOnly LocalDate { get; set; }
    public double DurationSeconds { get; set; }
    public double DistanceMeters { get; set; }
    public double? AveragePower { get; set; }
    public double? AverageHeartRate { get; set; }
    public double? NormalizedPower { get; set; }
    public double? TrainingStressScore { get; set; }
    public double? HeartRateStressScore { get; set; }
    public double? IntensityFactor { get; set; }
    public double? FtpUsedWatts { get; set; }
    public double? TrainingLoad { get; set; }
    public string? TrainingLoadSource { get; set; }
    public IReadOnlyList<MeanMaxPoint>? MeanMax { get; set; }
    public double[]? PowerZoneSeconds { get; set; }
    public double[]? HeartRateZoneSeconds { get; set; }
    public DateTime ReceivedAt { get; set; } = DateTime.UtcNow;

    /// <summary>Whether the ride's load counts for fitness (<see cref="RideLoadState"/>); set on import and by the rider.</summary>
    public RideLoadState LoadState { get; set; }

    /// <summary>The ride's load and power count (<see cref="Counts"/>, in memory).</summary>
    public bool CountsForLoad => LoadState is not (RideLoadState.Held or RideLoadState.Excluded);

    /// <summary>
    /// The one definition of a ride's load, for fitness and compliance (translated to SQL): Sync's training load
    /// (TSS, HRSS or its estimate), else TSS, else HRSS (rides projected before Sync sent a load), else 0.
    /// </summary>
    public static Expression<Func<WorkoutProjection, RideLoad>> ToRideLoad { get; } = w => new RideLoad
    {
        WorkoutId = w.WorkoutId,
        Date = w.LocalDate,
        DurationSeconds = w.DurationSeconds,
        Load = w.LoadState == RideLoadState.Held || w.LoadState == RideLoadState.Excluded ? 0 : w.TrainingLoad ?? w.TrainingStressScore ?? w.HeartRateStressScore ?? 0,
    };

    /// <summary>The rides whose power is trusted: not held for implausible data, not excluded by the rider.</summary>
    public static Expression<Func<WorkoutProjection, bool>> Counts { get; } = w => w.LoadState != RideLoadState.Held && w.LoadState != RideLoadState.Excluded;

    public void Apply(WorkoutImported message)
    {
        Source = message.Source;
        Name = message.Name;
        Sport = message.Sport;
        StartTimeUtc = message.StartTime.UtcDateTime;
        StartUtcOffsetMinutes = (int)message.StartTime.Offset.TotalMinutes;
        LocalDate = DateOnly.FromDateTime(message.StartTime.DateTime);
        DurationSeconds = message.DurationSeconds;
        DistanceMeters = message.DistanceMeters;
        AveragePower = message.AveragePowerWatts;
        AverageHeartRate = message.AverageHeartRateBpm;
        ApplyMetrics(message.Metrics);
        ReceivedAt = DateTime.UtcNow;
    }

    public void ApplyMetrics(WorkoutMetrics? metrics)
    {
        NormalizedPower = metrics?.NormalizedPowerWatts;
        TrainingStressScore = metrics?.TrainingStressScore;
        HeartRateStressScore = metrics?.HeartRateStressScore;
        IntensityFactor = metrics?.IntensityFactor;
        FtpUsedWatts = metrics?.FtpUsedWatts;
        TrainingLoad = metrics?.TrainingLoad;
        TrainingLoadSource = metrics?.TrainingLoadSource;
        MeanMax = metrics?.MeanMax;
        PowerZoneSeconds = metrics?.PowerZoneSeconds?.ToArray();
        HeartRateZoneSeconds = metrics?.HeartRateZoneSeconds?.ToArray();
        CheckPlausibility();
    }

    /// <summary>
    /// Holds the ride out of the load while its numbers are impossible (IF above 1.05 for over an hour: a wrong FTP or
    /// bad data, <see cref="CoachingPrinciples.IsImplausible"/>), and counts it again once they are not (new metrics
    /// after an FTP change). The rider's own answer (<see cref="RideLoadState.Excluded"/> or
    /// <see cref="RideLoadState.Confirmed"/>) is never overridden.
    /// </summary>
    public void CheckPlausibility()
    {
        if (LoadState is RideLoadState.Counted or RideLoadState.Held)
        {
            LoadState = CoachingPrinciples.IsImplausible(IntensityFactor, DurationSeconds) ? RideLoadState.Held : RideLoadState.Counted;
        }
    }
}

/// <summary>Whether a ride's load counts for fitness (coaching.md §5 "Implausible data").</summary>
public enum RideLoadState
{
    Counted,

    /// <summary>Impossible numbers: out of the load until the rider says whether the FTP or the file is wrong.</summary>
    Held,

    /// <summary>The rider said the power data is wrong: out of the load.</summary>
    Excluded,

    /// <summary>The rider said the ride is right as it is: counted whatever its numbers.</summary>
    Confirmed,
}

/// <summary>A ride as fitness and compliance count it (<see cref="WorkoutProjection.ToRideLoad"/>).</summary>
public sealed class RideLoad
{
    public Guid WorkoutId { get; init; }
    public DateOnly Date { get; init; }
    public double DurationSeconds { get; init; }
    public double Load { get; init; }
}
