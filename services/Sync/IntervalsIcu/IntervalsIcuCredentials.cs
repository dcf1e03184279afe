using CyclingCoach.Sync.Data;
using CyclingCoach.Sync.Model;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CyclingCoach.Sync.IntervalsIcu;

/// <summary>
/// The athlete id and API key in force: the stored connection (<c>PUT /api/sync/intervals</c>) or configuration.
/// The stored key is encrypted with ASP.NET Data Protection (purpose <see cref="Purpose"/>).
/// </summary>
public sealed class IntervalsIcuCredentials(SyncDbContext db, IOptions<IntervalsIcuOptions> options, IDataProtectionProvider protection)
{
    public const string Purpose = "CyclingCoach.Sync.IntervalsIcu.ApiKey.v1";

    public sealed record Credentials(string AthleteId, string ApiKey, string From);

    public async Task<Credentials?> GetAsync(CancellationToken cancellationToken)
    {
        var stored = await db.IntervalsIcuConnections.AsNoTracking().FirstOrDefaultAsync(cancellationToken);
        if (stored is not null)
        {
            var key = stored.KeyProtected ? protection.CreateProtector(Purpose).Unprotect(stored.ApiKey) : stored.ApiKey;
            return new Credentials(stored.AthleteId, key, "stored");
        }

        var o = options.Value;
        return string.IsNullOrWhiteSpace(o.ApiKey) || string.IsNullOrWhiteSpace(o.AthleteId)
            ? null
            : new Credentials(o.AthleteId.Trim(), o.ApiKey.Trim(), "configuration");
    }

    public async Task SaveAsync(string athleteId, string apiKey, CancellationToken cancellationToken)
    {
        var row = await db.IntervalsIcuConnections.FirstOrDefaultAsync(cancellationToken);
        if (row is null)
        {
            row = new IntervalsIcuConnection { AthleteId = athleteId, ApiKey = "" };
            db.IntervalsIcuConnections.Add(row);
        }

        row.AthleteId = athleteId;
        row.ApiKey = protection.CreateProtector(Purpose).Protect(apiKey);
        row.KeyProtected = true;
        row.UpdatedAt = DateTime.UtcNow;
        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task<bool> DeleteAsync(CancellationToken cancellationToken) =>
        await db.IntervalsIcuConnections.ExecuteDeleteAsync(cancellationToken) > 0;
}
