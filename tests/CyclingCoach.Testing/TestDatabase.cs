using Npgsql;

namespace CyclingCoach.Testing;

/// <summary>A database name on the test server, dropped (with its connections) on dispose. The service creates it.</summary>
public sealed class TestDatabase : IAsyncDisposable
{
    public TestDatabase(string prefix)
    {
        Name = TestInfrastructure.UniqueName(prefix);
        ConnectionString = new NpgsqlConnectionStringBuilder(TestInfrastructure.PostgresConnectionString) { Database = Name }.ConnectionString;
    }

    public string Name { get; }
    public string ConnectionString { get; }

    public async Task<T> ScalarAsync<T>(string sql)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return (T)Convert.ChangeType((await command.ExecuteScalarAsync())!, typeof(T));
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(TestInfrastructure.PostgresConnectionString) { Database = "postgres" }.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{Name}\" WITH (FORCE)", connection);
        await command.ExecuteNonQueryAsync();
    }
}
