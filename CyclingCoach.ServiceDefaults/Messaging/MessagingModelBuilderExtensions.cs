using Microsoft.EntityFrameworkCore;

namespace CyclingCoach.ServiceDefaults.Messaging;

public static class MessagingModelBuilderExtensions
{
    /// <summary>Adds the outbox and processed-message tables to a service's own model (and so its migrations).</summary>
    public static ModelBuilder AddOutboxAndInbox(this ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<OutboxMessage>(entity =>
        {
            entity.ToTable("outbox_messages");
            entity.HasKey(m => m.Id);
            entity.Property(m => m.MessageType).HasMaxLength(400);
            entity.Property(m => m.Payload).HasColumnType("jsonb");
            entity.Property(m => m.TraceParent).HasMaxLength(100);
            entity.HasIndex(m => m.CreatedAt).HasFilter("published_at IS NULL").HasDatabaseName("ix_outbox_messages_unpublished");
        });

        modelBuilder.Entity<ProcessedMessage>(entity =>
        {
            entity.ToTable("processed_messages");
            entity.HasKey(m => new { m.MessageId, m.Consumer });
            entity.Property(m => m.Consumer).HasMaxLength(200);
        });

        return modelBuilder;
    }
}
