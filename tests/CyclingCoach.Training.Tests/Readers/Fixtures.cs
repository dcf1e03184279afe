namespace CyclingCoach.Training.Tests.Readers;

/// <summary>Locates the shared, read-only fixture corpus (a sibling <c>shared/fixtures</c> of the repo); never copied into the repo.</summary>
internal static class Fixtures
{
    private static readonly Lazy<string> RootDir = new(FindRoot);

    public static string Root => RootDir.Value;

    public static string Fit(string name) => Path.Combine(Root, "fit", name);

    public static string Gpx(string name) => Path.Combine(Root, "gpx", name);

    public static FileStream Open(string path) => new(path, FileMode.Open, FileAccess.Read, FileShare.Read, 64 * 1024);

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared", "fixtures");
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }
        throw new DirectoryNotFoundException($"No 'shared/fixtures' folder above {AppContext.BaseDirectory}.");
    }
}
