using System.ComponentModel.DataAnnotations;

namespace CyclingCoach.Coaching.Domain.Plans;

/// <summary>
/// A plan: consecutive weeks of seven days each, starting on a Monday. A day without workouts is a rest day.
/// Powers in <see cref="WorkoutStep"/> are fractions of FTP, so a plan stays valid when FTP changes.
/// </summary>
/// <param name="Weeks">1 to 8 weeks (the length bounds are part of the JSON schema a model answers in).</param>
public sealed record TrainingPlan(DateOnly StartDate, string Focus, [property: MinLength(1), MaxLength(8)] IReadOnlyList<PlanWeek> Weeks, string? Notes = null)
{
    public IEnumerable<PlanDay> Days => Weeks.SelectMany(w => w.Days);

    public DateOnly EndDate => StartDate.AddDays(Weeks.Count * 7 - 1);

    public PlanDay? Day(DateOnly date) => Days.FirstOrDefault(d => d.Date == date);
}

/// <param name="Focus">The week's purpose in words; a week planned below the rider's fitness says why here.</param>
/// <param name="Phase">Where the week sits in the season (coaching.md §4); old plans read as build weeks.</param>
public sealed record PlanWeek(int WeekNumber, string Focus, [property: MinLength(7), MaxLength(7)] IReadOnlyList<PlanDay> Days, PlanPhase Phase = PlanPhase.Build);

/// <param name="Event">The rider's event on this day, from their rules (stamped on every stored plan by <see cref="PlanEvents"/>).</param>
public sealed record PlanDay(DateOnly Date, IReadOnlyList<PlannedWorkout> Workouts, PlannedEvent? Event = null)
{
    /// <summary>No training session planned (an event day without sessions too: the event is not a workout).</summary>
    public bool IsRest => Workouts.Count == 0;

    public int DurationSeconds => Workouts.Sum(w => w.DurationSeconds);
}

public sealed record PlannedEvent(string Name, Rules.EventPriority Priority);

/// <summary>
/// A week's place in the season: base, build (and specialty) weeks carry the load; recovery, taper, race and
/// transition weeks are lighter on purpose.
/// </summary>
public enum PlanPhase
{
    Base,
    Build,
    Recovery,
    Taper,
    Race,
    Transition,
}

public static class PlanPhases
{
    /// <summary>A week planned lighter on purpose (below what the rider's fitness holds, for a stated reason).</summary>
    public static bool IsLighter(this PlanPhase phase) => phase is PlanPhase.Recovery or PlanPhase.Taper or PlanPhase.Race or PlanPhase.Transition;
}

/// <param name="Zone">The Coggan power zone (1–7) the session is built around.</param>
/// <param name="TargetTss">Training stress of the steps at the rider's FTP (<see cref="WorkoutSteps.Tss"/>).</param>
/// <param name="LibraryId">The library session it was fitted from (<see cref="Library.WorkoutCatalogue"/>); null for one built otherwise.</param>
/// <param name="PreparesFor">What of the A event's course the session prepares for ("Étape: the climb at km 83 …"); null for general training.</param>
public sealed record PlannedWorkout(
    WorkoutType Type,
    string Name,
    int DurationSeconds,
    int Zone,
    double TargetTss,
    [property: MinLength(1)] IReadOnlyList<WorkoutStep> Steps,
    string Description,
    string? LibraryId = null,
    string? PreparesFor = null);

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
