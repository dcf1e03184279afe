// The coaching endpoints the dashboard and the ride page call, for the fake gateway (shaped like
// openapi/coaching.json): fitness from the seeded rides' TSS (42/7-day exponential, GoldenCheetah's), the power curve
// from their mean-max, one ride review with two suggestions (approve / reject change it), no plan yet, and a plan
// generation the rules refuse (422 with violations), readiness for 28 days with gaps (today low), and two analyses
// without a ride (today's readiness adjustment, a threshold update), and a week's suggestions decided at once (approve
// all makes a plan version when the plan has versions; a test can refuse it once: `coach.weekRefusal = { status: 422,
// … }`). The real stack's e2e, coach-flow.e2e.mjs, covers real plans.

const DAY = 86_400_000;
const isoDay = (ms) => new Date(ms).toISOString().slice(0, 10);
const localDay = (iso) => isoDay(Date.parse(iso));

/** @param {any[]} workouts @param {string | null} from @param {string | null} to */
export function fitnessBody(workouts, from, to) {
  const today = isoDay(Date.now());
  const first = from ?? isoDay(Date.now() - 90 * DAY);
  const last = to ?? today;
  const load = new Map();
  for (const w of workouts) {
    const tss = w.metrics?.trainingStressScore;
    if (tss) load.set(localDay(w.startTime), (load.get(localDay(w.startTime)) ?? 0) + tss);
  }
  const start = Math.min(Date.parse(first), ...workouts.map((w) => Date.parse(localDay(w.startTime))));
  let ctl = 0;
  let atl = 0;
  const days = [];
  for (let t = start; t <= Date.parse(last); t += DAY) {
    const date = isoDay(t);
    const l = load.get(date) ?? 0;
    const tsb = ctl - atl; // the day before's form
    ctl += (l - ctl) * (1 - Math.exp(-1 / 42));
    atl += (l - atl) * (1 - Math.exp(-1 / 7));
    if (date >= first) days.push({ date, load: l, ctl, atl, tsb, projected: false });
  }
  return { from: first, to: last, today, ctlDays: 42, atlDays: 7, smoothing: 'exponential', days };
}

/** @param {any[]} workouts */
export function powerCurveBody(workouts) {
  const windows = [['last42Days', 42], ['last90Days', 90], ['last365Days', 365], ['allTime', null]];
  return {
    windows: windows.map(([name, days]) => {
      const since = days == null ? null : isoDay(Date.now() - days * DAY);
      const best = new Map();
      for (const w of workouts) {
        const date = localDay(w.startTime);
        if (since && date < since) continue;
        for (const [d, watts] of Object.entries(w.metrics?.meanMaxPowerWatts ?? {})) {
          if (!best.has(d) || best.get(d).watts < watts) best.set(d, { durationSeconds: Number(d), watts, workoutId: w.id, date });
        }
      }
      return { name, from: since, points: [...best.values()].sort((a, b) => a.durationSeconds - b.durationSeconds) };
    }),
  };
}

/** The newest seeded ride's review: ready, with two pending plan suggestions. @param {any} w */
export function reviewOf(w) {
  const date = localDay(w.startTime);
  const later = (days) => isoDay(Date.parse(date) + days * DAY);
  const m = w.metrics;
  return {
    id: '0199aaaa-0000-7000-8000-000000000001', type: 'workout_review', workoutId: w.id, day: date, status: 'ready', engine: 'builtin', fallbackReason: null,
    facts: {
      workoutId: w.id, date, name: w.name, durationSeconds: w.durationSeconds, distanceMeters: w.distanceMeters, trainingStressScore: m.trainingStressScore,
      intensityFactor: m.intensityFactor, normalizedPowerWatts: m.normalizedPowerWatts, averagePowerWatts: m.averagePowerWatts, averageHeartRateBpm: m.averageHeartRateBpm,
      ftpWatts: m.ftpUsedWatts, planned: null, compliancePercent: null, ctl: 48, atl: 80, tsb: -32, plannedRestDay: false, lactateThresholdHeartRateBpm: m.lthrUsedBpm,
    },
    feedback: {
      summary: `${w.name}: TSS ${m.trainingStressScore}. Form: CTL 48, ATL 80, TSB -32.`,
      strengths: [{ text: 'Got the ride done.', cites: ['durationSeconds'] }],
      improvements: [{ text: 'Fatigue is high: TSB -32.', cites: ['tsb'] }],
      suggestions: [],
    },
    suggestions: [
      { id: 's1', kind: 'plan_operation', reason: 'Shorten the next threshold session to 40 min: TSB is -32.', cites: ['tsb'], operation: { kind: 'shorten', date: later(2), targetDate: null, durationSeconds: 2400, workoutType: null, workout: null }, thresholds: null, state: 'pending' },
      { id: 's2', kind: 'plan_operation', reason: 'Rest tomorrow: TSB is -32.', cites: ['tsb'], operation: { kind: 'add_rest', date: later(1), targetDate: null, durationSeconds: null, workoutType: null, workout: null }, thresholds: null, state: 'pending' },
    ],
    planVersionId: null, resultPlanVersionId: null, error: null, rejectReason: null, createdAt: w.startTime, completedAt: w.startTime, decidedAt: null,
    basedOn: { trainingStressScore: m.trainingStressScore, intensityFactor: m.intensityFactor, ftpWatts: m.ftpUsedWatts }, stale: false, current: null,
  };
}

