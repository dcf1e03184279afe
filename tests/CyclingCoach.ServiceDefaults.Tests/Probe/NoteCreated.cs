namespace CyclingCoach.ServiceDefaults.Tests.Probe;

public record NoteCreated(Guid NoteId, string Text);
