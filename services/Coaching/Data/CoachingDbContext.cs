using CyclingCoach.Coaching.Model;
using CyclingCoach.ServiceDefaults.Messaging;
using Microsoft.EntityFrameworkCore;

namespace CyclingCoach.Coaching.Data;

public sealed class CoachingDbContext(DbContextOptions<CoachingDbContext> options) : DbContext(options)
{
    public DbSet<WorkoutProjection> Workouts => Set<WorkoutProjection>();
    public DbSet<AthleteProfile> AthleteProfiles => Set<AthleteProfile>();
    public DbSet<AthleteThresholdPeriod> ThresholdPeriods => Set<AthleteThresholdPeriod>();
    public DbSet<RuleSetVersion> RuleSets => Set<RuleSetVersion>();
    public DbSet<PlanVersion> Plans => Set<PlanVersion>();
    public DbSet<Analysis> Analyses => Set<Analysis>();
    public DbSet<PromptVersion> Prompts => Set<PromptVersion>();
    public DbSet<AiCall> AiCalls => Set<AiCall>();
    public DbSet<FlagChange> FlagChanges => Set<FlagChange>();
    public DbSet<CalendarFeed> CalendarFeeds => Set<CalendarFeed>();
    public DbSet<Conversation> Conversations => Set<Conversation>();
    public DbSet<ConversationMessage> ConversationMessages => Set<ConversationMessage>();
    public DbSet<WellnessRecord> Wellness => Set<WellnessRecord>();
    public DbSet<ReadinessSuggestionDay> ReadinessSuggestions => Set<ReadinessSuggestionDay>();
    public DbSet<ReactionOffer> ReactionOffers => Set<ReactionOffer>();
    public DbSet<CourseRecord> Courses => Set<CourseRecord>();

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
            entity.Property(w => w.TrainingLoadSource).HasMaxLength(16);
            entity.Property(w => w.MeanMax).IsJson();
            entity.Property(w => w.LoadState).HasConversion<string>().HasMaxLength(16);
            entity.HasIndex(w => w.StartTimeUtc).IsDescending();
            entity.HasIndex(w => w.LocalDate);
        });

        modelBuilder.Entity<AthleteProfile>(entity =>
        {
            entity.ToTable("athlete_profile");
            entity.Property(p => p.Id).ValueGeneratedNever();
            entity.Property(p => p.Bike).IsJson();
        });

        modelBuilder.Entity<AthleteThresholdPeriod>(entity =>
        {
            entity.ToTable("athlete_threshold_periods");
            entity.Property(p => p.CreatedBy).HasMaxLength(80);
            entity.HasIndex(p => new { p.EffectiveFrom, p.CreatedAt });
        });

        modelBuilder.Entity<RuleSetVersion>(entity =>
        {
            entity.ToTable("rule_sets");
            entity.Property(r => r.Name).HasMaxLength(120);
            entity.Property(r => r.CreatedBy).HasMaxLength(80);
            entity.Property(r => r.Rules).IsJson();
            entity.Property(r => r.NotUnderstood).IsJson();
            entity.HasIndex(r => r.Version).IsUnique();
            entity.HasIndex(r => r.IsActive).IsUnique().HasFilter("is_active");
            entity.HasOne<RuleSetVersion>().WithMany().HasForeignKey(r => r.ParentId).OnDelete(DeleteBehavior.Restrict);
        });

        modelBuilder.Entity<PlanVersion>(entity =>
        {
            entity.ToTable("plans");
            entity.Property(p => p.CreatedBy).HasMaxLength(80);
            entity.Property(p => p.Origin).HasConversion<string>().HasMaxLength(16);
            entity.Property(p => p.Plan).IsJson();
            entity.Property(p => p.Goals).IsJson();
            entity.Property(p => p.Repairs).IsJson();
            entity.Property(p => p.Warnings).IsJson();
            entity.HasIndex(p => p.Version).IsUnique();
            entity.HasIndex(p => p.IsActive).IsUnique().HasFilter("is_active");
            entity.HasOne<PlanVersion>().WithMany().HasForeignKey(p => p.ParentId).OnDelete(DeleteBehavior.Restrict);
            entity.HasOne<RuleSetVersion>().WithMany().HasForeignKey(p => p.RuleSetId).OnDelete(DeleteBehavior.Restrict);
        });

        modelBuilder.Entity<Analysis>(entity =>
        {
            entity.ToTable("analyses");
            entity.Property(a => a.Type).HasConversion<string>().HasMaxLength(24);
            entity.Property(a => a.Status).HasConversion<string>().HasMaxLength(24);
            entity.Property(a => a.Engine).HasMaxLength(32);
            entity.Property(a => a.Facts).IsJson();
            entity.Property(a => a.Feedback).IsJson();
            entity.Property(a => a.Suggestions).IsJson();
            entity.Property(a => a.Attempts).IsConcurrencyToken();
            entity.Property(a => a.Revision).IsConcurrencyToken();
            entity.HasIndex(a => a.CreatedAt).IsDescending();
            entity.HasIndex(a => a.WorkoutId);
            entity.HasIndex(a => a.Day);
            entity.HasIndex(a => new { a.Status, a.LeaseUntil }).HasFilter("status = 'Pending'");
        });

        modelBuilder.Entity<PromptVersion>(entity =>
        {
            entity.ToTable("prompts");
            entity.Property(p => p.Action).HasConversion<string>().HasMaxLength(32);
            entity.Property(p => p.Model).HasMaxLength(120);
            entity.Property(p => p.CreatedBy).HasMaxLength(80);
            entity.HasIndex(p => new { p.Action, p.Model, p.Version }).IsUnique();
            entity.HasIndex(p => new { p.Action, p.Model }).IsUnique().HasFilter("is_active");
        });

        modelBuilder.Entity<AiCall>(entity =>
        {
            entity.ToTable("ai_calls");
            entity.Property(c => c.Action).HasConversion<string>().HasMaxLength(32);
            entity.Property(c => c.Outcome).HasConversion<string>().HasMaxLength(24);
            entity.Property(c => c.ModelRequested).HasMaxLength(120);
            entity.Property(c => c.ModelUsed).HasMaxLength(120);
            entity.Property(c => c.ResponseId).HasMaxLength(120);
            entity.HasIndex(c => c.StartedAt).IsDescending();
        });

        modelBuilder.Entity<FlagChange>(entity =>
        {
            entity.ToTable("flag_changes");
            entity.Property(f => f.Entity).HasMaxLength(40);
            entity.Property(f => f.Flag).HasMaxLength(40);
            entity.Property(f => f.Value).HasMaxLength(40);
            entity.Property(f => f.ChangedBy).HasMaxLength(80);
        });

        modelBuilder.Entity<CalendarFeed>(entity =>
        {
            entity.ToTable("calendar_feed");
            entity.Property(f => f.Id).ValueGeneratedNever();
        });

        modelBuilder.Entity<Conversation>(entity =>
        {
            entity.ToTable("conversations");
            entity.Property(c => c.Title).HasMaxLength(120);
            entity.HasIndex(c => c.UpdatedAt).IsDescending();
            entity.HasMany(c => c.Messages).WithOne().HasForeignKey(m => m.ConversationId).OnDelete(DeleteBehavior.Cascade);
        });

        modelBuilder.Entity<ConversationMessage>(entity =>
        {
            entity.ToTable("conversation_messages");
            entity.Property(m => m.Role).HasMaxLength(16);
            entity.Property(m => m.Engine).HasMaxLength(16);
            entity.HasIndex(m => new { m.ConversationId, m.CreatedAt });
        });

        modelBuilder.Entity<WellnessRecord>(entity =>
        {
            entity.ToTable("wellness_days");
            entity.HasKey(w => new { w.Date, w.Source });
            entity.Property(w => w.Source).HasConversion<string>().HasMaxLength(32);
            entity.Property(w => w.Metrics).IsJson();
        });

        modelBuilder.Entity<ReadinessSuggestionDay>(entity =>
        {
            entity.ToTable("readiness_suggestions");
            entity.HasKey(r => r.Date);
            entity.HasOne<Analysis>().WithMany().HasForeignKey(r => r.AnalysisId).OnDelete(DeleteBehavior.Cascade);
        });

        modelBuilder.Entity<ReactionOffer>(entity =>
        {
            entity.ToTable("reaction_offers");
            entity.HasKey(r => new { r.Kind, r.Key });
            entity.Property(r => r.Kind).HasMaxLength(32);
            entity.Property(r => r.Key).HasMaxLength(64);
            entity.HasOne<Analysis>().WithMany().HasForeignKey(r => r.AnalysisId).OnDelete(DeleteBehavior.Cascade);
        });

        modelBuilder.Entity<CourseRecord>(entity =>
        {
            entity.ToTable("courses");
            entity.HasKey(c => c.RouteId);
            entity.Property(c => c.Course).IsJson();
        });

        modelBuilder.AddOutboxAndInbox();
    }
}
