using CyclingCoach.Coaching.Domain.Load;
using CyclingCoach.Coaching.Domain.Plans;

namespace CyclingCoach.Coaching.Domain.Chat;

/// <summary>What the built-in answers need, read by the caller: the current plan, the rider's date, rides and form.</summary>
/// <param name="Plan">The current plan; null when none exists.</param>
/// <param name="Today">The rider's local date.</param>
/// <param name="Rides">Rides done, at least this week's; the answers pick the dates they need.</param>
/// <param name="Fitness">CTL/ATL/TSB today; null when there is no training load yet.</param>
public sealed record ChatData(TrainingPlan? Plan, DateOnly Today, IReadOnlyList<DoneRide> Rides, FitnessSnapshot? Fitness);

public sealed record DoneRide(DateOnly Date, string Name, double DurationSeconds, double? TrainingStressScore);
