using CyclingCoach.ServiceDefaults.Storage;

namespace CyclingCoach.ServiceDefaults.Tests.Storage;

public sealed class AtomicFileTests : IDisposable
{
    private readonly TempFolder folder = new();

    public void Dispose() => folder.Dispose();

    [Fact]
    public async Task A_write_replaces_the_file_whole()
    {
        var path = Path.Combine(folder.Path, "sub", "token.json");
        await AtomicFile.WriteAsync(path, "old"u8.ToArray(), CancellationToken.None);
        await AtomicFile.WriteAsync(path, "new"u8.ToArray(), CancellationToken.None);

        Assert.Equal("new", await File.ReadAllTextAsync(path));
        Assert.Equal([Path.Combine("sub", "token.json")], folder.Files());
    }

    [Fact]
    public async Task A_write_that_fails_leaves_the_old_file_and_no_temporary_file()
    {
        var path = Path.Combine(folder.Path, "state.json");
        await AtomicFile.WriteAsync(path, "old"u8.ToArray(), CancellationToken.None);
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => AtomicFile.WriteAsync(path, new byte[1_000_000], cancelled.Token));

        Assert.Equal("old", await File.ReadAllTextAsync(path));
        Assert.Equal(["state.json"], folder.Files());
    }

    [Fact]
    public async Task A_writer_that_throws_leaves_no_temporary_file()
    {
        await Assert.ThrowsAsync<InvalidOperationException>(() => AtomicFile.WriteTempAsync(folder.Path, ".x-", async (stream, ct) =>
        {
            await stream.WriteAsync(new byte[100_000], ct);
            throw new InvalidOperationException("half written");
        }, ownerOnly: false, CancellationToken.None));

        Assert.Empty(folder.Files());
    }

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public async Task An_owner_only_file_is_readable_by_its_owner_alone()
    {
        var path = Path.Combine(folder.Path, "garmin-token.bin");

        await AtomicFile.WriteAsync(path, "secret"u8.ToArray(), CancellationToken.None, ownerOnly: true);

        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
    }
}
