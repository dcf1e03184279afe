using CyclingCoach.Coaching.Ai;

namespace CyclingCoach.Coaching.Tests.Ai;

public sealed class JsonTextTests
{
    [Theory]
    [InlineData("{\"a\":1}", "{\"a\":1}")]
    [InlineData("```json\n{\"a\":1}\n```", "{\"a\":1}")]
    [InlineData("```\n{\"a\":{\"b\":[1,2]}}\n```", "{\"a\":{\"b\":[1,2]}}")]
    [InlineData("Here you go:\n{\"a\":1}\nHope this helps {really}.", "{\"a\":1}")]
    [InlineData("I used {curly} words first. {\"a\":\"}\"}", "{\"a\":\"}\"}")]
    [InlineData("{\"a\":1} {\"b\":2}", "{\"a\":1}")]
    public void Finds_the_first_whole_object(string text, string expected)
    {
        Assert.True(JsonText.TryExtractObject(text, out var json));
        Assert.Equal(expected, json);
    }

    [Theory]
    [InlineData("")]
    [InlineData("No JSON here, sorry.")]
    [InlineData("{\"a\": [1, 2")]
    [InlineData("[1, 2, 3]")]
    public void Reports_no_object(string text) => Assert.False(JsonText.TryExtractObject(text, out _));
}
