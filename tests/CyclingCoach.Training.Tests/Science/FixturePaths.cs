namespace CyclingCoach.Training.Tests.Science;

/// <summary>Finds /shared/fixtures by walking up from the test binaries.</summary>
internal static class FixturePaths
{
    public static string Fixtures { get; } = Find();

    public static string Fit(string name) => Path.Combine(Fixtures, "fit", name);

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

        throw new DirectoryNotFoundException("No shared/fixtures directory above " + AppContext.BaseDirectory);
    }
}