/**
 * Readiness for the last 28 days (today's is low, which explains the readiness suggestion); every fifth day has no
 * wellness and is absent, as the service leaves it. Dates are the server's local days like the rest of the fake.
 * @param {string | null} from @param {string | null} to
 */
export function readinessBody(from, to) {
  const last = to ?? isoDay(Date.now());
  const first = from ?? isoDay(Date.parse(last) - 29 * DAY);
  const days = [];
  for (let t = Date.parse(first), i = 0; t <= Date.parse(last); t += DAY, i++) {
    const date = isoDay(t);
    const back = Math.round((Date.parse(last) - t) / DAY);
    if (back % 5 === 3) continue; // no wellness that day
    const score = back === 0 ? 42 : Math.round(58 + 25 * Math.sin(back / 3));
    const band = score >= 70 ? 'ready' : score >= 50 ? 'caution' : 'low';
    const hrv = back === 0 ? 38 : 52, sleep = back === 0 ? 5.4 : 7.6, rhr = back === 0 ? 55 : 49;
    days.push({
      date, score, band, confidence: back === 0 ? 0.8 : 0.9, missing: back === 0 ? ['body_battery'] : [],
      facts: { hrvMs: hrv, hrvBaselineMs: 52, sleepHours: sleep, restingHeartRateBpm: rhr, restingHeartRateBaselineBpm: 49 },
      reasons: [
        { component: 'hrv', score: back === 0 ? 30 : 80, weight: 0.4, text: `HRV ${hrv} ms against a 52 ms baseline`, cites: ['hrvMs', 'hrvBaselineMs'] },
        { component: 'sleep', score: back === 0 ? 45 : 85, weight: 0.35, text: `Slept ${sleep} h`, cites: ['sleepHours'] },
        { component: 'resting_hr', score: back === 0 ? 55 : 90, weight: 0.25, text: `Resting HR ${rhr} bpm (baseline 49)`, cites: ['restingHeartRateBpm', 'restingHeartRateBaselineBpm'] },
      ],
    });
  }
  return { from: first, to: last, days };
}

/** Today's readiness adjustment: no ride, one pending plan operation (ride today's hard session as endurance). */
export function readinessAdjustment(now = Date.now()) {
  const today = isoDay(now);
  const at = new Date(now).toISOString();
  const reason = "Readiness this morning is 42 (low). HRV 38 ms against a 52 ms baseline; slept 5.4 h. Ride today's Threshold 3x12 as endurance instead.";
  return {
    id: '0199aaaa-0000-7000-8000-000000000002', type: 'readiness_adjustment', workoutId: null, day: today, status: 'ready', engine: 'builtin', fallbackReason: null, facts: null,
    feedback: { summary: `Readiness 42 (low, confidence 0.80) on ${today}.`, strengths: [], improvements: [{ text: 'HRV 38 ms against a 52 ms baseline', cites: ['hrvMs'] }], suggestions: [] },
    suggestions: [
      { id: 's1', kind: 'plan_operation', reason, cites: ['hrvMs', 'sleepHours'], operation: { kind: 'change_intensity', date: today, targetDate: null, durationSeconds: null, workoutType: 'endurance', workout: null }, thresholds: null, state: 'pending' },
    ],
    planVersionId: '0199bbbb-0000-7000-8000-000000000001', resultPlanVersionId: null, error: null, rejectReason: null, createdAt: at, completedAt: at, decidedAt: null,
    basedOn: null, stale: false, current: null,
  };
}

