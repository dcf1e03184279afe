using System.Diagnostics;
using System.Text.RegularExpressions;
using OpenTelemetry;

namespace CyclingCoach.ServiceDefaults.Telemetry;

/// <summary>
/// Paths whose own segment is a credential: the plan's iCal feed (<c>…/calendar/{secret}.ics</c>, calendar apps send
/// no headers). The secret is written as <c>{secret}</c> wherever a path is logged or put on a span.
/// </summary>
public static partial class SecretPaths
{
    private static readonly string[] UrlTags = ["url.path", "url.full", "http.target", "http.url", "url.original"];

    public static string Redact(string path) => CalendarSecret().Replace(path, "/calendar/{secret}.ics");

    /// <summary>Rewrites the URL tags of every span as it ends, before the exporter sees it.</summary>
    public sealed class RedactingProcessor : BaseProcessor<Activity>
    {
        public override void OnEnd(Activity activity)
        {
            foreach (var tag in UrlTags)
            {
                if (activity.GetTagItem(tag) is string value && Redact(value) is var redacted && redacted != value)
                {
                    activity.SetTag(tag, redacted);
                }
            }

            if (Redact(activity.DisplayName) is var name && name != activity.DisplayName)
            {
                activity.DisplayName = name;
            }
        }
    }

    [GeneratedRegex(@"/calendar/[^/?#]+\.ics", RegexOptions.IgnoreCase)]
    private static partial Regex CalendarSecret();
}
