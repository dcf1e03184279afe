using CyclingCoach.ServiceDefaults.Storage;

namespace CyclingCoach.Routes.Storage;

/// <summary>The GPX volume: <c>{Storage:DataPath}/gpx/{sha256}.gpx</c>, a <see cref="ContentFileStore"/>.</summary>
public sealed class GpxFileStore(StorageOptions storage) : ContentFileStore(Path.Combine(storage.DataPath, "gpx"))
{
    public const string Extension = "gpx";
}
