using System.Text.RegularExpressions;

namespace CyclingCoach.AppHost;

/// <summary>
/// The broker's plugins folder holding only what it runs: the core (<c>rabbit</c>, <c>rabbitmq_prelaunch</c>), the
/// enabled plugins and every application they need (read from each one's <c>ebin/*.app</c>), as links into Debian's
/// folder. Debian's holds ≈ 70 applications, and the broker's boot reads all of them (plugin discovery, the config
/// schemas, the code path): with the 26 it runs the part before its first log line took 3 s instead of 7
/// (bench/RESULTS.md, issue 23 "less work at start").
/// </summary>
public static partial class RabbitPlugins
{
    private const string Installed = "/usr/lib/rabbitmq/lib";

    /// <summary>The folder for <c>RABBITMQ_PLUGINS_DIR</c>, or null (the broker's own) when Debian's is not found.</summary>
    public static string? Prepare(string folder, IEnumerable<string> enabled)
    {
        var installed = Directory.Exists(Installed) ? Directory.GetDirectories(Installed, "rabbitmq_server-*") : [];
        if (installed.Length != 1)
        {
            return null;
        }

        var source = Path.Combine(installed[0], "plugins");
        var apps = new Dictionary<string, (string Folder, IReadOnlyList<string> Needs)>();
        foreach (var dir in Directory.GetDirectories(source))
        {
            var name = AppName().Match(Path.GetFileName(dir));
            var app = Path.Combine(dir, "ebin", name.Groups[1].Value + ".app");
            if (name.Success && File.Exists(app))
            {
                var text = File.ReadAllText(app);
                apps[name.Groups[1].Value] = (dir, Needs().Matches(text).SelectMany(m => m.Groups[1].Value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)).ToList());
            }
        }

        var wanted = new HashSet<string>();
        var queue = new Queue<string>(["rabbit", "rabbitmq_prelaunch", .. enabled]);
        while (queue.TryDequeue(out var app))
        {
            if (apps.TryGetValue(app, out var found) && wanted.Add(app))
            {
                foreach (var need in found.Needs)
                {
                    queue.Enqueue(need);
                }
            }
        }

        var target = Path.Combine(folder, "plugins");
        if (Directory.Exists(target))
        {
            Directory.Delete(target, recursive: true);
        }
        Directory.CreateDirectory(target);
        foreach (var app in wanted)
        {
            Directory.CreateSymbolicLink(Path.Combine(target, Path.GetFileName(apps[app].Folder)), apps[app].Folder);
        }
        return target;
    }

    [GeneratedRegex(@"^(.+?)-\d[^-]*$")]
    private static partial Regex AppName();

    [GeneratedRegex(@"\{\s*(?:applications|included_applications)\s*,\s*\[([^\]]*)\]")]
    private static partial Regex Needs();
}
