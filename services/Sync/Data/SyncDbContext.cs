using System.Text.Json;
using CyclingCoach.ServiceDefaults.Messaging;
using CyclingCoach.Sync.Model;
using CyclingCoach.Sync.PlanPush;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace CyclingCoach.Sync.Data;

public sealed class SyncDbContext(DbContextOptions<SyncDbContext> options) : DbContext(options)
{
    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web);

    public DbSet<Workout> Workouts => Set<Workout>();
    public DbSet<WorkoutStreams> WorkoutStreams => Set<WorkoutStreams>();
    public DbSet<WorkoutAlias> WorkoutAliases => Set<WorkoutAlias>();
    public DbSet<DeletedSourceActivity> DeletedSourceActivities => Set<DeletedSourceActivity>();
    public DbSet<SyncRun> SyncRuns => Set<SyncRun>();
    public DbSet<AthleteThresholdsRecord> AthleteThresholds => Set<AthleteThresholdsRecord>();
    public DbSet<AthleteThresholdPeriod> AthleteThresholdPeriods => Set<AthleteThresholdPeriod>();
    public DbSet<IntervalsIcuConnection> IntervalsIcuConnections => Set<IntervalsIcuConnection>();
    public DbSet<WellnessDay> WellnessDays => Set<WellnessDay>();
    public DbSet<PlanPushSettings> PlanPushSettings => Set<PlanPushSettings>();
    public DbSet<PlannedSessionRecord> PlannedSessions => Set<PlannedSessionRecord>();
    public DbSet<PlanPushItem> PlanPushItems => Set<PlanPushItem>();

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
            entity.Property(w => w.ActivityType).HasMaxLength(64);
            entity.Property(w => w.FileSha256).HasMaxLength(64);
            entity.Property(w => w.FileFormat).HasMaxLength(8);
            entity.Property(w => w.RawSourceJson).HasColumnType("jsonb");
            entity.Property(w => w.Metrics)
                .HasColumnType("jsonb")
                .HasConversion(
                    m => m == null ? null : JsonSerializer.Serialize(m, JsonOptions),
                    s => s == null ? null : JsonSerializer.Deserialize<WorkoutMetricsData>(s, JsonOptions),
                    new ValueComparer<WorkoutMetricsData?>((a, b) => ReferenceEquals(a, b), m => m == null ? 0 : m.GetHashCode(), m => m));
            entity.Property(w => w.TrainingLoadSource).HasMaxLength(16);
            entity.Property(w => w.StreamSource).HasMaxLength(24).HasDefaultValue(StreamSources.None);
            entity.Property(w => w.Laps)
                .HasColumnType("jsonb")
                .HasConversion(
                    l => l == null ? null : JsonSerializer.Serialize(l, JsonOptions),
                    s => s == null ? null : JsonSerializer.Deserialize<List<WorkoutLap>>(s, JsonOptions),
                    new ValueComparer<IReadOnlyList<WorkoutLap>?>((a, b) => ReferenceEquals(a, b), l => l == null ? 0 : l.GetHashCode(), l => l));
            entity.Ignore(w => w.StartTime);
            entity.Ignore(w => w.LocalDate);
            entity.Ignore(w => w.Richness);
            entity.HasIndex(w => new { w.Source, w.SourceActivityId }).IsUnique().HasFilter("source_activity_id IS NOT NULL");
            entity.HasIndex(w => w.StartTimeUtc).IsDescending();
            entity.HasIndex(w => w.FileSha256);
            entity.HasIndex(w => w.ImportedByRunId).HasFilter("imported_by_run_id IS NOT NULL");

            // What the threshold recompute worker polls for (ThresholdRecomputer.PendingQuery).
            entity.HasIndex(w => w.ThresholdsCheckedVersion).HasFilter("has_streams OR average_power > 0").HasDatabaseName("ix_workouts_thresholds_checked_version_recomputable");
            entity.HasIndex(w => w.Id).HasFilter("training_load_source IS NULL").HasDatabaseName("ix_workouts_without_training_load");
            entity.HasIndex(w => w.MetricsOutdated).HasFilter("metrics_outdated");
        });

        modelBuilder.Entity<WorkoutStreams>(entity =>
        {
            entity.ToTable("workout_streams");
            entity.HasKey(s => s.WorkoutId);
            entity.HasOne<Workout>().WithOne().HasForeignKey<WorkoutStreams>(s => s.WorkoutId).OnDelete(DeleteBehavior.Cascade);
            entity.Property(s => s.Power).HasColumnType("real[]");
            entity.Property(s => s.HeartRate).HasColumnType("real[]");
            entity.Property(s => s.Cadence).HasColumnType("real[]");
            entity.Property(s => s.Speed).HasColumnType("real[]");
            entity.Property(s => s.Altitude).HasColumnType("real[]");
            entity.Property(s => s.Distance).HasColumnType("real[]");

            entity.Property(s => s.Latitude).HasColumnType("double precision[]");
            entity.Property(s => s.Longitude).HasColumnType("double precision[]");
        });

        modelBuilder.Entity<WorkoutAlias>(entity =>
        {
            entity.ToTable("workout_aliases");
            entity.HasKey(a => new { a.Source, a.SourceActivityId });
            entity.Property(a => a.Source).HasConversion<string>().HasMaxLength(32);
            entity.Property(a => a.SourceActivityId).HasMaxLength(100);
            entity.Property(a => a.RawSourceJson).HasColumnType("jsonb");
            entity.HasOne<Workout>().WithMany().HasForeignKey(a => a.WorkoutId).OnDelete(DeleteBehavior.Cascade);
        });

        modelBuilder.Entity<DeletedSourceActivity>(entity =>
        {
            entity.ToTable("deleted_source_activities");
            entity.HasKey(d => new { d.Source, d.SourceActivityId });
            entity.Property(d => d.Source).HasConversion<string>().HasMaxLength(32);
            entity.Property(d => d.SourceActivityId).HasMaxLength(100);
        });

        modelBuilder.Entity<SyncRun>(entity =>
        {
            entity.ToTable("sync_runs");
            entity.HasKey(r => r.Id);
            entity.Property(r => r.Source).HasConversion<string>().HasMaxLength(32);
            entity.Property(r => r.Status).HasConversion<string>().HasMaxLength(16);
            entity.Property(r => r.Trigger).HasMaxLength(16);
            entity.Property(r => r.Error).HasMaxLength(2000);
            entity.Property(r => r.LeaseOwner).HasMaxLength(100);

            // One run at a time per source, enforced by the database (two racing POSTs: one gets 409).
            entity.HasIndex(r => r.Source).IsUnique().HasFilter("status = 'InProgress'").HasDatabaseName("ux_sync_runs_one_in_progress_per_source");
            entity.HasIndex(r => new { r.Source, r.CreatedAt }).IsDescending(false, true);
        });

        modelBuilder.Entity<AthleteThresholdsRecord>(entity =>
        {
            entity.ToTable("athlete_thresholds");
            entity.HasKey(t => t.Id);
            entity.Property(t => t.Id).ValueGeneratedNever();
        });

        modelBuilder.Entity<AthleteThresholdPeriod>(entity =>
        {
            entity.ToTable("athlete_threshold_periods");
            entity.HasKey(p => p.EffectiveFrom);
        });

        modelBuilder.Entity<IntervalsIcuConnection>(entity =>
        {
            entity.ToTable("intervals_icu_connections");
            entity.HasKey(c => c.Id);
            entity.Property(c => c.Id).ValueGeneratedNever();
            entity.Property(c => c.AthleteId).HasMaxLength(64);
            entity.Property(c => c.ApiKey).HasMaxLength(2000);
        });

        modelBuilder.Entity<WellnessDay>(entity =>
        {
            entity.ToTable("wellness_days");
            entity.HasKey(w => new { w.Source, w.Date });
            entity.Property(w => w.Source).HasConversion<string>().HasMaxLength(32);
            entity.Property(w => w.Metrics)
                .HasColumnType("jsonb")
                .HasConversion(
                    m => JsonSerializer.Serialize(m, JsonOptions),
                    s => JsonSerializer.Deserialize<CyclingCoach.Contracts.WellnessMetrics>(s, JsonOptions) ?? new CyclingCoach.Contracts.WellnessMetrics(),
                    new ValueComparer<CyclingCoach.Contracts.WellnessMetrics>((a, b) => a == b, m => m.GetHashCode(), m => m));
            entity.Property(w => w.RawSourceJson).HasColumnType("jsonb");
            entity.HasIndex(w => w.Date);
        });

        modelBuilder.Entity<PlanPushSettings>(entity =>
        {
            entity.ToTable("plan_push_settings");
            entity.HasKey(s => s.Id);
            entity.Property(s => s.Id).ValueGeneratedNever();
        });

        modelBuilder.Entity<PlannedSessionRecord>(entity =>
        {
            entity.ToTable("planned_sessions");
            entity.HasKey(s => s.Key);
            entity.Property(s => s.Key).HasMaxLength(32);
            entity.Property(s => s.Hash).HasMaxLength(64);
            entity.Property(s => s.Session)
                .HasColumnType("jsonb")
                .HasConversion(
                    m => JsonSerializer.Serialize(m, JsonOptions),
                    s => JsonSerializer.Deserialize<CyclingCoach.Contracts.PlannedSession>(s, JsonOptions)!,
                    new ValueComparer<CyclingCoach.Contracts.PlannedSession>((a, b) => ReferenceEquals(a, b), m => m.GetHashCode(), m => m));
        });

        modelBuilder.Entity<PlanPushItem>(entity =>
        {
            entity.ToTable("plan_push_items");
            entity.HasKey(i => new { i.Target, i.SessionKey });
            entity.Property(i => i.Target).HasConversion<string>().HasMaxLength(16);
            entity.Property(i => i.SessionKey).HasMaxLength(32);
            entity.Property(i => i.Name).HasMaxLength(200);
            entity.Property(i => i.DesiredHash).HasMaxLength(64);
            entity.Property(i => i.RemoteHash).HasMaxLength(64);
            entity.Property(i => i.RemoteId).HasMaxLength(64);
            entity.Property(i => i.RemoteScheduleId).HasMaxLength(64);
            entity.Property(i => i.Status).HasConversion<string>().HasMaxLength(16);
            entity.Property(i => i.Error).HasMaxLength(1000);

            // What the push worker polls for (PlanPushWorker.ClaimAsync).
            entity.HasIndex(i => i.NextAttemptAt).HasFilter("status <> 'Pushed'").HasDatabaseName("ix_plan_push_items_due");
        });

        modelBuilder.AddOutboxAndInbox();
    }
}
