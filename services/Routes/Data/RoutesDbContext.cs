using CyclingCoach.Routes.Model;
using CyclingCoach.ServiceDefaults.Messaging;
using Microsoft.EntityFrameworkCore;

namespace CyclingCoach.Routes.Data;

public sealed class RoutesDbContext(DbContextOptions<RoutesDbContext> options) : DbContext(options)
{
    public DbSet<StoredRoute> Routes => Set<StoredRoute>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<StoredRoute>(entity =>
        {
            entity.ToTable("routes");
            entity.HasKey(r => r.Id);
            entity.Property(r => r.Name).HasMaxLength(200);
            entity.Property(r => r.ContentHash).HasMaxLength(64);
            entity.HasIndex(r => r.ContentHash).IsUnique();
        });

        modelBuilder.AddOutboxAndInbox();
    }
}
