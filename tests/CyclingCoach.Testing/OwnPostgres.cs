using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace CyclingCoach.Testing;

/// <summary>
/// A PostgreSQL server of the test's own (the machine's packages, the binaries the AppHost runs), in a throwaway
/// folder on a free port, that the test can stop and start again: an outage without touching the shared test server.
/// As root it runs as the postgres user (PostgreSQL refuses root). Trust authentication on 127.0.0.1 only.
/// </summary>
public sealed class OwnPostgres : IAsyncDisposable
{
    private static readonly string Bin = Environment.GetEnvironmentVariable("COACH_PG_BIN") is { Length: > 0 } bin ? bin : "/usr/lib/postgresql/15/bin";
    private static readonly bool Root = Environment.UserName == "root";

    private readonly string folder;
    private readonly int port;

    private OwnPostgres(string folder, int port)
    {
        this.folder = folder;
        this.port = port;
    }

    private string Data => Path.Combine(folder, "data");

    public string ConnectionString(string database) =>
        new NpgsqlConnectionStringBuilder { Host = "127.0.0.1", Port = port, Username = "postgres", Database = database, Timeout = 5 }.ConnectionString;

    public static async Task<OwnPostgres> StartAsync()
    {
        var folder = Directory.CreateTempSubdirectory("own-postgres-").FullName;
        var server = new OwnPostgres(folder, FreePort());
        if (Root)
        {
            await RunAsync("chown", "postgres", folder); // PostgreSQL refuses root: its folder is the postgres user's
        }

        await server.AsPostgresAsync("initdb", "-D", server.Data, "-A", "trust", "-U", "postgres", "--no-sync");
        await server.StartAgainAsync();
        return server;
    }

    /// <summary>Starts the stopped server; returns once it accepts connections (pg_ctl -w).</summary>
    public Task StartAgainAsync() => AsPostgresAsync("pg_ctl", "start", "-w", "-D", Data, "-l", Path.Combine(folder, "log"),
        "-o", $"-p {port} -k {folder} -c listen_addresses=127.0.0.1 -c fsync=off");

    /// <summary>Stops the server the way an administrator does (fast: open connections are cut).</summary>
    public Task StopAsync() => AsPostgresAsync("pg_ctl", "stop", "-w", "-m", "fast", "-D", Data);

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        try
        {
            await AsPostgresAsync("pg_ctl", "stop", "-w", "-m", "immediate", "-D", Data);
        }
        catch (InvalidOperationException)
        {
            // already stopped
        }

        Directory.Delete(folder, recursive: true);
    }

    private Task AsPostgresAsync(string tool, params string[] args) =>
        Root
            ? RunAsync("setpriv", ["--reuid=postgres", "--regid=postgres", "--init-groups", Path.Combine(Bin, tool), .. args])
            : RunAsync(Path.Combine(Bin, tool), args);

    private static async Task RunAsync(string file, params string[] args)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = "/" };
        args.ToList().ForEach(start.ArgumentList.Add);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{file} {string.Join(' ', args)} exited {process.ExitCode}: {await error}{await output}");
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
