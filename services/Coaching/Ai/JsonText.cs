using System.Text;
using System.Text.RegularExpressions;
using System.Text.Json;

namespace CyclingCoach.Coaching.Ai;

/// <summary>
/// Finds the JSON object in a model's answer: models wrap it in ```json fences or put prose around it even when a
/// schema is set, and Microsoft.Extensions.AI's own result parsing throws on both.
/// </summary>
public static partial class JsonText
{
    private const int MaxCandidates = 32;

    public static bool TryExtractObject(string? text, out string json)
    {
        json = "";
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var fence = Fence().Match(text);
        var body = fence.Success ? fence.Groups["body"].Value : text;

        // Prose may contain a brace of its own ("{like this}"): try each '{' until one starts a whole JSON value.
        var start = body.IndexOf('{');
        for (var tried = 0; start >= 0 && tried < MaxCandidates; tried++, start = body.IndexOf('{', start + 1))
        {
            if (TryReadFirstValue(body[start..], out json))
            {
                return true;
            }
        }

        return false;
    }

    private static bool TryReadFirstValue(string candidate, out string json)
    {
        json = "";
        var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(candidate), new JsonReaderOptions { AllowMultipleValues = true });
        try
        {
            using var document = JsonDocument.ParseValue(ref reader);
            json = document.RootElement.GetRawText();
            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    [GeneratedRegex(@"```[a-zA-Z]*[ \t]*\r?\n?(?<body>.*?)```", RegexOptions.Singleline)]
    private static partial Regex Fence();
}
