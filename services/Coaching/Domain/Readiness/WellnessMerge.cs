using CyclingCoach.Contracts;

namespace CyclingCoach.Coaching.Domain.Readiness;

/// <summary>One day's inputs from every source that sent it: each value from the first source that has it, Garmin first (it measures; intervals.icu mostly relays).</summary>
public static class WellnessMerge
{
    public static WellnessInput Merge(DateOnly date, IEnumerable<(WorkoutSource Source, WellnessMetrics Metrics)> days)
    {
        var ordered = days.OrderBy(d => d.Source == WorkoutSource.Garmin ? 0 : d.Source == WorkoutSource.IntervalsIcu ? 1 : 2).Select(d => d.Metrics).ToList();
        return new WellnessInput(
            date,
            ordered.Select(m => m.HrvMs).FirstOrDefault(v => v is not null),
            ordered.Select(m => m.SleepSeconds).FirstOrDefault(v => v is not null),
            ordered.Select(m => m.SleepScore).FirstOrDefault(v => v is not null),
            ordered.Select(m => m.RestingHeartRateBpm).FirstOrDefault(v => v is not null));
    }
}
