namespace CyclingCoach.Training.Readers;

/// <summary>A FIT timer start/stop event, in file order; downstream pause handling pairs Stop with the next Start.</summary>
public readonly record struct FitTimerEvent(DateTime TimeUtc, FitTimerEventKind Kind);
