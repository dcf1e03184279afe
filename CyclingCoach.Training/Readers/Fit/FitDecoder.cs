using System.Buffers;
using CyclingCoach.Training.Model;

namespace CyclingCoach.Training.Readers;

/// <summary>
/// Decodes FIT activity files (our own decoder, no FIT SDK): 12/14-byte headers with header and file CRC, normal and
/// compressed-timestamp record headers, little- and big-endian definitions, developer fields (skipped), chained FIT
/// files, invalid sentinels as NaN/null.
/// <para>Policy for damaged files:</para>
/// <list type="bullet">
/// <item>empty input → <c>empty</c>; bad first header (size, magic) → <c>fit_bad_header</c>; non-zero header CRC that
/// does not match → <c>fit_header_crc</c>; nothing decodable before the damage → <c>fit_truncated</c>/<c>fit_corrupt</c>.</item>
/// <item>truncated data section, or a corrupt definition/undefined local type mid-file → the valid prefix is returned
/// with a <c>fit_truncated</c>/<c>fit_corrupt</c> warning; decoding stops there (chained files after it are not read).</item>
/// <item>file CRC mismatch → warning <c>fit_crc_mismatch</c> (data kept), or an exception with
/// <see cref="ActivityReaderOptions.RequireValidCrc"/>.</item>
/// <item>bytes after a complete FIT file that are not another FIT header → warning <c>fit_trailing_data</c>.</item>
/// </list>
/// </summary>
public static class FitDecoder
{
    /// <summary>Reads the whole stream (bounded by <see cref="ActivityReaderOptions.MaxFitBytes"/>) into a pooled buffer and decodes it.</summary>
    public static FitActivity Read(Stream stream, ActivityReaderOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(stream);
        options ??= ActivityReaderOptions.Default;
        if (stream is MemoryStream ms && ms.TryGetBuffer(out var segment))
        {
            var start = (int)ms.Position;
            var length = segment.Count - start;
            if (length > options.MaxFitBytes)
            {
                throw TooLarge(options);
            }
            ms.Position = segment.Count;
            return Decode(segment.AsSpan(start, length), options);
        }

        var initial = 64 * 1024;
        if (stream.CanSeek)
        {
            var remaining = stream.Length - stream.Position;
            if (remaining > options.MaxFitBytes)
            {
                throw TooLarge(options);
            }
            initial = (int)Math.Max(1, remaining + 1);
        }
        var buffer = ArrayPool<byte>.Shared.Rent(initial);
        var total = 0;
        try
        {
            while (true)
            {
                if (total == buffer.Length)
                {
                    var bigger = ArrayPool<byte>.Shared.Rent(buffer.Length * 2);
                    buffer.AsSpan(0, total).CopyTo(bigger);
                    ArrayPool<byte>.Shared.Return(buffer);
                    buffer = bigger;
                }
                var n = stream.Read(buffer, total, buffer.Length - total);
                if (n <= 0)
                {
                    break;
                }
                total += n;
                if (total > options.MaxFitBytes)
                {
                    throw TooLarge(options);
                }
            }
            return Decode(buffer.AsSpan(0, total), options);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>Decodes a FIT file (or several chained FIT files) held in memory.</summary>
    public static FitActivity Decode(ReadOnlySpan<byte> data, ActivityReaderOptions? options = null)
    {
        options ??= ActivityReaderOptions.Default;
        if (data.IsEmpty)
        {
            throw new ActivityFileException(ActivityFileErrorCodes.Empty, "The FIT input is empty.", ActivityFormat.Fit, 0);
        }
        if (data.Length > options.MaxFitBytes)
        {
            throw TooLarge(options);
        }
        var parser = new FitFileParser(options);
        try
        {
            parser.Parse(data);
            return parser.BuildResult();
        }
        finally
        {
            parser.ReturnBuffers();
        }
    }

    private static ActivityFileException TooLarge(ActivityReaderOptions options) =>
        new(ActivityFileErrorCodes.TooLarge, $"The FIT input exceeds the limit of {options.MaxFitBytes} bytes.", ActivityFormat.Fit);
}
