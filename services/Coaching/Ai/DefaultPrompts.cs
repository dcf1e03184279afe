namespace CyclingCoach.Coaching.Ai;

/// <summary>
/// The prompt text seeded per action at first start (from the seed's two sample prompts, rewritten for our
/// schemas). The JSON shape is enforced by the response format, so a prompt describes the task, the rules to keep
/// and what to cite; data arrives JSON-encoded through the placeholders of <see cref="PromptPlaceholders"/>.
/// </summary>
public static class DefaultPrompts
{
    public const string RuleParsing = """
        Turn a cyclist's training rules, written in their own words, into the structured rule set.

        Today is {{today}}. The rider's text, as a JSON string:
        {{rules_text}}

        How to fill the rule set:
        - Weekdays are lower-case English names ("monday" … "sunday"); hours are decimal hours (90 minutes = 1.5).
        - availableDays: the days the rider can ride, or null when the text does not limit the days.
        - restDays: days that must stay free of training. dayCaps: caps for particular weekdays ("Tuesdays at most an hour").
        - maxHardSessionsPerWeek counts sweet spot, threshold, VO2max, anaerobic and sprint sessions.
        - blackoutDates: holidays and travel as inclusive ISO date ranges (yyyy-mm-dd) with a short reason;
          resolve relative dates ("next week", "in March") against today.
        - events: every race or event the rider names, with its name, ISO date and priority: "a" for the main goal
          (also when no priority is given), "b" for an important one, "c" for one ridden as training.
        - Leave a field null (or its list empty) when the text says nothing about it. Never invent a rule.

        Every phrase that states a wish or constraint you cannot express in these fields goes, word for word, into
        notUnderstood. Text that is not about training (greetings, thanks) goes nowhere.
        """;

    public const string PlanGeneration = """
        Create a personalised {{weeks}}-week cycling training plan that starts on Monday {{start_date}}.

        Training rules (structured, every one must hold):
        {{rules_json}}

        Athlete (FTP in watts, weight, heart-rate limits; null = unknown):
        {{athlete_json}}

        Current fitness (CTL, ATL, TSB; mean hours and TSS a week over the last 28 days):
        {{fitness_json}}

        Goals (focus, wanted hours a week, notes in the rider's words):
        {{goals_json}}

        The plan:
        - startDate is {{start_date}}; exactly {{weeks}} weeks numbered from 1; each week lists its 7 days in date
          order, Monday to Sunday, every date once. A day with an empty workouts list is a rest day.
        - Each workout: type (recovery, endurance, long_ride, tempo, sweet_spot, threshold, vo2_max, anaerobic,
          sprint), a short name, zone (Coggan power zone 1–7 it is built around), structured steps, a description
          the rider can follow, durationSeconds equal to the sum of its steps, and targetTss = Σ seconds × IF² / 36
          with IF the step's power.
        - Steps: warmup and cooldown ramp from powerLow to powerHigh; steady holds them; intervals repeat
          durationSeconds at powerHigh and offDurationSeconds at offPower, repeat times. Powers are fractions of
          FTP (0.65 = 65 %), never watts.
        - Load: start near the rider's recent weekly load, build for the first weeks (about 5–10 % a week) and make
          the last week of a 4-week block a recovery week (about 60–70 % of the biggest week). Follow the goal's
          focus and weekly hours, inside the rules' caps.
        - Respect every rule: available days, rest days, weekly and daily hour caps, day caps, the long-ride day and
          its cap, the number of hard sessions a week, no hard days back to back, blackout dates, the target event.
        - focus (plan and each week) names the block's purpose in a few words; notes explain in two or three
          sentences how the plan builds.
        """;

    public const string WorkoutAnalysis = """
        Analyse a cyclist's ride and give structured, actionable feedback.

        Computed facts of the ride (the "citable" numbers are the only numbers you may cite, by their names):
        {{facts_json}}

        The current plan (null when the rider has none):
        {{plan_json}}

        Training rules:
        {{rules_json}}

        Athlete:
        {{athlete_json}}

        The feedback:
        - summary: two or three sentences on how the ride went, compared with the planned session when there was one.
        - strengths and improvements: short, specific claims. Each lists in cites the names of the citable facts it
          rests on (for example "intensityFactor", "compliancePercent", "tsb"); a claim that cites nothing is not allowed.
        - suggestions: changes to the coming days of the plan, only when the facts call for them (fatigue, a missed
          or overdone session). Each is one plan operation (move, swap, shorten, lengthen, change_intensity,
          add_rest, replace) on a date inside the plan and after the ride, with a reason and the facts it cites.
          Keep the training rules; suggest nothing when there is no plan. The rider approves each suggestion
          before anything changes.
        """;

    public const string PlanEvolution = """
        Apply the approved changes to a cyclist's training plan and return the whole updated plan.

        The current plan:
        {{plan_json}}

        The approved changes (plan operations with their reasons):
        {{suggestions_json}}

        Training rules (the updated plan must keep every one):
        {{rules_json}}

        Apply each change as described by its kind (move, swap, shorten, lengthen, change_intensity, add_rest,
        replace) and change nothing else: same start date, same weeks and dates, untouched days exactly as they
        were. A changed workout keeps durationSeconds equal to the sum of its steps and a matching targetTss.
        """;

    public const string Chat = """
        You are the rider's cycling coach inside CyclingCoach. Today is {{today}}.

        The athlete:
        {{athlete_json}}

        Answer questions about the rider's training from their own data: use the tools to read fitness, recent rides,
        the plan, the rules and routes rather than guessing, and say which numbers an answer rests on. You never
        change the plan yourself: when a change would help, propose it with the proposal tool as a plan operation
        with a reason; the rider approves or rejects it. Be brief and concrete; say so when the data does not tell.
        """;

    public static string For(AiAction action) => action switch
    {
        AiAction.RuleParsing => RuleParsing,
        AiAction.PlanGeneration => PlanGeneration,
        AiAction.WorkoutAnalysis => WorkoutAnalysis,
        AiAction.PlanEvolution => PlanEvolution,
        AiAction.Chat => Chat,
        _ => throw new ArgumentOutOfRangeException(nameof(action), action, null),
    };
}
