namespace CyclingCoach.Testing;

/// <summary>
/// Where the real servers are. <c>./coach test</c> starts a throwaway PostgreSQL and RabbitMQ and exports these;
/// without them the integration tests fail with this message instead of silently skipping.
/// </summary>
public static class TestInfrastructure
{
    public static string PostgresConnectionString => Required("COACH_TEST_POSTGRES");
    public static string RabbitMqUri => Required("COACH_TEST_RABBITMQ");
    public static string RabbitMqManagementUrl => Required("COACH_TEST_RABBITMQ_MANAGEMENT");
    public static string RabbitMqUser => Required("COACH_TEST_RABBITMQ_USER");
    public static string RabbitMqPassword => Required("COACH_TEST_RABBITMQ_PASSWORD");

    public static string Required(string name) =>
        Environment.GetEnvironmentVariable(name) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException(
                $"{name} is not set. Integration tests need the real PostgreSQL and RabbitMQ that `./coach test` starts.");

    /// <summary>A name unique to this test run, safe for databases and virtual hosts.</summary>
    public static string UniqueName(string prefix) => $"{prefix}_{Guid.NewGuid():N}"[..Math.Min(prefix.Length + 17, 60)];

    /// <summary>A file of this repository (found above the test's folder by CyclingCoach.sln), e.g. a contract the web app shares.</summary>
    public static string RepositoryFile(params string[] parts)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "CyclingCoach.sln")))
            {
                return Path.Combine([dir.FullName, .. parts]);
            }
        }

        throw new InvalidOperationException("CyclingCoach.sln not found above the test's folder");
    }
}
