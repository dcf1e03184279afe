namespace CyclingCoach.Fakes;

/// <summary>Finds <c>shared/fixtures</c> by walking up from the test binaries.</summary>
public static class Fixtures
{
    public static string Root { get; } = Find();

    public static IEnumerable<string> FitFiles => Directory.EnumerateFiles(Path.Combine(Root, "fit"), "*.fit").OrderBy(f => f, StringComparer.Ordinal);

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared", "fixtures");
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new DirectoryNotFoundException($"No shared/fixtures above {AppContext.BaseDirectory}.");
    }
}
