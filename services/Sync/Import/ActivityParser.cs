using System.Security.Cryptography;
using CyclingCoach.Training.Model;
using CyclingCoach.Training.Readers;
using CyclingCoach.Training.Science;

namespace CyclingCoach.Sync.Import;

/// <summary>
/// Bytes → <see cref="ParsedActivity"/> with CyclingCoach.Training (format sniffed from content, FIT pauses applied,
/// session window kept, resampled to 1 Hz). Pure: nothing is stored, so a rejected file leaves nothing behind.
/// </summary>
public static class ActivityParser
{
    public static ParsedActivity Parse(byte[] content, string? entryName, long maxBytes)
    {
        ActivityFile file;
        try
        {
            file = ActivityReader.ReadFile(new MemoryStream(content, writable: false), entryName,
                ActivityReaderOptions.Default with { MaxFitBytes = maxBytes, MaxInputBytes = maxBytes });
        }
        catch (ActivityFileException e)
        {
            var status = e.Code switch
            {
                ActivityFileErrorCodes.UnsupportedFormat => 415,
                ActivityFileErrorCodes.TooLarge or ActivityFileErrorCodes.TooManyPoints => 413,
                _ => 400,
            };
            throw new ImportRejectedException(status, e.Code, e.Message, entryName);
        }

        var activity = file.Activity;
        var streams = file.Fit is { } fit ? ActivityStreams.FromFit(fit) : ActivityStreams.FromActivity(activity);
        var parsed = new ParsedActivity(content, Convert.ToHexStringLower(SHA256.HashData(content)), activity.Format, activity, streams, entryName);
        if (parsed.StartUtc is null)
        {
            throw new ImportRejectedException(400, "no_start_time", "The file has no timestamps, so it is not a recorded ride (a route or a settings file?).", entryName);
        }

        if (streams.Length == 0 && activity.Session?.TotalElapsedSeconds is not > 0)
        {
            throw new ImportRejectedException(400, "no_activity", "The file holds neither records nor a session summary.", entryName);
        }

        return parsed;
    }

    public static string Extension(ActivityFormat format) => format switch
    {
        ActivityFormat.Fit => "fit",
        ActivityFormat.Gpx => "gpx",
        _ => "tcx",
    };
}
