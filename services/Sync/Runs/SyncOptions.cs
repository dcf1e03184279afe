namespace CyclingCoach.Sync.Runs;

/// <summary><c>Sync:*</c>: run windows, the schedule, the run worker's lease and the threshold recompute batch.</summary>
public sealed class SyncOptions
{
    /// <summary>Scheduled sync every N hours for each connected source; 0 (the default) turns it off.</summary>
    public double ScheduleHours { get; set; }

    /// <summary>How often the scheduler looks for sources that are due.</summary>
    public double ScheduleCheckSeconds { get; set; } = 60;

    /// <summary>Import only cycling activities (Garmin parentTypeId 2 family, intervals.icu *Ride types).</summary>
    public bool CyclingOnly { get; set; } = true;

    /// <summary>Window of a source's first run when the request names none.</summary>
    public int DefaultDaysBack { get; set; } = 30;

    /// <summary>An incremental run starts this long before the end of the last successful run's window.</summary>
    public double IncrementalOverlapHours { get; set; } = 48;
    public int MaxDaysBack { get; set; } = 3660;

    /// <summary>A run's lease; a run whose lease ran out belonged to a dead process and is resumed.</summary>
    public double LeaseSeconds { get; set; } = 30;
    public double PollSeconds { get; set; } = 5;

    /// <summary>Rides per transaction when new thresholds are applied to stored rides.</summary>
    public int RecomputeBatchSize { get; set; } = 100;
}
