using CyclingCoach.Coaching.Domain.Chat;
using CyclingCoach.Coaching.Tests.Operations;
using static CyclingCoach.Coaching.Tests.Operations.TestPlans;
using CyclingCoach.Coaching.Domain.Load;

namespace CyclingCoach.Coaching.Tests.Analyses;

public sealed class BuiltInChatAnswersTests
{
    // Standard(): Mon 2 rest, Tue 3 threshold 60 (TSS 58.7), Wed 4 endurance 60 (TSS 38.0), Thu 5 VO2max 60, Fri 6 rest,
    // Sat 7 long 180, Sun 8 endurance 90 (7.5 h a week); again from Mon 9 to Sun 15.
    private static ChatData Data(DateOnly today, DoneRide[]? rides = null, FitnessSnapshot? fitness = null, bool plan = true) =>
        new(plan ? Standard() : null, today, rides ?? [], fitness);

    private static string Ask(string question, ChatData data) => BuiltInChatAnswers.Answer(question, data) ?? throw new Xunit.Sdk.XunitException($"no answer to '{question}'");

    [Fact]
    public void This_weeks_load_planned_and_done()
    {
        var rides = new DoneRide[] { new(Day(0), "Spin", 3600, 45), new(Day(1), "Intervals", 3600, 57), new(Day(-1), "Last week", 7200, 100) };
        var weekTss = Standard().Days.Where(d => d.Date < Day(7)).SelectMany(d => d.Workouts).Sum(w => w.TargetTss);

        var answer = Ask("How much training do I have this week?", Data(Day(2), rides));

        Assert.StartsWith("This week (Mon 2 Nov to Sun 8 Nov)", answer);
        Assert.Contains($"planned 7.5 h, TSS {weekTss:0} in 5 sessions", answer);
        // 45 + 57; last Sunday's ride is not this week.
        Assert.Contains("done so far 2.0 h, TSS 102 in 2 rides", answer);
        // Mon–Wed: threshold + endurance, 58.7 + 38.0.
        Assert.Contains("planned up to today: 2.0 h, TSS 97 in 2 sessions", answer);
    }

    [Fact]
    public void Next_weeks_load_is_planned_only_and_no_plan_still_answers_done()
    {
        var next = Ask("What's planned next week?", Data(Day(2)));
        Assert.StartsWith("Next week (Mon 9 Nov to Sun 15 Nov): planned 7.5 h, TSS ", next);
        Assert.DoesNotContain("done", next);
        Assert.Equal("This week (Mon 2 Nov to Sun 8 Nov): no plan covers it; done so far 1.0 h, TSS 45 in 1 ride.",
            Ask("weekly load?", Data(Day(2), [new(Day(0), "Spin", 3600, 45)], plan: false)));
    }

    [Theory]
    [InlineData(10.0, "fresh")]
    [InlineData(5.0, "neutral")]
    [InlineData(-10.0, "neutral")]
    [InlineData(-10.5, "tired")]
    [InlineData(-30.0, "tired")]
    [InlineData(-31.0, "overreaching")]
    public void Tsb_readings(double tsb, string reading) => Assert.Equal(reading, BuiltInChatAnswers.ReadTsb(tsb));

    [Fact]
    public void Current_form_gives_the_numbers_and_the_reading()
    {
        var answer = Ask("Am I fresh enough?", Data(Day(2), fitness: new FitnessSnapshot(60, 72, -12, 7, 400)));
        Assert.StartsWith("Fitness (CTL) 60, fatigue (ATL) 72, form (TSB) -12: tired", answer);

        Assert.Contains("no fitness numbers", Ask("what is my form", Data(Day(2))));
        // Not a question about a session, so not a why-question.
        Assert.Contains("overreaching", Ask("Why am I so tired?", Data(Day(2), fitness: new FitnessSnapshot(50, 85, -35, 7, 400))));
    }

    [Fact]
    public void Next_key_session()
    {
        Assert.StartsWith("Your next key session is VO2max intervals tomorrow (Thu 5 Nov)", Ask("When is my next hard session?", Data(Day(2))));
        // Tuesday morning: today's threshold is next, unless a ride is already logged today.
        Assert.StartsWith("Your next key session is Threshold intervals today (Tue 3 Nov)", Ask("next key workout?", Data(Day(1))));
        Assert.StartsWith("Your next key session is VO2max intervals on Thursday 5 Nov",
            Ask("next key workout?", Data(Day(1), [new(Day(1), "Intervals", 3600, 57)])));
        Assert.Equal("No hard session is planned from Sat 14 Nov to the end of the plan (Sun 15 Nov).", Ask("next intervals?", Data(Day(12))));
        Assert.Contains("no current plan", Ask("next key session", Data(Day(2), plan: false)));
    }

    [Fact]
    public void Why_a_session_is_planned()
    {
        var saturday = Ask("Why is Saturday's ride so long?", Data(Day(2)));
        Assert.StartsWith("On Saturday 7 Nov, week 1 of 2 (week 1) in a block aimed at test block: Long ride (180 min, TSS", saturday);
        Assert.Contains("endurance over time", saturday);

        Assert.StartsWith("Tomorrow (Fri 6 Nov) is a rest day in week 1 of 2", Ask("why is tomorrow a rest day", Data(Day(3))));
        // No day named: the next session from today.
        Assert.StartsWith("Today (Wed 4 Nov), week 1 of 2", Ask("What's the purpose of this workout?", Data(Day(2))));
        Assert.StartsWith("Mon 16 Nov is outside the current plan", Ask("why is monday's session planned", Data(Day(13))));
    }

    [Theory]
    [InlineData("What's the weather like tomorrow?")]
    [InlineData("How is my performance?")]
    [InlineData("Tell me a joke")]
    public void Unknown_questions_have_no_answer(string question) => Assert.Null(BuiltInChatAnswers.Answer(question, Data(Day(2))));
}
