using CyclingCoach.ServiceDefaults;

namespace CyclingCoach.Sync.Runs;

/// <summary>Wakes the run worker when a run is queued (it also polls, so a lost signal only delays).</summary>
public sealed class SyncRunSignal : WakeSignal;
