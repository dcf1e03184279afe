using CyclingCoach.Routes.Model;
using CyclingCoach.ServiceDefaults.Messaging;
using Microsoft.EntityFrameworkCore;

namespace CyclingCoach.Routes.Data;

public sealed class RoutesDbContext(DbContextOptions<RoutesDbContext> options) : DbContext(options)
{
    public DbSet<StoredRoute> Routes => Set<StoredRoute>();
    public DbSet<StoredSection> Sections => Set<StoredSection>();
    public DbSet<StoredRoutePoints> RoutePoints => Set<StoredRoutePoints>();
    public DbSet<RiderProfileRecord> RiderProfile => Set<RiderProfileRecord>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<StoredRoute>(entity =>
        {
            entity.ToTable("routes");
            entity.HasKey(r => r.Id);
            entity.Property(r => r.Name).HasMaxLength(200);
            entity.Property(r => r.ContentHash).HasMaxLength(64);
            entity.HasIndex(r => r.ContentHash).IsUnique();
            entity.Property(r => r.TrackGeoJson).HasColumnType("jsonb");
            entity.Property(r => r.ProfileJson).HasColumnType("jsonb");
            entity.Property(r => r.WarningsJson).HasColumnType("jsonb");
            entity.HasMany(r => r.Sections).WithOne().HasForeignKey(s => s.RouteId).OnDelete(DeleteBehavior.Cascade);
        });

        modelBuilder.Entity<StoredSection>(entity =>
        {
            entity.ToTable("route_sections");
            entity.HasKey(s => new { s.RouteId, s.Index });
            entity.Property(s => s.Kind).HasConversion<string>().HasMaxLength(16);
            entity.Property(s => s.ClimbCategory).HasConversion<string>().HasMaxLength(16);
        });

        modelBuilder.Entity<StoredRoutePoints>(entity =>
        {
            entity.ToTable("route_points");
            entity.HasKey(p => p.RouteId);
            entity.HasOne<StoredRoute>().WithOne().HasForeignKey<StoredRoutePoints>(p => p.RouteId).OnDelete(DeleteBehavior.Cascade);
        });

        modelBuilder.Entity<RiderProfileRecord>(entity =>
        {
            entity.ToTable("rider_profile");
            entity.HasKey(p => p.Id);
            entity.Property(p => p.Id).ValueGeneratedNever();
            entity.HasData(new RiderProfileRecord { Id = RiderProfileRecord.SingletonId, Version = 0 });
        });

        modelBuilder.AddOutboxAndInbox();
    }
}
