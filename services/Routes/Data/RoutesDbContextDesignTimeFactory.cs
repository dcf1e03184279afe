using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace CyclingCoach.Routes.Data;

/// <summary>For <c>dotnet ef migrations add</c> only; it never connects.</summary>
public sealed class RoutesDbContextDesignTimeFactory : IDesignTimeDbContextFactory<RoutesDbContext>
{
    public RoutesDbContext CreateDbContext(string[] args) => new(new DbContextOptionsBuilder<RoutesDbContext>()
        .UseNpgsql("Host=localhost;Database=routesdb")
        .UseSnakeCaseNamingConvention()
        .Options);
}
