using CyclingCoach.ServiceDefaults.Messaging;
using CyclingCoach.Sync.Model;
using Microsoft.EntityFrameworkCore;

namespace CyclingCoach.Sync.Data;

public sealed class SyncDbContext(DbContextOptions<SyncDbContext> options) : DbContext(options)
{
    public DbSet<Workout> Workouts => Set<Workout>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Workout>(entity =>
        {
            entity.ToTable("workouts");
            entity.HasKey(w => w.Id);
            entity.Property(w => w.Source).HasConversion<string>().HasMaxLength(32);
            entity.Property(w => w.SourceActivityId).HasMaxLength(100);
            entity.Property(w => w.Name).HasMaxLength(200);
            entity.Property(w => w.Sport).HasMaxLength(64);
            entity.Ignore(w => w.StartTime);
            entity.HasIndex(w => new { w.Source, w.SourceActivityId }).IsUnique().HasFilter("source_activity_id IS NOT NULL");
            entity.HasIndex(w => w.StartTimeUtc).IsDescending();
        });

        modelBuilder.AddOutboxAndInbox();
    }
}
