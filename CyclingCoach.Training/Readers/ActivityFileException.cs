using CyclingCoach.Training.Model;

namespace CyclingCoach.Training.Readers;

/// <summary>
/// A file that cannot be read as an activity. <see cref="Code"/> is stable (see <see cref="ActivityFileErrorCodes"/>)
/// and is what callers map to a ProblemDetails <c>type</c>; the message is for humans and logs only.
/// </summary>
public sealed class ActivityFileException(
    string code,
    string message,
    ActivityFormat? format = null,
    long? byteOffset = null,
    int? lineNumber = null,
    Exception? innerException = null) : Exception(message, innerException)
{
    /// <summary>Stable, machine-readable error code, e.g. <c>fit_bad_header</c> or <c>dtd_prohibited</c>.</summary>
    public string Code { get; } = code;

    /// <summary>The format the reader was decoding when it failed; null when the format could not be determined.</summary>
    public ActivityFormat? Format { get; } = format;

    /// <summary>Byte offset in the input where the problem was found, when known.</summary>
    public long? ByteOffset { get; } = byteOffset;

    /// <summary>1-based line number for XML errors, when known.</summary>
    public int? LineNumber { get; } = lineNumber;
}
