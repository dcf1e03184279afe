'use client';

import { useState } from 'react';
import { ApiError } from '@/lib/api';
import { generatePlan, type PlanProblem, type PlanVersion } from '@/lib/api/plan';
import { addDays, localToday, mondayOf } from '@/lib/plan/plan-data.mjs';

type Outcome = { kind: 'conflict'; message: string } | { kind: 'refused'; message: string; violations: string[] } | { kind: 'error'; message: string; errors?: Record<string, string[]> } | null;

/** Generate a new plan version: start Monday, weeks, goals. 409 (one is running) and 422 (rules broken) are shown. */
export default function GeneratePlanForm({ onGenerated, hasPlan }: { onGenerated: (plan: PlanVersion) => void; hasPlan: boolean }) {
  const thisMonday = mondayOf(localToday());
  const starts = [
    { value: addDays(thisMonday, -7), label: `Last week (${addDays(thisMonday, -7)})` },
    { value: thisMonday, label: `This week (${thisMonday})` },
    { value: addDays(thisMonday, 7), label: `Next week (${addDays(thisMonday, 7)})` },
  ];
  const [startDate, setStartDate] = useState(starts[2].value);
  const [weeks, setWeeks] = useState('4');
  const [focus, setFocus] = useState('');
  const [hours, setHours] = useState('');
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome>(null);

  async function submit(event: React.FormEvent) {
    event.preventDefault();
    setBusy(true);
    setOutcome(null);
    try {
      const weeklyHours = hours.trim() === '' ? null : Number(hours);
      const goals = focus.trim() || weeklyHours != null ? { focus: focus.trim() || null, weeklyHours, notes: null } : null;
      onGenerated(await generatePlan({ startDate, weeks: Number(weeks), goals }));
    } catch (error) {
      const problem = error instanceof ApiError ? (error.problem as PlanProblem | null) : null;
      if (error instanceof ApiError && error.status === 409) setOutcome({ kind: 'conflict', message: problem?.detail ?? 'A plan is being generated; wait for it to finish.' });
      else if (error instanceof ApiError && error.status === 422) setOutcome({ kind: 'refused', message: problem?.detail ?? 'The plan breaks the rules.', violations: problem?.violations ?? [] });
      else setOutcome({ kind: 'error', message: (error as Error).message, errors: problem?.errors });
    } finally {
      setBusy(false);
    }
  }

  const fieldError = (key: string) => (outcome?.kind === 'error' ? outcome.errors?.[key]?.join(' ') : undefined);
  return (
    <form className="generate-form" onSubmit={submit} aria-label="Generate a plan" data-testid="generate-form">
      <div>
        <label htmlFor="plan-start">Start</label>
        <select id="plan-start" value={startDate} onChange={(e) => setStartDate(e.target.value)} aria-describedby="plan-start-error">
          {starts.map((s) => (
            <option key={s.value} value={s.value}>
              {s.label}
            </option>
          ))}
        </select>
        {fieldError('startDate') && <span id="plan-start-error" className="field-error">{fieldError('startDate')}</span>}
      </div>
      <div>
        <label htmlFor="plan-weeks">Weeks</label>
        <select id="plan-weeks" value={weeks} onChange={(e) => setWeeks(e.target.value)}>
          {[1, 2, 3, 4, 5, 6, 7, 8].map((n) => (
            <option key={n}>{n}</option>
          ))}
        </select>
      </div>
      <div>
        <label htmlFor="plan-focus">Focus (optional)</label>
        <input id="plan-focus" value={focus} onChange={(e) => setFocus(e.target.value)} placeholder="threshold, endurance, a gran fondo…" maxLength={200} />
        {fieldError('goals.focus') && <span className="field-error">{fieldError('goals.focus')}</span>}
      </div>
      <div>
        <label htmlFor="plan-hours">Hours a week (optional)</label>
        <input id="plan-hours" type="number" min={0.5} max={40} step={0.5} inputMode="decimal" value={hours} onChange={(e) => setHours(e.target.value)} />
        {fieldError('goals.weeklyHours') && <span className="field-error">{fieldError('goals.weeklyHours')}</span>}
      </div>
      <div className="wide">
        <button type="submit" disabled={busy}>
          {busy ? 'Generating…' : hasPlan ? 'Generate a new version' : 'Generate plan'}
        </button>
      </div>
      {outcome?.kind === 'conflict' && (
        <p className="warn-box wide" role="alert" data-testid="generate-conflict">
          {outcome.message}
        </p>
      )}
      {outcome?.kind === 'refused' && (
        <div className="error-box wide" role="alert" data-testid="generate-refused">
          <p>{outcome.message}</p>
          {outcome.violations.length > 0 && (
            <ul>
              {outcome.violations.map((v) => (
                <li key={v}>{v}</li>
              ))}
            </ul>
          )}
        </div>
      )}
      {outcome?.kind === 'error' && !outcome.errors && (
        <p className="error-box wide" role="alert">
          Could not generate: {outcome.message}
        </p>
      )}
    </form>
  );
}
