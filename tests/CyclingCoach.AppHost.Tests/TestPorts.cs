namespace CyclingCoach.AppHost.Tests;

/// <summary>
/// Ports of this run's own (COACH_APPHOST_TEST_* overrides them, and COACH_APPHOST_TEST_RABBIT_NODE the broker's node name), so the tests run beside <c>./coach up</c> and the
/// stack <c>./coach test</c> starts; every one is also a port the tests check is free again after the stop.
/// </summary>
public sealed record TestPorts(int Gateway, int Web, int Postgres, int Amqp, int Management)
{
    public static TestPorts FromEnvironment()
    {
        static int Port(string name, int fallback) =>
            int.TryParse(Environment.GetEnvironmentVariable($"COACH_APPHOST_TEST_{name}"), out var port) ? port : fallback;

        return new(Port("PORT_BASE", 5300), Port("WEB_PORT", 3300), Port("PG_PORT", 55434), Port("AMQP_PORT", 5674),
            Port("MGMT_PORT", 15674));
    }

    /// <summary>Gateway, sync, coaching, routes, web, PostgreSQL, AMQP and management (the testing builder gives the
    /// dashboard random ports of its own).</summary>
    public IEnumerable<int> All => [Gateway, Gateway + 1, Gateway + 2, Gateway + 3, Web, Postgres, Amqp, Management];

    public string[] AppHostArguments(string coachDirectory) =>
    [
        $"--COACH_DIR={coachDirectory}",
        $"--COACH_PORT_BASE={Gateway}",
        $"--COACH_WEB_PORT={Web}",
        $"--COACH_PG_PORT={Postgres}",
        $"--COACH_AMQP_PORT={Amqp}",
        $"--COACH_MGMT_PORT={Management}",
        $"--COACH_RABBIT_NODE={(Environment.GetEnvironmentVariable("COACH_APPHOST_TEST_RABBIT_NODE") is { Length: > 0 } node ? node : "coachapphosttests")}",
    ];
}
