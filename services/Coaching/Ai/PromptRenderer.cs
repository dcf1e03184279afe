using System.Text.RegularExpressions;

namespace CyclingCoach.Coaching.Ai;

/// <summary>
/// Renders <c>{{snake_case}}</c> placeholders in one pass: a value is never scanned again, so text inside a value
/// that looks like a placeholder stays literal, and literal JSON braces in a template need no escaping.
/// </summary>
public static partial class PromptRenderer
{
    /// <exception cref="MissingPromptValuesException">A placeholder has no value.</exception>
    public static string Render(string template, IReadOnlyDictionary<string, string> values)
    {
        var missing = new SortedSet<string>(StringComparer.Ordinal);
        var rendered = Placeholder().Replace(template, match =>
        {
            var name = match.Groups["name"].Value;
            if (values.TryGetValue(name, out var value))
            {
                return value;
            }

            missing.Add(name);
            return match.Value;
        });

        return missing.Count == 0 ? rendered : throw new MissingPromptValuesException(missing.ToList());
    }

    /// <summary>The distinct placeholder names of a template, in order of first use.</summary>
    public static IReadOnlyList<string> Placeholders(string template) =>
        Placeholder().Matches(template).Select(m => m.Groups["name"].Value).Distinct(StringComparer.Ordinal).ToList();

    [GeneratedRegex(@"\{\{(?<name>[a-z][a-z0-9_]*)\}\}")]
    private static partial Regex Placeholder();
}

public sealed class MissingPromptValuesException(IReadOnlyList<string> names)
    : Exception("No value for prompt placeholder(s): " + string.Join(", ", names))
{
    public IReadOnlyList<string> Names { get; } = names;
}
