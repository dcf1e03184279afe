namespace CyclingCoach.Coaching.Coach.Plans;

/// <summary>
/// A plan: consecutive weeks of seven days each, starting on a Monday. A day without workouts is a rest day.
/// Powers in <see cref="WorkoutStep"/> are fractions of FTP, so a plan stays valid when FTP changes.
/// </summary>
public sealed record TrainingPlan(DateOnly StartDate, string Focus, IReadOnlyList<PlanWeek> Weeks, string? Notes = null)
{
    public IEnumerable<PlanDay> Days => Weeks.SelectMany(w => w.Days);

    public DateOnly EndDate => StartDate.AddDays(Weeks.Count * 7 - 1);

    public PlanDay? Day(DateOnly date) => Days.FirstOrDefault(d => d.Date == date);
}

public sealed record PlanWeek(int WeekNumber, string Focus, IReadOnlyList<PlanDay> Days);

public sealed record PlanDay(DateOnly Date, IReadOnlyList<PlannedWorkout> Workouts)
{
    public bool IsRest => Workouts.Count == 0;

    public int DurationSeconds => Workouts.Sum(w => w.DurationSeconds);
}

/// <param name="Zone">The Coggan power zone (1–7) the session is built around.</param>
/// <param name="TargetTss">Training stress of the steps at the rider's FTP (<see cref="WorkoutSteps.Tss"/>).</param>
public sealed record PlannedWorkout(
    WorkoutType Type,
    string Name,
    int DurationSeconds,
    int Zone,
    double TargetTss,
    IReadOnlyList<WorkoutStep> Steps,
    string Description);

public enum WorkoutType
{
    Recovery,
    Endurance,
    LongRide,
    Tempo,
    SweetSpot,
    Threshold,
    Vo2Max,
    Anaerobic,
    Sprint,
}

public static class WorkoutTypes
{
    /// <summary>Sessions that count against "max hard sessions" and "no back-to-back hard days".</summary>
    public static bool IsHard(this WorkoutType type) => type is WorkoutType.SweetSpot or WorkoutType.Threshold
        or WorkoutType.Vo2Max or WorkoutType.Anaerobic or WorkoutType.Sprint;
}

public enum StepKind
{
    Warmup,
    Steady,
    Intervals,
    Cooldown,
}

/// <summary>
/// One block of a structured workout. Warmup and cooldown ramp from <paramref name="PowerLow"/> to
/// <paramref name="PowerHigh"/>; steady holds their mean; intervals repeat <paramref name="DurationSeconds"/> at
/// <paramref name="PowerHigh"/> and <paramref name="OffDurationSeconds"/> at <paramref name="OffPower"/>
/// <paramref name="Repeat"/> times. Powers are fractions of FTP.
/// </summary>
public sealed record WorkoutStep(
    StepKind Kind,
    int DurationSeconds,
    double PowerLow,
    double PowerHigh,
    int Repeat = 1,
    int OffDurationSeconds = 0,
    double OffPower = 0,
    int? CadenceRpm = null)
{
    public int TotalSeconds => Kind == StepKind.Intervals ? Repeat * (DurationSeconds + OffDurationSeconds) : DurationSeconds;
}
