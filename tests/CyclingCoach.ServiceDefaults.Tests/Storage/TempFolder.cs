namespace CyclingCoach.ServiceDefaults.Tests.Storage;

/// <summary>A fresh folder under the system's temp folder, removed with the test.</summary>
public sealed class TempFolder : IDisposable
{
    public string Path { get; } = Directory.CreateDirectory(System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"coach-sd-{Guid.NewGuid():N}")).FullName;

    /// <summary>Every file under the folder, relative to it, sorted.</summary>
    public IReadOnlyList<string> Files() =>
        [.. Directory.EnumerateFiles(Path, "*", SearchOption.AllDirectories).Select(f => System.IO.Path.GetRelativePath(Path, f)).Order(StringComparer.Ordinal)];

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
