using System.Text.Json;
using CyclingCoach.ServiceDefaults.Storage;

namespace CyclingCoach.Sync.Garmin.Storage;

/// <summary>The plain JSON state file (no secrets): cooldown, last error, account name.</summary>
public sealed class GarminStateStore(GarminFiles files, ILogger<GarminStateStore> logger)
{
    public async Task<GarminConnectionState> LoadAsync(CancellationToken cancellationToken)
    {
        if (!File.Exists(files.StatePath))
        {
            return GarminConnectionState.Empty;
        }

        try
        {
            await using var stream = File.OpenRead(files.StatePath);
            return await JsonSerializer.DeserializeAsync<GarminConnectionState>(stream, GarminJson.Options, cancellationToken)
                ?? GarminConnectionState.Empty;
        }
        catch (JsonException)
        {
            logger.LogWarning("The Garmin state file is damaged; starting from an empty state");
            return GarminConnectionState.Empty;
        }
    }

    public Task SaveAsync(GarminConnectionState state, CancellationToken cancellationToken) =>
        AtomicFile.WriteAsync(files.StatePath, JsonSerializer.SerializeToUtf8Bytes(state, GarminJson.Options), cancellationToken, ownerOnly: true);
}
