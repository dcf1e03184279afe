using CyclingCoach.ServiceDefaults;

namespace CyclingCoach.Sync.PlanPush;

/// <summary>Wakes the push worker when the desired state changed (it also polls, so a lost signal only delays).</summary>
public sealed class PlanPushSignal : WakeSignal;
