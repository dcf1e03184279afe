using System.Runtime.CompilerServices;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Options;

namespace CyclingCoach.Coaching.Ai;

/// <summary>
/// A streamed chat answer (ask-the-coach): tools run through function invocation, failures become
/// <see cref="AiProviderException"/>, and one <see cref="IAiCallLog"/> record is written when the stream ends,
/// fails or is abandoned, with tokens and cost from the usage-only final chunk.
/// </summary>
public sealed class StreamingChat(
    IChatClient chat,
    IAiCallLog log,
    AiStatus status,
    IOptions<OpenRouterOptions> options,
    TimeProvider time,
    ILogger<StreamingChat> logger)
{
    /// <param name="system">The rendered chat prompt (the system message) and where it came from.</param>
    /// <param name="conversation">The user and assistant turns so far, the newest user turn last.</param>
    /// <param name="tools">Functions the model may call (reading the rider's data, proposing changes).</param>
    public async IAsyncEnumerable<ChatResponseUpdate> StreamAsync(
        AiPrompt system,
        IEnumerable<ChatMessage> conversation,
        IList<AITool>? tools = null,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var settings = options.Value;
        var call = new AiCallTally(system, settings.Model, time) { Attempts = 1 };
        var chatOptions = AiChatOptions.Create(settings);
        chatOptions.Tools = tools;
        var client = tools is { Count: > 0 } ? chat.AsBuilder().UseFunctionInvocation().Build() : chat;
        List<ChatMessage> messages = [new(ChatRole.System, system.Text), .. conversation];

        var outcome = AiCallOutcome.Cancelled;
        string? error = "abandoned by the caller";
        try
        {
            await using var updates = client.GetStreamingResponseAsync(messages, chatOptions, cancellationToken).GetAsyncEnumerator(cancellationToken);
            while (true)
            {
                try
                {
                    if (!await updates.MoveNextAsync())
                    {
                        break;
                    }
                }
                catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
                {
                    error = "cancelled by the caller";
                    throw;
                }
                catch (Exception e) when (StructuredOutput.ToProviderException(e) is { } mapped)
                {
                    (outcome, error) = (mapped.Outcome, mapped.Message);
                    status.CallFailed(time.GetUtcNow(), mapped.Outcome, mapped.Message);
                    logger.LogWarning("AI chat stream failed: {Outcome}: {Error}", mapped.Outcome, mapped.Message);
                    throw mapped;
                }

                call.Add(updates.Current);
                yield return updates.Current;
            }

            (outcome, error) = (AiCallOutcome.Success, null);
        }
        finally
        {
            await call.RecordAsync(log, logger, outcome, error);
        }
    }
}
