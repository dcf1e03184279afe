using CyclingCoach.ServiceDefaults.Storage;

namespace CyclingCoach.Sync.Garmin.Storage;

/// <summary>Where Garmin keeps its files under <c>Storage:DataPath</c>.</summary>
public sealed class GarminFiles(StorageOptions storage)
{
    public string Directory { get; } = Path.Combine(storage.DataPath, "garmin");
    public string TokenPath => Path.Combine(Directory, "token.bin");
    public string StatePath => Path.Combine(Directory, "state.json");
}
