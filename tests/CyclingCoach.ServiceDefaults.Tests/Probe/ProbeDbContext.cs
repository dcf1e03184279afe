using CyclingCoach.ServiceDefaults.Messaging;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace CyclingCoach.ServiceDefaults.Tests.Probe;

public sealed class Note
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public required string Text { get; init; }
}

/// <summary>What the consumer did: one row per handled message (the thing that must never be duplicated).</summary>
public sealed class Receipt
{
    public long Id { get; init; }
    public Guid NoteId { get; init; }
    public Guid MessageId { get; init; }
}

public sealed class ProbeDbContext(DbContextOptions<ProbeDbContext> options) : DbContext(options)
{
    public DbSet<Note> Notes => Set<Note>();
    public DbSet<Receipt> Receipts => Set<Receipt>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Note>().ToTable("notes");
        modelBuilder.Entity<Receipt>().ToTable("receipts");
        modelBuilder.AddOutboxAndInbox();
    }
}

public sealed class ProbeDbContextDesignTimeFactory : IDesignTimeDbContextFactory<ProbeDbContext>
{
    public ProbeDbContext CreateDbContext(string[] args) => new(new DbContextOptionsBuilder<ProbeDbContext>()
        .UseNpgsql("Host=localhost;Database=probe")
        .UseSnakeCaseNamingConvention()
        .Options);
}
