using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Logging.Console;

namespace CyclingCoach.ServiceDefaults.Logging;

/// <summary>
/// One line per entry: <c>12:00:00.123 info  Category trace=&lt;trace id&gt; message</c>. The trace id is what lets a
/// rider (and the system test) follow one request through gateway → service → bus → service in plain logs.
/// </summary>
public sealed class CoachConsoleFormatter() : ConsoleFormatter(FormatterName)
{
    public const string FormatterName = "coach";

    public override void Write<TState>(in LogEntry<TState> logEntry, IExternalScopeProvider? scopeProvider, TextWriter textWriter)
    {
        var message = logEntry.Formatter(logEntry.State, logEntry.Exception);
        if (string.IsNullOrEmpty(message) && logEntry.Exception is null)
        {
            return;
        }

        textWriter.Write(DateTime.UtcNow.ToString("HH:mm:ss.fff"));
        textWriter.Write(' ');
        textWriter.Write(LevelName(logEntry.LogLevel));
        textWriter.Write(' ');
        textWriter.Write(logEntry.Category);
        var activity = Activity.Current;
        if (activity is not null)
        {
            textWriter.Write(" trace=");
            textWriter.Write(activity.TraceId.ToHexString());
        }

        textWriter.Write(' ');
        textWriter.Write(message.ReplaceLineEndings(" "));
        if (logEntry.Exception is not null)
        {
            textWriter.Write(' ');
            textWriter.Write(logEntry.Exception.ToString().ReplaceLineEndings(Environment.NewLine + "    "));
        }

        textWriter.Write(Environment.NewLine);
    }

    private static string LevelName(LogLevel level) => level switch
    {
        LogLevel.Trace => "trce",
        LogLevel.Debug => "dbug",
        LogLevel.Information => "info",
        LogLevel.Warning => "warn",
        LogLevel.Error => "fail",
        LogLevel.Critical => "crit",
        _ => "    ",
    };
}
