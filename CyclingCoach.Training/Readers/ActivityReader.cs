using CyclingCoach.Training.Model;

namespace CyclingCoach.Training.Readers;

/// <summary>
/// The single entry point for uploaded or downloaded activity files. The format is sniffed from the content
/// (FIT header magic, XML root element); the file name hint is only used to warn about a misleading extension and,
/// for XML whose root lies beyond the sniffed prefix, to choose which XML reader validates it.
/// Failures are <see cref="ActivityFileException"/> with a stable <see cref="ActivityFileException.Code"/>.
/// </summary>
public static class ActivityReader
{
    /// <summary>Reads a FIT, GPX or TCX activity for ride import.</summary>
    public static ActivityData Read(Stream stream, string? fileNameHint = null, ActivityReaderOptions? options = null) =>
        ReadFile(stream, fileNameHint, options).Activity;

    /// <summary>Like <see cref="Read"/>, keeping the format-specific detail (FIT timer events and sessions, GPX shape).</summary>
    public static ActivityFile ReadFile(Stream stream, string? fileNameHint = null, ActivityReaderOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(stream);
        options ??= ActivityReaderOptions.Default;
        var prefix = new byte[FormatSniffer.PrefixLength];
        var length = 0;
        while (length < prefix.Length)
        {
            var n = stream.Read(prefix, length, prefix.Length - length);
            if (n <= 0)
            {
                break;
            }
            length += n;
        }
        if (length == 0)
        {
            throw new ActivityFileException(ActivityFileErrorCodes.Empty, "The file is empty.", null, 0);
        }

        var sniff = FormatSniffer.Sniff(prefix.AsSpan(0, length));
        var format = sniff.Format;
        if (format is null && sniff.LooksLikeXml && sniff.XmlRoot is null)
        {
            // XML whose root is beyond the prefix (a huge comment): let the hinted XML reader validate the root itself.
            format = ExtensionFormat(fileNameHint) is ActivityFormat.Tcx ? ActivityFormat.Tcx : ActivityFormat.Gpx;
        }
        if (format is null)
        {
            var what = sniff.XmlRoot is not null ? $"XML with root <{sniff.XmlRoot}>" : "neither FIT nor XML";
            throw new ActivityFileException(ActivityFileErrorCodes.UnsupportedFormat, $"Unsupported file content ({what}); expected FIT, GPX or TCX.", null, 0);
        }

        var input = new PrefixedStream(prefix, length, stream);
        ActivityFile result = format switch
        {
            ActivityFormat.Fit => FromFit(FitDecoder.Read(input, options)),
            ActivityFormat.Gpx => FromGpx(GpxReader.Read(input, options)),
            _ => new ActivityFile(TcxReader.Read(input, options), null, null),
        };

        var hinted = ExtensionFormat(fileNameHint);
        if (hinted is { } h && h != result.Format)
        {
            var warnings = new List<string>(result.Activity.Warnings)
            {
                ReaderWarningCodes.Format(ReaderWarningCodes.ExtensionMismatch, $"the file name suggests {h} but the content is {result.Format}."),
            };
            result = result with { Activity = result.Activity with { Warnings = warnings } };
        }
        return result;
    }

    private static ActivityFile FromFit(FitActivity fit) => new(fit.Activity, fit, null);

    private static ActivityFile FromGpx(GpxDocument gpx) => new(gpx.ToActivityData(), null, gpx);

    private static ActivityFormat? ExtensionFormat(string? fileName) =>
        Path.GetExtension(fileName ?? "").ToLowerInvariant() switch
        {
            ".fit" => ActivityFormat.Fit,
            ".gpx" => ActivityFormat.Gpx,
            ".tcx" => ActivityFormat.Tcx,
            _ => null,
        };
}
