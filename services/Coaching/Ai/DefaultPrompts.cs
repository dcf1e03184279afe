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

        Training rules (structured, every one must hold; events are the rider's races with priority a, b or c):
        {{rules_json}}

        Athlete (FTP in watts, weight, heart-rate limits; null = unknown):
        {{athlete_json}}

        Current fitness on its date (CTL, ATL, TSB; mean hours and TSS a week over the last 28 days; weeks: the last 6
        weeks, oldest first, with TSS, hours and CTL at their start and end; historyDays since the first ride;
        break: the latest run of more than 10 days without riding):
        {{fitness_json}}

        Goals (focus, wanted hours a week as a cap, notes in the rider's words):
        {{goals_json}}

        The workout library (id, name, category, type, minutes, shortestMinutes, level, tss, steps, purpose):
        {{library_json}}

        The course of the A event the plan builds toward (null when the event names no route, or Routes has not
        analysed it yet): the event, the route's length, climbing and the hours the rider needs for it, and its key
        climbs, each with where it starts, its length, grade, minutes, the power it asks for (watts, and powerFraction
        of FTP) and the preparesFor text that names it:
        {{course_json}}

        The plan:
        - startDate is {{start_date}}; exactly {{weeks}} weeks numbered from 1; each week lists its 7 days in date
          order, Monday to Sunday, every date once. A day with an empty workouts list is a rest day; leave a day's
          event null (the coach marks the rider's events on the plan).
        - Each session is either a pick from the workout library above or a structured workout of your own:
          - a pick: libraryId (an id from the list) and scale, the factor of its listed minutes (1 = as listed,
            0.5–2, never under its shortestMinutes); every other field null but preparesFor. Longer means more endurance riding
            around the same main set, shorter less of it. Prefer the library: its sessions are checked.
          - your own: libraryId and scale null; type (recovery, endurance, long_ride, tempo, sweet_spot, threshold,
            vo2_max, anaerobic, sprint), a short name, zone (Coggan power zone 1–7 it is built around), structured
            steps, a description the rider can follow, durationSeconds equal to the sum of its steps, and
            targetTss = Σ seconds × IF² / 36 with IF the step's power.
          Choose by purpose (the week's phase and focus), by the time the day allows and by progression: each
          library session has a level 1–10 in its energy system; start near the rider's fitness and step up about one
          level a build week, not in recovery weeks.
        - Steps: warmup and cooldown ramp from powerLow to powerHigh; steady holds them; intervals repeat
          durationSeconds at powerHigh and offDurationSeconds at offPower, repeat times. Powers are fractions of
          FTP (0.65 = 65 %), never watts.
        - Load, as the coach judges every plan (a plan that breaks these is refused):
          - Build weeks start from the rider's recent load: at most 10 % over the biggest of the last 4 weeks and at
            most 7·(CTL + 6.5·5) TSS (a CTL rise of 5 a week; 4 with under 6 weeks of rides or back from a break),
            and never under 7·CTL (what holds their fitness) unless the caps allow no more: then say so in notes.
          - A lighter week every 3–4 weeks: a recovery week at 50–65 % of the build weeks, nothing above tempo.
          - At least 75 % of each week's time under 75 % FTP. Hard sessions (sweet spot and above) a week: 1 with
            fewer than 4 sessions or CTL under 30, 2 with 4–6 sessions, 3 with 7 or more at CTL 60 or more, unless
            the rules set a maximum.
          - Use the available days before making sessions longer (about 45 minutes or more each).
          - Events: the next A event shapes the weeks (more than 20 weeks away base, then build, the week before its
            week taper, its week race, the week after transition with easy riding only). Taper the last 14 days: the
            last 7 at 40–60 % of the pre-taper volume with 1–2 short race-intensity openers, so that form (TSB) on the
            day is +5 to +25. Nothing hard in the 48 h before an A or B event; a B event gets a few easier days before
            it; a C event counts as one of the week's hard sessions.
        - The course, when there is one: the base and build weeks prepare for it. In each such week with a hard
          session, the first hard session is your own structured workout for one key climb, the climbs in turn (one a
          week): intervals at the climb's powerFraction (within 0.05 of it, kept to 0.70–1.05), each effort as long as
          the climb takes (at least 5 min; at most 15 min at threshold, 20 at sweet spot, 30 at tempo) with half an
          effort easy between, at most 40 min of efforts in the session (60 at tempo), in the time the day allows; its
          preparesFor is that climb's preparesFor, word for word. The long rides grow toward the course's hours and
          climbing; their preparesFor is longRidePreparesFor. Every other session's preparesFor is null. A plan for a
          known course without an effort matched to a key climb is refused.
        - Respect every rule: available days, rest days, weekly and daily hour caps, day caps, the long-ride day and
          its cap, the number of hard sessions a week, no hard days back to back, blackout dates, the events.
        - Each week: its phase (base, build, recovery, taper, race or transition) and its focus in a few words; a
          week planned below the rider's fitness says why (recovery, taper, transition, the caps). The plan's focus
          names the block's purpose; notes explain in two or three sentences how the plan builds from the rider's
          recent load.
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
        - requiredReactions in the facts are what a coach must do after this ride (a big or hard unplanned day,
          fatigue): each listed date must end up without a hard session (sweet spot and above) — change_intensity to
          endurance or recovery, or move/swap the session to a later free day of its week with an easy day either
          side. While fatigued, add no hard session. Never make up ("repay") volume. An answer that leaves a required
          reaction out is sent back.
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
