namespace CyclingCoach.Training.Readers;

public enum FitTimerEventKind
{
    /// <summary>event=timer, event_type=start (recording (re)started).</summary>
    Start,

    /// <summary>event=timer, event_type=stop (auto/manual pause).</summary>
    Stop,

    /// <summary>event=timer, event_type=stop_all / stop_disable / stop_disable_all (end of recording).</summary>
    StopAll,
}
