using System.Security.Cryptography;
using System.Text;
using CyclingCoach.Coaching.Data;
using CyclingCoach.Coaching.Model;
using Microsoft.EntityFrameworkCore;

namespace CyclingCoach.Coaching.Exports;

/// <summary>
/// The iCal feed's secret. Calendar apps cannot send headers, so the feed URL carries a random token that the gateway
/// lets through on that one path; the database keeps only its hash, and creating a new one revokes the old.
/// </summary>
public sealed class CalendarFeedService(CoachingDbContext db, TimeProvider time)
{
    public const string PathPrefix = "/api/coach/calendar/";

    /// <summary>A new secret (the old one stops working); the feed path to give to the calendar app.</summary>
    public async Task<string> RotateAsync(CancellationToken cancellationToken)
    {
        var token = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        var feed = await db.CalendarFeeds.FirstOrDefaultAsync(f => f.Id == CalendarFeed.SingletonId, cancellationToken);
        if (feed is null)
        {
            db.CalendarFeeds.Add(new CalendarFeed { TokenHash = Hash(token), CreatedAt = time.GetUtcNow().UtcDateTime });
        }
        else
        {
            feed.TokenHash = Hash(token);
            feed.CreatedAt = time.GetUtcNow().UtcDateTime;
        }

        await db.SaveChangesAsync(cancellationToken);
        return $"{PathPrefix}{token}.ics";
    }

    public async Task<bool> RevokeAsync(CancellationToken cancellationToken) =>
        await db.CalendarFeeds.ExecuteDeleteAsync(cancellationToken) > 0;

    public async Task<bool> IsValidAsync(string token, CancellationToken cancellationToken)
    {
        var feed = await db.CalendarFeeds.AsNoTracking().FirstOrDefaultAsync(f => f.Id == CalendarFeed.SingletonId, cancellationToken);
        return feed is not null && CryptographicOperations.FixedTimeEquals(feed.TokenHash, Hash(token));
    }

    private static byte[] Hash(string token) => SHA256.HashData(Encoding.UTF8.GetBytes(token));
}
