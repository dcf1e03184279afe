namespace CyclingCoach.ServiceDefaults.Messaging;

/// <summary>Wakes the relay right after an outbox row is saved, so events leave in milliseconds, not a poll later.</summary>
public sealed class OutboxSignal : WakeSignal;
