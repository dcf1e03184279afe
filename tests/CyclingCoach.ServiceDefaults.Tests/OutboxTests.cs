using CyclingCoach.ServiceDefaults.Messaging;
using CyclingCoach.ServiceDefaults.Tests.Probe;
using CyclingCoach.Testing;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CyclingCoach.ServiceDefaults.Tests;

[Collection(OutboxCollection.Name)]
public sealed class OutboxTests(OutboxFixture fixture)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    private async Task<(Guid NoteId, Guid MessageId)> CreateNoteAsync(string text)
    {
        return await fixture.WithDbAsync(async db =>
        {
            var note = new Note { Text = text };
            db.Notes.Add(note);
            var message = db.AddOutboxMessage(new NoteCreated(note.Id, text));
            await db.SaveChangesAsync();
            return (note.Id, message.Id);
        });
    }

    [Fact]
    public async Task A_committed_change_is_published_once_with_the_outbox_id_as_message_id()
    {
        var (noteId, messageId) = await CreateNoteAsync("committed");

        Assert.Equal(1, await Eventually.WaitAsync(() => fixture.ReceiptsFor(noteId), n => n == 1, Patience));
        var receipt = await fixture.WithDbAsync(db => db.Receipts.SingleAsync(r => r.NoteId == noteId));
        Assert.Equal(messageId, receipt.MessageId);
        // The relay marks the row after the broker confirmed it, which can be after the consumer already ran.
        var row = await Eventually.WaitAsync(
            () => fixture.WithDbAsync(db => db.Set<OutboxMessage>().AsNoTracking().SingleAsync(m => m.Id == messageId)),
            m => m.PublishedAt is not null,
            Patience);
        Assert.NotNull(row.PublishedAt);
        Assert.Equal(0, row.Attempts);
    }

    [Fact]
    public async Task A_rolled_back_change_publishes_nothing()
    {
        var noteId = Guid.Empty;
        await fixture.WithDbAsync(db => db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync();
            var note = new Note { Text = "rolled back" };
            noteId = note.Id;
            db.Notes.Add(note);
            db.AddOutboxMessage(new NoteCreated(note.Id, note.Text));
            await db.SaveChangesAsync();
            await transaction.RollbackAsync();
            return 0;
        }));

        // A committed marker written after the rolled-back one proves the relay has run past it.
        var (markerId, _) = await CreateNoteAsync("marker after rollback");
        Assert.Equal(1, await Eventually.WaitAsync(() => fixture.ReceiptsFor(markerId), n => n == 1, Patience));
        Assert.Equal(0, await fixture.ReceiptsFor(noteId));
        Assert.Equal(0, await fixture.Database.ScalarAsync<long>($"SELECT count(*) FROM outbox_messages WHERE payload->>'noteId' = '{noteId}'"));
    }

    [Fact]
    public async Task A_redelivered_message_changes_nothing()
    {
        var noteId = Guid.NewGuid();
        var messageId = Guid.NewGuid();
        var bus = fixture.Host.Services.GetRequiredService<IBus>();
        for (var i = 0; i < 3; i++)
        {
            await bus.Publish(new NoteCreated(noteId, "redelivered"), context => context.MessageId = messageId);
        }

        var (markerId, _) = await CreateNoteAsync("marker after redelivery");
        Assert.Equal(1, await Eventually.WaitAsync(() => fixture.ReceiptsFor(markerId), n => n == 1, Patience));
        await Eventually.WaitAsync(() => fixture.ReceiptsFor(noteId), n => n >= 1, Patience);
        await Task.Delay(500);
        Assert.Equal(1, await fixture.ReceiptsFor(noteId));
        Assert.Equal(1, await fixture.WithDbAsync(db => db.Set<ProcessedMessage>().CountAsync(m => m.MessageId == messageId)));
    }

    [Fact]
    public async Task A_relay_crash_after_publish_re_sends_and_the_consumer_deduplicates()
    {
        var (noteId, messageId) = await CreateNoteAsync("published twice");
        Assert.Equal(1, await Eventually.WaitAsync(() => fixture.ReceiptsFor(noteId), n => n == 1, Patience));

        // As if the relay died after publishing but before its commit: the row is unpublished again.
        await fixture.WithDbAsync(db => db.Database.ExecuteSqlAsync($"UPDATE outbox_messages SET published_at = NULL WHERE id = {messageId}"));
        var republished = await Eventually.WaitAsync(
            () => fixture.WithDbAsync(db => db.Set<OutboxMessage>().Where(m => m.Id == messageId).Select(m => m.PublishedAt).SingleAsync()),
            publishedAt => publishedAt is not null,
            Patience);
        Assert.NotNull(republished);

        var (markerId, _) = await CreateNoteAsync("marker after re-send");
        Assert.Equal(1, await Eventually.WaitAsync(() => fixture.ReceiptsFor(markerId), n => n == 1, Patience));
        Assert.Equal(1, await fixture.ReceiptsFor(noteId));
    }

    [Fact]
    public async Task A_row_that_can_never_be_published_is_retried_with_backoff_and_does_not_block_the_rest()
    {
        var poisonId = Guid.CreateVersion7();
        await fixture.WithDbAsync(db => db.Database.ExecuteSqlAsync(
            $"INSERT INTO outbox_messages (id, message_type, payload, created_at, attempts) VALUES ({poisonId}, 'No.Such.Type, No.Such.Assembly', '{{}}'::jsonb, now() - interval '1 minute', 0)"));

        var (noteId, _) = await CreateNoteAsync("after poison");

        Assert.Equal(1, await Eventually.WaitAsync(() => fixture.ReceiptsFor(noteId), n => n == 1, Patience));
        var poison = await Eventually.WaitAsync(
            () => fixture.WithDbAsync(db => db.Set<OutboxMessage>().AsNoTracking().SingleAsync(m => m.Id == poisonId)),
            row => row.Attempts >= 2,
            Patience);
        Assert.Null(poison.PublishedAt);
        Assert.True(poison.Attempts >= 2, $"attempts: {poison.Attempts}");
        Assert.NotNull(poison.NextAttemptAt);
        Assert.Contains("No.Such.Type", poison.LastError);
        await fixture.WithDbAsync(db => db.Database.ExecuteSqlAsync($"DELETE FROM outbox_messages WHERE id = {poisonId}"));
    }

    [Fact]
    public async Task A_row_backing_off_leaves_as_soon_as_the_bus_is_connected_again()
    {
        // As after a broker outage: the row failed eight times and waits an hour for its next attempt.
        var (noteId, messageId) = await fixture.WithDbAsync(async db =>
        {
            var note = new Note { Text = "backing off" };
            db.Notes.Add(note);
            var message = db.AddOutboxMessage(new NoteCreated(note.Id, note.Text));
            message.Attempts = 8;
            message.LastError = "planted: the broker was unreachable";
            message.NextAttemptAt = DateTime.UtcNow.AddHours(1);
            await db.SaveChangesAsync();
            return (note.Id, message.Id);
        });
        await Task.Delay(TimeSpan.FromSeconds(1)); // several relay passes: the row waits
        Assert.Equal(0, await fixture.ReceiptsFor(noteId));

        Assert.True(await fixture.VirtualHost.CloseConnectionsAsync() > 0);

        Assert.Equal(1, await Eventually.WaitAsync(() => fixture.ReceiptsFor(noteId), n => n == 1, Patience));
        var row = await Eventually.WaitAsync(
            () => fixture.WithDbAsync(db => db.Set<OutboxMessage>().AsNoTracking().SingleAsync(m => m.Id == messageId)),
            m => m.PublishedAt is not null,
            Patience);
        Assert.NotNull(row.PublishedAt);
    }

    [Fact]
    public async Task Many_changes_from_concurrent_writers_are_each_delivered_exactly_once()
    {
        var created = await Task.WhenAll(Enumerable.Range(0, 60).Select(i => CreateNoteAsync($"bulk {i}")));

        foreach (var (noteId, _) in created)
        {
            Assert.Equal(1, await Eventually.WaitAsync(() => fixture.ReceiptsFor(noteId), n => n == 1, Patience));
        }

        var ids = created.Select(c => c.NoteId).ToList();
        Assert.Equal(60, await fixture.WithDbAsync(db => db.Receipts.CountAsync(r => ids.Contains(r.NoteId))));
    }
}
