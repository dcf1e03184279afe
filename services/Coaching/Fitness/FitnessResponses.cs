namespace CyclingCoach.Coaching.Fitness;

/// <param name="Projected">After today: the load is the current plan's planned TSS, not a ride.</param>
public sealed record FitnessDay(DateOnly Date, double Load, double Ctl, double Atl, double Tsb, bool Projected);

public sealed record FitnessResponse(DateOnly From, DateOnly To, DateOnly Today, double CtlDays, double AtlDays, string Smoothing, IReadOnlyList<FitnessDay> Days);

public sealed record PowerCurvePoint(int DurationSeconds, double Watts, Guid WorkoutId, DateOnly Date);

public sealed record PowerCurveWindow(string Name, DateOnly? From, IReadOnlyList<PowerCurvePoint> Points);

public sealed record PowerCurveResponse(IReadOnlyList<PowerCurveWindow> Windows);
