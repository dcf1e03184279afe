using System.Security.Cryptography;
using CyclingCoach.ServiceDefaults.Storage;

namespace CyclingCoach.ServiceDefaults.Tests.Storage;

public sealed class ContentFileStoreTests : IDisposable
{
    private readonly TempFolder folder = new();

    public void Dispose() => folder.Dispose();

    private static (byte[] Content, string Hash) Content(string text)
    {
        var bytes = System.Text.Encoding.UTF8.GetBytes(text);
        return (bytes, Convert.ToHexStringLower(SHA256.HashData(bytes)));
    }

    [Fact]
    public async Task Files_keep_the_paths_Sync_and_Routes_stored_them_at()
    {
        var (content, hash) = Content("<gpx/>");
        var sharded = new ContentFileStore(Path.Combine(folder.Path, "files"), shardByPrefix: true);
        var flat = new ContentFileStore(Path.Combine(folder.Path, "gpx"));

        Assert.True(await sharded.WriteAsync(hash, "FIT", content, CancellationToken.None));
        Assert.True(await flat.WriteAsync(hash, "gpx", content, CancellationToken.None));

        // Sync: files/{sha[..2]}/{sha}.{format, lower case}; Routes: gpx/{sha}.gpx.
        Assert.Equal([Path.Combine("files", hash[..2], hash + ".fit"), Path.Combine("gpx", hash + ".gpx")], folder.Files());
    }

    [Fact]
    public async Task A_stored_file_reads_back_and_is_gone_after_delete()
    {
        var (content, hash) = Content("ride");
        var store = new ContentFileStore(folder.Path, shardByPrefix: true);
        await store.WriteAsync(hash, "tcx", content, CancellationToken.None);

        Assert.True(store.Exists(hash, "tcx"));
        await using (var stream = store.OpenRead(hash, "tcx"))
        {
            Assert.NotNull(stream);
            using var copy = new MemoryStream();
            await stream.CopyToAsync(copy);
            Assert.Equal(content, copy.ToArray());
        }

        store.Delete(hash, "tcx");
        Assert.False(store.Exists(hash, "tcx"));
        Assert.Null(store.OpenRead(hash, "tcx"));
        store.Delete(hash, "tcx"); // deleting what is not there is fine
    }

    [Fact]
    public async Task Writing_content_already_stored_changes_nothing()
    {
        var (content, hash) = Content("same bytes");
        var store = new ContentFileStore(folder.Path);
        Assert.True(await store.WriteAsync(hash, "gpx", content, CancellationToken.None));
        var path = store.PathOf(hash, "gpx");
        var written = new DateTime(2020, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        File.SetLastWriteTimeUtc(path, written);

        Assert.False(await store.WriteAsync(hash, "gpx", content, CancellationToken.None));

        Assert.Equal(written, File.GetLastWriteTimeUtc(path));
        Assert.Equal([hash + ".gpx"], folder.Files());
    }

    [Fact]
    public async Task A_write_that_fails_leaves_no_file()
    {
        var (content, hash) = Content("never stored");
        var store = new ContentFileStore(folder.Path, shardByPrefix: true);
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => store.WriteAsync(hash, "fit", content, cancelled.Token));

        Assert.Empty(folder.Files());
        Assert.False(store.Exists(hash, "fit"));
    }

    [Fact]
    public async Task A_stream_that_breaks_while_staging_leaves_no_file()
    {
        var store = new ContentFileStore(folder.Path);
        var broken = new BreakingStream(new byte[200_000], breakAfter: 100_000);

        await Assert.ThrowsAsync<IOException>(() => store.StageAsync(broken, long.MaxValue, CancellationToken.None));

        Assert.Empty(folder.Files());
    }

    [Fact]
    public async Task A_staged_upload_over_the_limit_is_refused_and_leaves_no_file()
    {
        var store = new ContentFileStore(folder.Path);

        Assert.Null(await store.StageAsync(new MemoryStream(new byte[1001]), maxBytes: 1000, CancellationToken.None));

        Assert.Empty(folder.Files());
    }

    [Fact]
    public async Task A_staged_upload_is_hashed_while_copied_and_committed_under_its_hash_once()
    {
        var (content, hash) = Content("<gpx>route</gpx>");
        var store = new ContentFileStore(folder.Path);

        var staged = await store.StageAsync(new MemoryStream(content), maxBytes: content.Length, CancellationToken.None);
        Assert.NotNull(staged);
        Assert.Equal((hash, content.LongLength), (staged.Hash, staged.Length));
        Assert.StartsWith(ContentFileStore.TempPrefix, Path.GetFileName(staged.TempPath), StringComparison.Ordinal);
        Assert.True(store.Commit(staged, "gpx"));
        Assert.Equal(content, await File.ReadAllBytesAsync(store.PathOf(hash, "gpx")));

        // The same content again: the first file stays, the second copy is kept for Restore until discarded.
        var again = (await store.StageAsync(new MemoryStream(content), content.Length, CancellationToken.None))!;
        Assert.False(store.Commit(again, "gpx"));
        store.Delete(hash, "gpx");
        store.Restore(again, "gpx");
        Assert.Equal(content, await File.ReadAllBytesAsync(store.PathOf(hash, "gpx")));
        ContentFileStore.Discard(again);
        Assert.Equal([hash + ".gpx"], folder.Files());
    }

    [Theory]
    [InlineData("../../etc/passwd")]
    [InlineData("ABCDEF0123456789ABCDEF0123456789ABCDEF0123456789ABCDEF0123456789")]
    [InlineData("abc")]
    public void Only_a_lower_case_sha256_names_a_file(string hash)
    {
        var store = new ContentFileStore(folder.Path);
        Assert.Throws<ArgumentException>(() => store.PathOf(hash, "gpx"));
    }

    [Fact]
    public void The_hash_is_read_back_from_content_file_names_only()
    {
        var hash = new string('a', 64);
        Assert.Equal(hash, ContentFileStore.HashOf(hash + ".gpx", "gpx"));
        Assert.Null(ContentFileStore.HashOf(hash + ".fit", "gpx"));
        Assert.Null(ContentFileStore.HashOf(ContentFileStore.TempPrefix + Guid.NewGuid().ToString("N") + ".tmp", "gpx"));
        Assert.Null(ContentFileStore.HashOf("notes.gpx", "gpx"));
    }

    /// <summary>Reads like a network stream that drops after <paramref name="breakAfter"/> bytes.</summary>
    private sealed class BreakingStream(byte[] content, int breakAfter) : MemoryStream(content)
    {
        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            if (Position >= breakAfter)
            {
                throw new IOException("Connection reset.");
            }

            return await base.ReadAsync(buffer[..(int)Math.Min(buffer.Length, breakAfter - Position)], cancellationToken);
        }
    }
}
