using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace CyclingCoach.Sync.Data;

/// <summary>For <c>dotnet ef migrations add</c> only; it never connects.</summary>
public sealed class SyncDbContextDesignTimeFactory : IDesignTimeDbContextFactory<SyncDbContext>
{
    public SyncDbContext CreateDbContext(string[] args) => new(new DbContextOptionsBuilder<SyncDbContext>()
        .UseNpgsql("Host=localhost;Database=syncdb")
        .UseSnakeCaseNamingConvention()
        .Options);
}
