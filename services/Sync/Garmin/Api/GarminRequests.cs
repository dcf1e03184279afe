namespace CyclingCoach.Sync.Garmin.Api;

public sealed record GarminTicketRequest(string? Ticket);

public sealed record GarminLoginRequest(string? Username, string? Password);

public sealed record GarminMfaRequest(string? Code);
