using CyclingCoach.ServiceDefaults.Storage;

namespace CyclingCoach.Sync.Import;

/// <summary>
/// Original activity files: <c>Storage:DataPath/files/{sha256[..2]}/{sha256}.{format}</c> (fit, gpx, tcx), a
/// <see cref="ContentFileStore"/>.
/// </summary>
public sealed class WorkoutFileStore(StorageOptions storage) : ContentFileStore(Path.Combine(storage.DataPath, "files"), shardByPrefix: true);
