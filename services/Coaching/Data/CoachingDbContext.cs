using CyclingCoach.Coaching.Model;
using CyclingCoach.ServiceDefaults.Messaging;
using Microsoft.EntityFrameworkCore;

namespace CyclingCoach.Coaching.Data;

public sealed class CoachingDbContext(DbContextOptions<CoachingDbContext> options) : DbContext(options)
{
    public DbSet<WorkoutProjection> Workouts => Set<WorkoutProjection>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<WorkoutProjection>(entity =>
        {
            entity.ToTable("workouts");
            entity.HasKey(w => w.WorkoutId);
            entity.Property(w => w.WorkoutId).ValueGeneratedNever();
            entity.Property(w => w.Source).HasConversion<string>().HasMaxLength(32);
            entity.Property(w => w.Name).HasMaxLength(200);
            entity.Property(w => w.Sport).HasMaxLength(64);
            entity.HasIndex(w => w.StartTimeUtc).IsDescending();
        });

        modelBuilder.AddOutboxAndInbox();
    }
}
