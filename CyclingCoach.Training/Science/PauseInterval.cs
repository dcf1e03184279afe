using CyclingCoach.Training.Readers;

namespace CyclingCoach.Training.Science;

/// <summary>A pause in recording (timer stopped) from <see cref="StartUtc"/> to <see cref="EndUtc"/>.</summary>
public readonly record struct PauseInterval(DateTime StartUtc, DateTime EndUtc)
{
    /// <summary>
    /// Pairs each timer Stop/StopAll with the next Start. A stop with no later start is dropped (the recording ended).
    /// </summary>
    public static IReadOnlyList<PauseInterval> FromFitTimerEvents(IReadOnlyList<FitTimerEvent> events)
    {
        ArgumentNullException.ThrowIfNull(events);
        var result = new List<PauseInterval>();
        DateTime? stoppedAt = null;
        foreach (var e in events.OrderBy(x => x.TimeUtc))
        {
            if (e.Kind == FitTimerEventKind.Start)
            {
                if (stoppedAt is { } stop && e.TimeUtc > stop)
                {
                    result.Add(new PauseInterval(stop, e.TimeUtc));
                }

                stoppedAt = null;
            }
            else
            {
                stoppedAt ??= e.TimeUtc;
            }
        }

        return result;
    }
}
