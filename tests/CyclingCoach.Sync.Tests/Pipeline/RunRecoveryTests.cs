using System.Net.Http.Json;
using System.Text.Json;
using CyclingCoach.Contracts;
using CyclingCoach.Sync.Import;
using CyclingCoach.Sync.IntervalsIcu;
using CyclingCoach.Fakes.IntervalsIcu;
using CyclingCoach.Sync.Tests.Support;
using CyclingCoach.Testing;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace CyclingCoach.Sync.Tests.Pipeline;

/// <summary>
/// A process dies half-way through a run: its run row stays in_progress with a lease nobody renews and some rides are
/// already stored. The next process to start takes the run over and finishes it with exact counts, no duplicates and
/// no gaps. Own database, so "start-up" is a real second host.
/// </summary>
public sealed class RunRecoveryTests : IAsyncLifetime
{
    private readonly TestDatabase database = new("syncrecovery");
    private readonly string dataPath = Directory.CreateTempSubdirectory("sync-recovery-").FullName;
    private TestVirtualHost? vhost;
    private FakeIntervalsIcu fake = null!;
    private Dictionary<string, string?> settings = null!;

    public async Task InitializeAsync()
    {
        vhost = await TestVirtualHost.CreateAsync("syncrecovery");
        fake = await FakeIntervalsIcu.StartAsync();
        settings = new Dictionary<string, string?>
        {
            ["ConnectionStrings:syncdb"] = database.ConnectionString,
            ["ConnectionStrings:messaging"] = vhost.ConnectionString,
            ["Storage:DataPath"] = dataPath,
            ["IntervalsIcu:BaseUrl"] = fake.BaseUrl,
            ["IntervalsIcu:ApiKey"] = FakeIntervalsIcu.ApiKey,
            ["IntervalsIcu:AthleteId"] = FakeIntervalsIcu.AthleteId,
            ["Sync:PollSeconds"] = "0.5",
        };
    }

    [Fact]
    public async Task A_run_left_in_progress_by_a_dead_process_is_resumed_on_start_up_with_exact_counts()
    {
        var first = new DateTime(2022, 4, 1, 0, 0, 0, DateTimeKind.Utc);
        for (var i = 0; i < 12; i++)
        {
            var start = first.AddDays(i).AddHours(7);
            fake.Add(new FakeIntervalsIcu.FakeActivity($"irec{i:D3}", new DateTimeOffset(start), "Ride", $"ride {i}", 600, FitWriter.Ride(start, 600, basePower: 200, seed: i)));
        }

        var runId = Guid.CreateVersion7();
        var from = new DateTimeOffset(first);
        var to = from.AddDays(20);

        // The first process: migrates, stores 5 of the 12 rides for the run, then dies.
        await using (var dead = new ServiceFactory<Program>(settings))
        {
            dead.CreateClient();
            await using var scope = dead.Services.CreateAsyncScope();
            var source = scope.ServiceProvider.GetRequiredService<IntervalsIcuSource>();
            var importer = scope.ServiceProvider.GetRequiredService<WorkoutImporter>();
            var unpacker = scope.ServiceProvider.GetRequiredService<FileUnpacker>();
            var done = 0;
            await foreach (var activity in source.ListActivitiesAsync(from, to, CancellationToken.None))
            {
                if (done++ == 5)
                {
                    break;
                }

                var file = await source.DownloadOriginalAsync(activity, CancellationToken.None);
                var entry = unpacker.Unpack(file!.Content, file.FileName)[0];
                var parsed = ActivityParser.Parse(entry.Content, entry.Name, 64L * 1024 * 1024);
                await importer.ImportAsync(new ImportRequest(WorkoutSource.IntervalsIcu, parsed, activity, runId), CancellationToken.None);
            }
        }

        // Its run row: in progress, stale counts, a lease it will never renew.
        await using (var connection = new NpgsqlConnection(database.ConnectionString))
        {
            await connection.OpenAsync();
            await using var insert = new NpgsqlCommand(
                """
                INSERT INTO sync_runs (id, source, status, trigger, window_from_utc, window_to_utc, found, imported, skipped, failed, attempts,
                                       lease_owner, lease_expires_at, created_at, started_at)
                VALUES (@id, 'IntervalsIcu', 'InProgress', 'manual', @from, @to, 5, 5, 0, 0, 1, 'dead-host:4242', now() - interval '1 minute', now(), now())
                """, connection);
            insert.Parameters.AddWithValue("id", runId);
            insert.Parameters.AddWithValue("from", from.UtcDateTime);
            insert.Parameters.AddWithValue("to", to.UtcDateTime);
            await insert.ExecuteNonQueryAsync();
        }

        Assert.Equal(5, await database.ScalarAsync<long>($"SELECT count(*) FROM workouts WHERE imported_by_run_id = '{runId}'"));

        // The next process starts and takes the run over.
        await using var next = new ServiceFactory<Program>(settings);
        var client = next.CreateClient();
        var run = await client.WaitForRunAsync(runId);

        Assert.Equal("success", run.GetProperty("status").GetString());
        Assert.Equal((12, 12, 0, 0), SyncApi.Counts(run));
        Assert.Equal(2, run.GetProperty("attempts").GetInt32());
        Assert.Equal(12, await database.ScalarAsync<long>("SELECT count(*) FROM workouts WHERE source = 'IntervalsIcu'"));
        Assert.Equal(12, await database.ScalarAsync<long>("SELECT count(DISTINCT source_activity_id) FROM workouts WHERE source = 'IntervalsIcu'"));
        Assert.Equal(12, await database.ScalarAsync<long>("SELECT count(*) FROM workout_streams"));
        Assert.Equal(12, await database.ScalarAsync<long>("SELECT count(*) FROM outbox_messages WHERE message_type LIKE 'CyclingCoach.Contracts.WorkoutImported%'"));

        // No athlete profile has arrived in this database: NP and zones are computed, IF and TSS are not.
        var listed = await client.GetFromJsonAsync<JsonElement>("/api/workouts?source=intervals_icu&pageSize=1");
        var metrics = (await client.GetFromJsonAsync<JsonElement>($"/api/workouts/{listed.GetProperty("items")[0].GetProperty("id").GetGuid()}")).GetProperty("metrics");
        Assert.True(metrics.GetProperty("normalizedPowerWatts").GetDouble() > 150);
        Assert.Equal(JsonValueKind.Null, metrics.GetProperty("intensityFactor").ValueKind);
        Assert.Equal(JsonValueKind.Null, metrics.GetProperty("trainingStressScore").ValueKind);
    }

    public async Task DisposeAsync()
    {
        await fake.DisposeAsync();
        await database.DisposeAsync();
        if (vhost is not null)
        {
            await vhost.DisposeAsync();
        }

        Directory.Delete(dataPath, recursive: true);
    }
}
