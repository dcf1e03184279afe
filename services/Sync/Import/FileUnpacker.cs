using System.IO.Compression;
using Microsoft.Extensions.Options;

namespace CyclingCoach.Sync.Import;

/// <summary>
/// Unwraps what uploads and sources deliver: a gzip body (intervals.icu), a zip holding one or more activity files
/// (Garmin, uploads), or a bare file. Formats are sniffed from bytes, never names. Everything one request (or one
/// downloaded file) unpacks draws on one <see cref="Budget"/>: files counted and bytes actually inflated, so neither
/// a zip bomb nor many parts of one upload get past the caps, whatever their headers claim; nested archives are
/// refused. Archives are read from their stream (an upload's spooled file), one entry at a time.
/// </summary>
public sealed class FileUnpacker(IOptions<ImportOptions> options)
{
    public sealed record Entry(string? Name, byte[] Content);

    /// <summary>What is left of a request's allowance: files and expanded bytes.</summary>
    public sealed class Budget(int files, long bytes)
    {
        public int FilesLeft { get; private set; } = files;
        public long BytesLeft { get; private set; } = bytes;

        internal void Take(Entry entry, ImportOptions limits)
        {
            if (--FilesLeft < 0)
            {
                throw new ImportRejectedException(413, "too_many_entries", $"The upload holds more than {limits.MaxFiles} files; at most {limits.MaxFiles} are accepted per request.", entry.Name);
            }

            BytesLeft -= entry.Content.Length;
        }
    }

    public Budget NewBudget() => new(options.Value.MaxFiles, options.Value.MaxUncompressedBytes);

    /// <summary>One downloaded file, on a budget of its own.</summary>
    public IReadOnlyList<Entry> Unpack(byte[] content, string? name) => Unpack(new MemoryStream(content, writable: false), name, NewBudget());

    public IReadOnlyList<Entry> Unpack(Stream content, string? name, Budget budget)
    {
        var limits = options.Value;
        var head = new byte[4];
        var headLength = content.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        if (headLength == 0)
        {
            throw new ImportRejectedException(400, "empty", "The file is empty.", name);
        }

        if (IsGzip(head.AsSpan(0, headLength)))
        {
            var gzip = new GZipStream(Rewound(content), CompressionMode.Decompress);
            var inflated = Inflate(gzip, Cap(limits, budget), name);
            return IsZip(inflated) ? UnpackZip(new MemoryStream(inflated), limits, budget) : [Take(CheckInner(new Entry(name, inflated)), limits, budget)];
        }

        return IsZip(head.AsSpan(0, headLength))
            ? UnpackZip(Rewound(content), limits, budget)
            : [Take(new Entry(name, Inflate(Rewound(content), Cap(limits, budget), name)), limits, budget)];
    }

    public static bool IsGzip(ReadOnlySpan<byte> b) => b.Length >= 2 && b[0] == 0x1f && b[1] == 0x8b;

    public static bool IsZip(ReadOnlySpan<byte> b) => b.Length >= 4 && b[0] == (byte)'P' && b[1] == (byte)'K' && (b[2], b[3]) is (3, 4) or (5, 6);

    /// <summary>How much the next file may expand to, and what to say when it expands beyond that.</summary>
    private static (long Bytes, string TooLarge) Cap(ImportOptions limits, Budget budget) =>
        budget.BytesLeft < limits.MaxEntryBytes
            ? (Math.Max(0, budget.BytesLeft), $"The upload expands beyond {limits.MaxUncompressedBytes} bytes, the limit for all files of one request together.")
            : (limits.MaxEntryBytes, $"A file expands beyond {limits.MaxEntryBytes} bytes, the limit for one file.");

    /// <summary>The (seekable: a spooled upload part, a download in memory) stream back at its start after sniffing.</summary>
    private static Stream Rewound(Stream stream)
    {
        stream.Position = 0;
        return stream;
    }

    private static Entry Take(Entry entry, ImportOptions limits, Budget budget)
    {
        budget.Take(entry, limits);
        return entry;
    }

    private static Entry CheckInner(Entry entry) => IsGzip(entry.Content) || IsZip(entry.Content)
        ? throw new ImportRejectedException(415, "nested_archive", "Archives inside archives are not accepted.", entry.Name)
        : entry;

    private static IReadOnlyList<Entry> UnpackZip(Stream content, ImportOptions limits, Budget budget)
    {
        ZipArchive archive;
        try
        {
            archive = new ZipArchive(content, ZipArchiveMode.Read, leaveOpen: true);
        }
        catch (Exception e) when (e is InvalidDataException or IOException or ArgumentOutOfRangeException)
        {
            // A damaged directory sends the reader's seeks outside the stream (an upload part's stream says so with
            // ArgumentOutOfRangeException, a MemoryStream with IOException).
            throw new ImportRejectedException(400, "malformed_zip", $"The zip archive cannot be read: {e.Message}");
        }

        using (archive)
        {
            var files = archive.Entries.Where(e => !e.FullName.EndsWith('/') && !e.FullName.StartsWith("__MACOSX/", StringComparison.Ordinal)).ToList();
            if (files.Count == 0)
            {
                throw new ImportRejectedException(400, "empty_zip", "The zip archive holds no files.");
            }

            if (files.Count > budget.FilesLeft)
            {
                throw new ImportRejectedException(413, "too_many_entries", $"The upload holds more than {limits.MaxFiles} files; at most {limits.MaxFiles} are accepted per request.");
            }

            var result = new List<Entry>(files.Count);
            foreach (var file in files)
            {
                byte[] bytes;
                try
                {
                    bytes = Inflate(file.Open(), Cap(limits, budget), file.Name);
                }
                catch (Exception e) when (e is InvalidDataException or IOException or ArgumentOutOfRangeException)
                {
                    throw new ImportRejectedException(400, "malformed_zip", $"The zip entry cannot be inflated: {e.Message}", file.Name);
                }

                if (bytes.Length == 0)
                {
                    throw new ImportRejectedException(400, "empty", "The zip entry is empty.", file.Name);
                }

                result.Add(Take(CheckInner(new Entry(file.Name, bytes)), limits, budget));
            }

            return result;
        }
    }

    /// <summary>Reads at most <paramref name="cap"/> bytes; one more means the file or the request expands beyond its limit.</summary>
    private static byte[] Inflate(Stream stream, (long Bytes, string TooLarge) cap, string? name)
    {
        using (stream)
        {
            using var output = new MemoryStream();
            var buffer = new byte[81920];
            try
            {
                int n;
                while ((n = stream.Read(buffer, 0, buffer.Length)) > 0)
                {
                    output.Write(buffer, 0, n);
                    if (output.Length > cap.Bytes)
                    {
                        throw new ImportRejectedException(413, "too_large", cap.TooLarge, name);
                    }
                }
            }
            catch (InvalidDataException e)
            {
                throw new ImportRejectedException(400, "malformed_archive", $"The compressed data is damaged: {e.Message}", name);
            }

            return output.ToArray();
        }
    }
}
