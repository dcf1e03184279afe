using System.Net.ServerSentEvents;
using CyclingCoach.Coaching.Chat;
using CyclingCoach.Coaching.Data;
using CyclingCoach.ServiceDefaults;
using CyclingCoach.ServiceDefaults.Api;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace CyclingCoach.Coaching.Apis;

public static class ChatApi
{
    public static IEndpointRouteBuilder MapChatApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/coach/chat", Chat).WithTags("Ask the coach").WithName("Chat")
            .WithSummary("Ask the coach; the answer streams as server-sent events (conversation, delta…, proposal…, done)");
        var api = app.MapGroup("/api/coach/conversations").WithTags("Ask the coach");
        api.MapGet("/", ListConversations).WithName("ListConversations").WithSummary("Conversations, most recent first");
        api.MapGet("/{id:guid}", GetConversation).WithName("GetConversation");
        return app;
    }

    public static async Task<Results<ServerSentEventsResult<ChatEvent>, ValidationProblem, NotFound>> Chat(
        ChatRequest request, CoachChatService chat, CancellationToken cancellationToken)
    {
        var errors = request.Validate();
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        if (request.ConversationId is { } id && !await chat.ExistsAsync(id, cancellationToken))
        {
            return TypedResults.NotFound();
        }

        return TypedResults.ServerSentEvents(Events(chat.AnswerAsync(request, cancellationToken)));
    }

    private static async IAsyncEnumerable<SseItem<ChatEvent>> Events(IAsyncEnumerable<ChatEvent> events)
    {
        await foreach (var e in events)
        {
            yield return new SseItem<ChatEvent>(e, e.Type);
        }
    }

    public static async Task<Results<Ok<PagedResult<ConversationSummary>>, ValidationProblem>> ListConversations(
        CoachingDbContext db, int? page, int? pageSize, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        var paging = PageRequest.From(page, pageSize, errors);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var total = await db.Conversations.CountAsync(cancellationToken);
        var items = await db.Conversations.AsNoTracking().OrderByDescending(c => c.UpdatedAt).Skip(paging.Skip).Take(paging.PageSize).ToListAsync(cancellationToken);
        return TypedResults.Ok(new PagedResult<ConversationSummary>(
            items.ConvertAll(c => new ConversationSummary(c.Id, c.Title, c.CreatedAt.AsUtcOffset(), c.UpdatedAt.AsUtcOffset())), paging.Page, paging.PageSize, total));
    }

    public static async Task<Results<Ok<ConversationResponse>, NotFound>> GetConversation(CoachingDbContext db, Guid id, CancellationToken cancellationToken)
    {
        var conversation = await db.Conversations.AsNoTracking().Include(c => c.Messages).FirstOrDefaultAsync(c => c.Id == id, cancellationToken);
        return conversation is null
            ? TypedResults.NotFound()
            : TypedResults.Ok(new ConversationResponse(conversation.Id, conversation.Title, conversation.CreatedAt.AsUtcOffset(),
                conversation.Messages.OrderBy(m => m.CreatedAt).Select(ConversationMessageResponse.From).ToList()));
    }
}
