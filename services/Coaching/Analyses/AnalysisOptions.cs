namespace CyclingCoach.Coaching.Analyses;

/// <summary>Section <c>Coaching:Analyses</c>.</summary>
public sealed class AnalysisOptions
{
    /// <summary>Analyse every newly imported workout.</summary>
    public bool AnalyzeImportedWorkouts { get; set; } = true;

    /// <summary>Attempts before an analysis is marked failed (a crash or an engine fault costs one).</summary>
    public int MaxAttempts { get; set; } = 3;

    /// <summary>How long a lease lasts unrenewed: the running worker renews it every third of this; a dead one's analysis is taken over after it.</summary>
    public int LeaseSeconds { get; set; } = 15;

    public double PollSeconds { get; set; } = 2;

    /// <summary>Pause before retrying a failed attempt, times the attempt number.</summary>
    public double RetryDelaySeconds { get; set; } = 30;

    /// <summary>
    /// When a threshold change moves a ride's numbers, its open review is analysed again if the ride is at most this
    /// many days old; an older one is marked stale instead (its suggestions were about days the 4-week plan has left
    /// behind, and re-running years of reviews after a first FTP would keep the coach busy for nothing). [E]
    /// </summary>
    public int RefreshDays { get; set; } = 28;

    /// <summary>
    /// How often the missed-session check runs (it offers each missed session once, so running often only makes the
    /// offer come sooner after midnight).
    /// </summary>
    public double MissedSessionCheckMinutes { get; set; } = 60;

    /// <summary>Analyses nobody approved are deleted after this many days.</summary>
    public int PurgeAfterDays { get; set; } = 180;
}

/// <summary>Wakes the analysis worker when an analysis is queued.</summary>
public sealed class AnalysisSignal : CyclingCoach.ServiceDefaults.WakeSignal;
