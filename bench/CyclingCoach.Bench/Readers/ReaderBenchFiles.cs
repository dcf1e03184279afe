namespace CyclingCoach.Bench.Readers;

/// <summary>
/// The fixture files both sides of the reader benchmarks use. <c>READERS_FIT_LIST</c> / <c>READERS_GPX_LIST</c> name a
/// file with one path per line (bench/scripts/readers/run.sh writes them, keeping only files the peer can read);
/// without them every fixture of that kind is used.
/// </summary>
internal static class ReaderBenchFiles
{
    public static IReadOnlyList<(string Path, byte[] Bytes)> Load(string envVar, string folder, string pattern)
    {
        var list = Environment.GetEnvironmentVariable(envVar);
        var paths = !string.IsNullOrEmpty(list) && File.Exists(list)
            ? File.ReadAllLines(list).Where(l => l.Length > 0).ToArray()
            : Directory.GetFiles(Path.Combine(FixtureRoot(), folder), pattern).Order(StringComparer.Ordinal).ToArray();
        return paths.Select(p => (p, File.ReadAllBytes(p))).ToList();
    }

    private static string FixtureRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared", "fixtures");
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }
        throw new DirectoryNotFoundException("No shared/fixtures above " + AppContext.BaseDirectory);
    }
}