/** A threshold update from a hard ride: approving it adopts FTP 272 W (the service starts a new athlete period). */
export function thresholdUpdate(now = Date.now()) {
  const at = new Date(now - 3 * 3600_000).toISOString();
  return {
    id: '0199aaaa-0000-7000-8000-000000000003', type: 'threshold_update', workoutId: null, day: isoDay(now), status: 'ready', engine: 'builtin', fallbackReason: null, facts: null,
    feedback: { summary: 'Your 20-minute best suggests a higher FTP.', strengths: [], improvements: [], suggestions: [] },
    suggestions: [
      { id: 's1', kind: 'thresholds', reason: '20-minute best 286 W × 0.95 = 272 W, above the 265 W in use.', cites: ['meanMax1200'], operation: null, thresholds: { source: 'estimated', effectiveFrom: isoDay(now), ftpWatts: 272, lactateThresholdHeartRateBpm: null, maxHeartRateBpm: null, restingHeartRateBpm: null, weightKg: null }, state: 'pending' },
    ],
    planVersionId: null, resultPlanVersionId: null, error: null, rejectReason: null, createdAt: at, completedAt: at, decidedAt: null,
    basedOn: null, stale: false, current: null,
  };
}

/**
 * A chat proposal made `now` (no day of its own: its week is the one it was made in) to ride `date`'s session as
 * `workoutType`. Not seeded (the dashboard's tests count the seeded analyses): a test adds it,
 * `gateway.coach.analyses.push(chatProposal(...))`, e.g. as the week's stale proposal.
 */
export function chatProposal(date, workoutType, now = Date.now()) {
  const at = new Date(now).toISOString();
  return {
    id: '0199aaaa-0000-7000-8000-000000000004', type: 'chat_proposal', workoutId: null, day: null, status: 'ready', engine: 'builtin', fallbackReason: null, facts: null,
    feedback: { summary: `You asked to ride ${date} easier.`, strengths: [], improvements: [], suggestions: [] },
    suggestions: [
      { id: 's1', kind: 'plan_operation', reason: `Ride ${date} as ${workoutType.replace(/_/g, ' ')}, as you asked in the chat.`, cites: [], operation: { kind: 'change_intensity', date, targetDate: null, durationSeconds: null, workoutType, workout: null }, thresholds: null, state: 'pending' },
    ],
    planVersionId: null, resultPlanVersionId: null, error: null, rejectReason: null, createdAt: at, completedAt: at, decidedAt: null,
    basedOn: null, stale: false, current: null,
  };
}

/** What an applied plan operation leaves on its day: a rest day, or a session of its type. */
const effect = (op) => (op.kind === 'add_rest' ? 'rest' : (op.workoutType ?? 'changed'));

/**
 * The week's pending suggestions as services/Coaching/Analyses/WeekReview.cs lists them: analyses still open whose
 * day (else the day they were made) is in the week, by day then age; a plan operation is in "approve all" unless it no
 * longer fits after the ones before it — here the applier's two cases a week meets: a day an earlier one made a rest
 * day, and a session already of the asked type — or there is no plan (no versions); thresholds and the rest are
 * decided on their own. What a week's approval applied stays in the fake's plan (`planChanges`). Returns the items and
 * the suggestions "approve all" applies.
 */
export function weekItems(state, monday) {
  const sunday = isoDay(Date.parse(monday) + 6 * DAY);
  const dayOf = (a) => a.day ?? localDay(a.createdAt);
  const open = state.analyses
    .filter((a) => (a.status === 'ready' || a.status === 'partially_approved') && dayOf(a) >= monday && dayOf(a) <= sunday)
    .sort((a, b) => dayOf(a).localeCompare(dayOf(b)) || a.createdAt.localeCompare(b.createdAt));
  const changed = new Map(state.planChanges); // date → 'rest' or the workout type the plan (or an earlier operation) has
  const items = [];
  const apply = [];
  for (const a of open) {
    for (const s of a.suggestions.filter((x) => x.state === 'pending')) {
      const op = s.kind === 'plan_operation' ? s.operation : null;
      let note = null;
      if (!op) note = 'Decide this one on its own: it changes your thresholds or what counts for your fitness.';
      else if (!(state.planVersions?.length > 0)) note = 'There is no plan to change; generate one first.';
      else if (changed.get(op.date) === 'rest') note = `No longer fits the plan after the ones before it: ${op.date} ${op.kind === 'add_rest' ? 'is already a rest day' : 'has no session to change'}.`;
      else if (op.kind === 'change_intensity' && changed.get(op.date) === op.workoutType) note = `No longer fits the plan after the ones before it: The session on ${op.date} is already ${op.workoutType}.`;
      else {
        changed.set(op.date, effect(op));
        apply.push({ analysis: a, suggestion: s });
      }
      items.push({ analysisId: a.id, analysisType: a.type, day: dayOf(a), workoutId: a.workoutId, summary: a.feedback?.summary ?? null, suggestion: s, inApproveAll: op !== null, note });
    }
  }
  return { items, apply };
}

