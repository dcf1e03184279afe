using CyclingCoach.ServiceDefaults;

namespace CyclingCoach.Sync.Recompute;

/// <summary>Wakes the recompute worker when a new threshold history is stored (it also polls, so a lost signal only delays).</summary>
public sealed class ThresholdRecomputeSignal : WakeSignal;
