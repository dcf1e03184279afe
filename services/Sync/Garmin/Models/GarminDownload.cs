namespace CyclingCoach.Sync.Garmin.Models;

/// <summary>A downloaded original: usually a zip holding <c>{id}_ACTIVITY.fit</c>.</summary>
public sealed record GarminDownload(string FileName, string ContentType, byte[] Content);