/** "Approve all": one new plan version (origin analysis) holding every suggestion that fits; the rest stay pending. */
function approveWeek(state, monday) {
  const { items, apply } = weekItems(state, monday);
  if (apply.length === 0) return { monday, newPlanId: null, decided: [], left: items };
  const [newest] = state.planVersions;
  const version = { ...planVersionSummaries(1)[0], id: `0199bbbb-0000-7000-8000-${String(newest.version + 1).padStart(12, '0')}`, version: newest.version + 1, parentId: newest.id, origin: 'analysis', createdBy: `week:${monday}` }; // as WeekReview stores it
  state.planVersions = [version, ...state.planVersions.map((v) => ({ ...v, isActive: false }))];
  state.planChanges ??= new Map();
  for (const { analysis, suggestion } of apply) {
    state.planChanges.set(suggestion.operation.date, effect(suggestion.operation));
    decide(analysis, [suggestion.id], 'approved');
    analysis.resultPlanVersionId = version.id;
  }
  const decided = apply.map(({ analysis, suggestion }) => ({ analysisId: analysis.id, suggestionId: suggestion.id }));
  return { monday, newPlanId: version.id, decided, left: items.filter((i) => !decided.some((d) => d.analysisId === i.analysisId && d.suggestionId === i.suggestion.id)) };
}

/** A plan version in the shape of GET /api/coach/plans/{id} (the summary's fields; an empty plan body). */
function planVersionBody(summary) {
  const { startDate, endDate, ...rest } = summary;
  return { ...rest, lineageId: summary.id, goals: null, ruleSetId: null, repairs: [], warnings: [], plan: { startDate, endDate, focus: 'base', weeks: [], notes: null, days: [] } };
}

/** Marks the chosen (or all pending) suggestions and sets the status the service would. */
const ORIGINS = ['generation', 'analysis', 'chat', 'threshold', 'undo'];

/**
 * `count` plan versions, newest first, each the child of the one before (the plan page's history; paging past 50).
 * A test sets them: `gateway.coach.planVersions = planVersionSummaries(60)`.
 */
export function planVersionSummaries(count, now = Date.now()) {
  const id = (n) => `0199bbbb-0000-7000-8000-${String(n).padStart(12, '0')}`;
  return Array.from({ length: count }, (_, i) => {
    const version = count - i;
    return {
      id: id(version), version, parentId: version > 1 ? id(version - 1) : null, origin: version === 1 ? 'generation' : ORIGINS[version % ORIGINS.length],
      createdBy: version % 2 ? 'builtin' : 'rider', createdAt: new Date(now - (count - version) * 3_600_000).toISOString(), isActive: version === count,
      startDate: isoDay(now - 7 * DAY), endDate: isoDay(now + 20 * DAY),
      weeks: [1, 2, 3, 4].map((weekNumber) => ({ weekNumber, focus: 'base', hours: 6 + weekNumber + (version % 3), tss: 300 + 20 * weekNumber + version, hardSessions: 2, restDays: 2 })),
    };
  });
}

function decide(analysis, ids, state, reason) {
  for (const s of analysis.suggestions) if (s.state === 'pending' && (!ids || ids.includes(s.id))) s.state = state;
  const states = new Set(analysis.suggestions.map((s) => s.state));
  if (!states.has('pending')) {
    analysis.status = states.has('approved') ? (states.has('rejected') ? 'partially_approved' : 'approved') : 'rejected';
    analysis.decidedAt = new Date().toISOString();
  }
  if (state === 'rejected' && reason) analysis.rejectReason = reason;
  return { analysis, newPlanId: null };
}

/**
 * Answers a coaching request, or returns false when it is not one of these.
 * @param {import('node:http').IncomingMessage} req @param {URL} url @param {any[]} workouts
 * @param {(status: number, body: unknown) => void} send @param {(status: number) => void} notFound
 */
