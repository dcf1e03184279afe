using CyclingCoach.Coaching.Domain.Plans;

namespace CyclingCoach.Coaching.Domain.Library;

/// <summary>What a library session is for: the energy system it trains or the situation it rehearses.</summary>
public enum LibraryCategory
{
    Recovery,
    Endurance,
    Tempo,
    SweetSpot,
    Threshold,
    OverUnders,
    Vo2Max,
    Anaerobic,
    Sprints,
    LongRide,
    LowCadence,
    RaceSimulation,
}

/// <summary>
/// One curated session at its own length: warm-up, main set, cool-down, every power a fraction of FTP and a cadence
/// where the session is about cadence. <see cref="Type"/> is what the plan counts it as (hard or easy, its energy system
/// for progression); <see cref="Level"/> its difficulty in that system (<see cref="ProgressionLevels"/>).
/// </summary>
/// <param name="Id">Stable id, kebab-case (the LLM answers with it; plans keep it on the session).</param>
/// <param name="Purpose">Why a coach gives this session, in one or two sentences.</param>
/// <param name="Source">Where the session comes from (tags of Domain/Library/README.md; [E] = coaching practice, no trial).</param>
public sealed record LibraryWorkout(string Id, string Name, LibraryCategory Category, WorkoutType Type, string Purpose, string Source, IReadOnlyList<WorkoutStep> Steps)
{
    public int DurationSeconds => WorkoutSteps.TotalSeconds(Steps);

    public double Tss => WorkoutSteps.Tss(Steps);

    public int Zone => WorkoutLibrary.Zone(Type);

    /// <summary>Difficulty 1–10 in its energy system, from the time it holds at that system's intensity.</summary>
    public int Level => ProgressionLevels.Of(Type, Steps);

    /// <summary>The session at its own length, as a plan holds it.</summary>
    public PlannedWorkout ToPlanned() => LibraryFit.Fit(this, DurationSeconds);
}
