using CyclingCoach.Coaching.Model;
using CyclingCoach.ServiceDefaults;

namespace CyclingCoach.Coaching.Chat;

/// <summary>POST /api/coach/chat: a question, in a new conversation or an existing one.</summary>
public sealed record ChatRequest(Guid? ConversationId, string? Message)
{
    public const int MaxLength = 4000;

    public Dictionary<string, string[]> Validate()
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(Message) || Message.Length > MaxLength)
        {
            errors["message"] = [$"Ask something, in at most {MaxLength} characters."];
        }

        return errors;
    }
}

/// <summary>
/// One server-sent event of a chat answer: <c>conversation</c> (its id, first), <c>delta</c> (text as it comes),
/// <c>proposal</c> (an approvable change the coach proposed), <c>error</c>, and <c>done</c> (the stored message).
/// </summary>
public sealed record ChatEvent(string Type, Guid? ConversationId = null, string? Text = null, Guid? AnalysisId = null, Guid? MessageId = null, string? Engine = null);

/// <summary>The <see cref="ChatEvent.Type"/> names; the web app reads the same list from frontend/lib/api/events.json.</summary>
public static class ChatEventTypes
{
    public const string Conversation = "conversation", Delta = "delta", Proposal = "proposal", Error = "error", Done = "done";

    public static readonly IReadOnlyList<string> All = [Conversation, Delta, Proposal, Error, Done];
}

public sealed record ConversationSummary(Guid Id, string Title, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt);

public sealed record ConversationMessageResponse(Guid Id, string Role, string Content, string? Engine, IReadOnlyList<Guid> ProposalIds, DateTimeOffset CreatedAt)
{
    public static ConversationMessageResponse From(ConversationMessage m) =>
        new(m.Id, m.Role, m.Content, m.Engine, m.ProposalIds, m.CreatedAt.AsUtcOffset());
}

public sealed record ConversationResponse(Guid Id, string Title, DateTimeOffset CreatedAt, IReadOnlyList<ConversationMessageResponse> Messages);
