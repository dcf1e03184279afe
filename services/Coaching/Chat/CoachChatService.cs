using System.Runtime.CompilerServices;
using CyclingCoach.Coaching.Ai;
using CyclingCoach.Coaching.Athletes;
using CyclingCoach.Coaching.Data;
using CyclingCoach.Coaching.Domain.Chat;
using CyclingCoach.Coaching.Engines;
using CyclingCoach.Coaching.Fitness;
using CyclingCoach.Coaching.Model;
using CyclingCoach.Coaching.Plans;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Options;

namespace CyclingCoach.Coaching.Chat;

/// <summary>
/// Ask-the-coach. With an LLM: a streamed answer over the rider's data through <see cref="CoachTools"/>; if the LLM
/// fails before it said anything, the built-in coach answers instead. Without one: <see cref="BuiltInChatAnswers"/>.
/// The question is stored before the answer starts and the answer (as far as it got) when it ends.
/// </summary>
public sealed class CoachChatService(
    CoachingDbContext db,
    IServiceProvider services,
    CoachTools tools,
    PlanService plans,
    FitnessService fitness,
    AthleteService athletes,
    IOptions<OpenRouterOptions> ai,
    CoachClock clock,
    ILogger<CoachChatService> logger)
{
    public const string Help = "I can tell you this week's planned and done load, your form, your next key session, and why a session is planned. "
        + "Ask me one of those; with an OpenRouter key set, I can answer anything about your training.";

    public Task<bool> ExistsAsync(Guid id, CancellationToken cancellationToken) => db.Conversations.AnyAsync(c => c.Id == id, cancellationToken);

    public async IAsyncEnumerable<ChatEvent> AnswerAsync(ChatRequest request, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var question = request.Message!.Trim();
        var conversation = request.ConversationId is { } id
            ? await db.Conversations.Include(c => c.Messages).FirstAsync(c => c.Id == id, cancellationToken)
            : new Conversation { Title = question.Length > 80 ? question[..80] + "…" : question };
        if (request.ConversationId is null)
        {
            db.Conversations.Add(conversation);
        }

        var history = conversation.Messages.OrderBy(m => m.CreatedAt).ToList();
        db.ConversationMessages.Add(new ConversationMessage { ConversationId = conversation.Id, Role = "user", Content = question });
        conversation.UpdatedAt = clock.UtcNow;
        await db.SaveChangesAsync(cancellationToken);
        yield return new ChatEvent(ChatEventTypes.Conversation, conversation.Id);

        var answer = new ConversationMessage { ConversationId = conversation.Id, Role = "assistant", Content = "", Engine = CoachEngines.BuiltInName };
        var text = new System.Text.StringBuilder();
        var stream = services.GetService<StreamingChat>();
        if (stream is not null)
        {
            answer.Engine = "llm";
            var prompt = await services.GetRequiredService<IPromptSource>().GetActiveAsync(AiAction.Chat, ai.Value.Model, cancellationToken);
            var system = PromptRenderer.Render(prompt?.Template ?? DefaultPrompts.Chat, new Dictionary<string, string>
            {
                [PromptPlaceholders.AthleteJson] = CoachJson.Serialize(await athletes.SnapshotAsync(clock.Today, cancellationToken)),
                [PromptPlaceholders.Today] = CoachJson.Serialize(clock.Today),
            });
            List<ChatMessage> turns = [.. history.Select(m => new ChatMessage(m.Role == "user" ? ChatRole.User : ChatRole.Assistant, m.Content)), new(ChatRole.User, question)];
            await using var updates = stream.StreamAsync(new AiPrompt(AiAction.Chat, system, prompt?.Id, prompt?.Version), turns, tools.All(), cancellationToken)
                .GetAsyncEnumerator(cancellationToken);
            string? failure = null;
            while (true)
            {
                try
                {
                    if (!await updates.MoveNextAsync())
                    {
                        break;
                    }
                }
                catch (AiException e)
                {
                    failure = e.Message;
                    break;
                }

                if (updates.Current.Text is { Length: > 0 } delta)
                {
                    text.Append(delta);
                    yield return new ChatEvent(ChatEventTypes.Delta, Text: delta);
                }
            }

            if (failure is not null && text.Length > 0)
            {
                yield return new ChatEvent(ChatEventTypes.Error, Text: $"The answer was cut off: {failure}");
            }
            else if (failure is not null)
            {
                logger.LogWarning("Chat falls back to the built-in coach: {Failure}", failure);
                answer.Engine = CoachEngines.BuiltInName;
            }
        }

        if (answer.Engine == CoachEngines.BuiltInName)
        {
            var reply = BuiltInChatAnswers.Answer(question, await DataAsync(cancellationToken)) ?? Help;
            text.Append(reply);
            yield return new ChatEvent(ChatEventTypes.Delta, Text: reply);
        }

        foreach (var proposal in tools.Proposals)
        {
            yield return new ChatEvent(ChatEventTypes.Proposal, AnalysisId: proposal);
        }

        answer.Content = text.ToString();
        answer.ProposalIds.AddRange(tools.Proposals);
        db.ConversationMessages.Add(answer);
        conversation.UpdatedAt = clock.UtcNow;
        await db.SaveChangesAsync(CancellationToken.None);
        yield return new ChatEvent(ChatEventTypes.Done, conversation.Id, MessageId: answer.Id, Engine: answer.Engine);
    }

    private async Task<ChatData> DataAsync(CancellationToken cancellationToken)
    {
        var today = clock.Today;
        var since = today.AddDays(-35);
        var rides = await db.Workouts.AsNoTracking().Where(w => w.LocalDate >= since)
            .Select(w => new DoneRide(w.LocalDate, w.Name, w.DurationSeconds, w.TrainingLoad ?? w.TrainingStressScore))
            .ToListAsync(cancellationToken);
        return new ChatData((await plans.CurrentAsync(cancellationToken))?.Plan, today, rides, await fitness.SnapshotAsync(today, cancellationToken));
    }
}
