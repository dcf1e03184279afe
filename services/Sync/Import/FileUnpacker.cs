using System.IO.Compression;
using Microsoft.Extensions.Options;

namespace CyclingCoach.Sync.Import;

/// <summary>
/// Unwraps what uploads and sources deliver: a gzip body (intervals.icu), a zip holding one or more activity files
/// (Garmin, uploads), or a bare file. Formats are sniffed from bytes, never names. Archives are bounded by entries and
/// by bytes actually inflated (a zip bomb stops at the cap, whatever its headers claim); nested archives are refused.
/// </summary>
public sealed class FileUnpacker(IOptions<ImportOptions> options)
{
    public sealed record Entry(string? Name, byte[] Content);

    public IReadOnlyList<Entry> Unpack(byte[] content, string? name)
    {
        var limits = options.Value;
        if (content.Length == 0)
        {
            throw new ImportRejectedException(400, "empty", "The file is empty.");
        }

        if (IsGzip(content))
        {
            var inflated = Inflate(new GZipStream(new MemoryStream(content), CompressionMode.Decompress), limits.MaxEntryBytes, name);
            return IsZip(inflated) ? UnpackZip(inflated, limits) : [CheckInner(new Entry(name, inflated))];
        }

        return IsZip(content) ? UnpackZip(content, limits) : [new Entry(name, content)];
    }

    public static bool IsGzip(ReadOnlySpan<byte> b) => b.Length >= 2 && b[0] == 0x1f && b[1] == 0x8b;

    public static bool IsZip(ReadOnlySpan<byte> b) => b.Length >= 4 && b[0] == (byte)'P' && b[1] == (byte)'K' && (b[2], b[3]) is (3, 4) or (5, 6);

    private static Entry CheckInner(Entry entry) => IsGzip(entry.Content) || IsZip(entry.Content)
        ? throw new ImportRejectedException(415, "nested_archive", "Archives inside archives are not accepted.", entry.Name)
        : entry;

    private static IReadOnlyList<Entry> UnpackZip(byte[] content, ImportOptions limits)
    {
        ZipArchive archive;
        try
        {
            archive = new ZipArchive(new MemoryStream(content), ZipArchiveMode.Read);
        }
        catch (InvalidDataException e)
        {
            throw new ImportRejectedException(400, "malformed_zip", $"The zip archive cannot be read: {e.Message}");
        }

        using (archive)
        {
            var files = archive.Entries.Where(e => !e.FullName.EndsWith('/') && !e.FullName.StartsWith("__MACOSX/", StringComparison.Ordinal)).ToList();
            if (files.Count == 0)
            {
                throw new ImportRejectedException(400, "empty_zip", "The zip archive holds no files.");
            }

            if (files.Count > limits.MaxZipEntries)
            {
                throw new ImportRejectedException(413, "too_many_entries", $"The zip archive holds {files.Count} files; at most {limits.MaxZipEntries} are accepted.");
            }

            var result = new List<Entry>(files.Count);
            long total = 0;
            foreach (var file in files)
            {
                byte[] bytes;
                try
                {
                    var cap = Math.Min(limits.MaxEntryBytes, limits.MaxUncompressedBytes - total);
                    bytes = Inflate(file.Open(), cap, file.Name);
                }
                catch (InvalidDataException e)
                {
                    throw new ImportRejectedException(400, "malformed_zip", $"The zip entry cannot be inflated: {e.Message}", file.Name);
                }

                total += bytes.Length;
                if (bytes.Length == 0)
                {
                    throw new ImportRejectedException(400, "empty", "The zip entry is empty.", file.Name);
                }

                result.Add(CheckInner(new Entry(file.Name, bytes)));
            }

            return result;
        }
    }

    /// <summary>Reads at most <paramref name="cap"/> bytes; one more means the archive expands beyond the limit.</summary>
    private static byte[] Inflate(Stream stream, long cap, string? name)
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
                    if (output.Length > cap)
                    {
                        throw new ImportRejectedException(413, "too_large", $"The archive expands beyond {cap} bytes.", name);
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
