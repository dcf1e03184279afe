namespace CyclingCoach.ServiceDefaults.Storage;

/// <summary><c>Storage:DataPath</c>: the service's own folder (a volume in compose) for files it keeps.</summary>
public sealed record StorageOptions(string DataPath);
