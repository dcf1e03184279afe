using CyclingCoach.ServiceDefaults.Data;
using CyclingCoach.ServiceDefaults.Messaging;
using CyclingCoach.ServiceDefaults.Tests.Probe;
using CyclingCoach.Testing;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace CyclingCoach.ServiceDefaults.Tests;

/// <summary>
/// A host wired exactly like a service (AddServiceDatabase, AddServiceBus, AddOutboxRelay) over a probe model, on
/// its own database and RabbitMQ virtual host.
/// </summary>
public sealed class OutboxFixture : IAsyncLifetime
{
    public TestDatabase Database { get; } = new("outboxtest");
    public TestVirtualHost VirtualHost { get; private set; } = null!;
    public IHost Host { get; private set; } = null!;
    public HandledMessages Handled => Host.Services.GetRequiredService<HandledMessages>();

    public async Task InitializeAsync()
    {
        VirtualHost = await TestVirtualHost.CreateAsync("outboxtest");
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:probedb"] = Database.ConnectionString,
            ["ConnectionStrings:messaging"] = VirtualHost.ConnectionString,
            ["Outbox:PollInterval"] = "00:00:00.200",
            ["Outbox:MaxBackoff"] = "00:00:01",
        });
        builder.AddServiceDatabase<ProbeDbContext>("probedb");
        builder.AddServiceBus(bus => bus.AddConsumer<NoteCreatedConsumer>());
        builder.AddOutboxRelay<ProbeDbContext>();
        builder.Services.AddSingleton<HandledMessages>();
        Host = builder.Build();
        await Host.StartAsync();
        await Host.Services.GetRequiredService<IBusControl>().WaitForHealthStatus(BusHealthStatus.Healthy, TimeSpan.FromSeconds(30));
    }

    public async Task<T> WithDbAsync<T>(Func<ProbeDbContext, Task<T>> action)
    {
        await using var scope = Host.Services.CreateAsyncScope();
        return await action(scope.ServiceProvider.GetRequiredService<ProbeDbContext>());
    }

    public Task<int> ReceiptsFor(Guid noteId) => WithDbAsync(db => db.Receipts.CountAsync(r => r.NoteId == noteId));

    public async Task DisposeAsync()
    {
        await Host.StopAsync();
        Host.Dispose();
        await Database.DisposeAsync();
        await VirtualHost.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class OutboxCollection : ICollectionFixture<OutboxFixture>
{
    public const string Name = "outbox";
}
