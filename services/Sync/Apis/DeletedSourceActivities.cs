using CyclingCoach.Sync.Data;
using CyclingCoach.Sync.Model;
using Microsoft.EntityFrameworkCore;

namespace CyclingCoach.Sync.Apis;

/// <summary>Tombstones for a workout being deleted: its own remote source id and each of its remote aliases.</summary>
public static class DeletedSourceActivities
{
    public static async Task AddForAsync(SyncDbContext db, Workout workout, CancellationToken cancellationToken)
    {
        var keys = await db.WorkoutAliases.AsNoTracking()
            .Where(a => a.WorkoutId == workout.Id)
            .Select(a => new { a.Source, a.SourceActivityId })
            .ToListAsync(cancellationToken);
        var ids = keys.Select(k => (k.Source, k.SourceActivityId)).ToList();
        if (workout.SourceActivityId is { } own)
        {
            ids.Add((workout.Source, own));
        }

        foreach (var (source, sourceActivityId) in ids.Where(k => DeletedSourceActivity.IsRemote(k.Item1)).Distinct())
        {
            var known = await db.DeletedSourceActivities.AnyAsync(d => d.Source == source && d.SourceActivityId == sourceActivityId, cancellationToken);
            if (!known)
            {
                db.DeletedSourceActivities.Add(new DeletedSourceActivity { Source = source, SourceActivityId = sourceActivityId, WorkoutId = workout.Id });
            }
        }
    }
}
