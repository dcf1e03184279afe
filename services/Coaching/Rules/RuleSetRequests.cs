using CyclingCoach.Coaching.Domain.Rules;

namespace CyclingCoach.Coaching.Rules;

public sealed record RuleParseRequest(string? Text)
{
    public const int MaxLength = 10_000;

    public Dictionary<string, string[]> Validate()
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(Text))
        {
            errors["text"] = ["Write the rules in plain words."];
        }
        else if (Text.Length > MaxLength)
        {
            errors["text"] = [$"At most {MaxLength} characters."];
        }

        return errors;
    }
}

/// <param name="Rules">The structured rules to save (for example the parse preview after the rider edited it); parsed from <paramref name="Text"/> when absent.</param>
public sealed record RuleSetSaveRequest(string? Text, string? Name, RuleSet? Rules)
{
    public Dictionary<string, string[]> Validate()
    {
        var errors = new RuleParseRequest(Text).Validate();
        if (Name is { Length: > 120 })
        {
            errors["name"] = ["At most 120 characters."];
        }

        if (Rules is not null)
        {
            foreach (var (key, value) in RuleSetChecks.Validate(Rules))
            {
                errors[$"rules.{key}"] = value;
            }
        }

        return errors;
    }
}
