using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace CyclingCoach.Coaching.Data;

/// <summary>For <c>dotnet ef migrations add</c> only; it never connects.</summary>
public sealed class CoachingDbContextDesignTimeFactory : IDesignTimeDbContextFactory<CoachingDbContext>
{
    public CoachingDbContext CreateDbContext(string[] args) => new(new DbContextOptionsBuilder<CoachingDbContext>()
        .UseNpgsql("Host=localhost;Database=coachingdb")
        .UseSnakeCaseNamingConvention()
        .Options);
}
