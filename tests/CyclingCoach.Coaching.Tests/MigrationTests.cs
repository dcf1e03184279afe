using CyclingCoach.Coaching.Data;
using Microsoft.EntityFrameworkCore;

namespace CyclingCoach.Coaching.Tests;

/// <summary>The model the code describes is the one the migrations build (what <c>dotnet ef migrations has-pending-model-changes</c> checks).</summary>
public sealed class MigrationTests
{
    [Fact]
    public void The_model_has_no_changes_the_migrations_lack()
    {
        using var db = new CoachingDbContextDesignTimeFactory().CreateDbContext([]);

        Assert.False(db.Database.HasPendingModelChanges(), "The model differs from the last migration's snapshot: add a migration.");
    }
}