export function handleCoach(req, url, workouts, send, notFound, state, body) {
  if (!url.pathname.startsWith('/api/coach/')) return false;
  const q = url.searchParams;
  const decision = /^\/api\/coach\/analyses\/([^/]+)\/(approve|reject)$/.exec(url.pathname);
  if (req.method === 'POST' && decision) {
    const analysis = state.analyses.find((a) => a.id === decision[1]);
    if (!analysis) notFound(404);
    else body().then((b) => send(200, decide(analysis, b?.suggestionIds ?? null, decision[2] === 'approve' ? 'approved' : 'rejected', b?.reason)));
    return true;
  }
  const week = /^\/api\/coach\/analyses\/week\/([^/]+?)(?:\/(approve|reject))?$/.exec(url.pathname);
  if (week && (req.method === 'GET') === !week[2]) {
    const monday = week[1];
    if (!/^\d{4}-\d{2}-\d{2}$/.test(monday) || new Date(`${monday}T00:00:00Z`).getUTCDay() !== 1) {
      send(400, { type: 'https://tools.ietf.org/html/rfc9110#section-15.5.1', title: 'One or more validation errors occurred.', status: 400, errors: { monday: [`${monday} is not a Monday; a week starts on a Monday.`] } });
    } else if (!week[2]) {
      send(200, { monday, items: weekItems(state, monday).items });
    } else if (week[2] === 'approve' && state.weekRefusal) {
      send(state.weekRefusal.status, state.weekRefusal); // a test's refusal (409 or 422), answered once
      state.weekRefusal = null;
    } else if (week[2] === 'approve') {
      send(200, approveWeek(state, monday));
    } else {
      body().then((b) => {
        const { items } = weekItems(state, monday);
        for (const i of items) decide(state.analyses.find((a) => a.id === i.analysisId), [i.suggestion.id], 'rejected', b?.reason);
        send(200, { monday, newPlanId: null, decided: items.map((i) => ({ analysisId: i.analysisId, suggestionId: i.suggestion.id })), left: [] });
      });
    }
    return true;
  }
  if (req.method === 'POST' && url.pathname === '/api/coach/plans/generate') {
    send(422, {
      type: 'urn:cyclingcoach:problem:plan-refused', title: 'Plan refused', status: 422,
      detail: 'The plan breaks the rules and could not be repaired; nothing was stored.',
      violations: ['Week 1 has 3 hard sessions; the rules allow 2.', 'Sunday 6 Dec is a blackout date.'],
    });
    return true;
  }
  if (req.method !== 'GET') return false;
  const one = /^\/api\/coach\/analyses\/([^/]+)$/.exec(url.pathname);
  if (one) {
    const analysis = state.analyses.find((a) => a.id === one[1]);
    if (analysis) send(200, analysis);
    else notFound(404);
    return true;
  }
  const version = /^\/api\/coach\/plans\/([0-9a-f-]{36})$/.exec(url.pathname);
  if (version) {
    const summary = state.planVersions?.find((v) => v.id === version[1]);
    if (summary) send(200, planVersionBody(summary));
    else notFound(404);
    return true;
  }
  const page = (items, paged = false) => {
    const number = Number(q.get('page') ?? 1);
    const size = Number(q.get('pageSize') ?? 50);
    return { items: paged ? items.slice((number - 1) * size, number * size) : items, page: number, pageSize: size, total: items.length };
  };
  switch (url.pathname) {
    case '/api/coach/fitness':
      send(200, fitnessBody(workouts, q.get('from'), q.get('to')));
      return true;
    case '/api/coach/readiness':
      send(200, state.readiness === false ? { from: q.get('from'), to: q.get('to'), days: [] } : readinessBody(q.get('from'), q.get('to')));
      return true;
    case '/api/coach/fitness/power-curve':
      send(200, powerCurveBody(workouts));
      return true;
    case '/api/coach/analyses': {
      const status = q.get('status');
      const workoutId = q.get('workoutId');
      send(200, page(state.analyses.filter((a) => (!status || a.status === status) && (!workoutId || a.workoutId === workoutId))));
      return true;
    }
    case '/api/coach/plans/versions':
      send(200, page(state.planVersions ?? [], true));
      return true;
    case '/api/coach/plans/current':
    case '/api/coach/plans/current/compliance':
      notFound(404);
      return true;
    default:
      return false;
  }
}
