'use client';
// A library card's "Put on [day] · Propose" (a pending change the rider approves on the plan page) and what it answered;
// the card's files are server children placed beside the form.
import Link from 'next/link';
import { useState, type FormEvent } from 'react';
import { ApiError } from '@/lib/api';
import { proposeLibraryWorkout } from '@/lib/api/library';
import { useHydrated } from '@/lib/client/hydrated';
import { dayAndDate } from '@/lib/coach/proposal-text.mjs';

export type PlannableDay = { date: string; holds: string };
type Outcome = { ok: true; date: string } | { ok: false; text: string };

export default function ProposeWorkout({ id, name, days, hasPlan, children }: { id: string; name: string; days: PlannableDay[]; hasPlan: boolean; children: React.ReactNode }) {
  const [date, setDate] = useState('');
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const chosen = date || days[0]?.date || '';
  // Before hydration the form would submit as a plain GET (and reload the page): it only proposes once hydrated, and
  // until then the HTML holds the first day only (every card offering every day of the plan made the HTML large).
  const hydrated = useHydrated();
  const offered = hydrated ? days : days.slice(0, 1);

  async function propose(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setBusy(true);
    setOutcome(null);
    try {
      await proposeLibraryWorkout(id, chosen);
      setOutcome({ ok: true, date: chosen });
    } catch (error) {
      const problem = error instanceof ApiError ? error.problem : null;
      const violations = (problem as { violations?: string[] } | null)?.violations;
      const text = violations?.length ? violations.join(' ') : problem?.errors ? Object.values(problem.errors).flat().join(' ') : (problem?.detail ?? (error as Error).message);
      setOutcome({ ok: false, text });
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <div className="library-actions">
        {children}
        {hasPlan && days.length > 0 ? (
          <form className="library-propose" onSubmit={propose}>
            <label>
              Put on
              <select value={chosen} onChange={(e) => setDate(e.target.value)} aria-label={`Day to put ${name} on`}>
                {offered.map((d) => (
                  <option key={d.date} value={d.date}>
                    {dayAndDate(d.date)} ({d.holds})
                  </option>
                ))}
              </select>
            </label>
            <button type="submit" className="secondary small" disabled={busy || !hydrated}>
              {busy ? 'Proposing…' : 'Propose'}
            </button>
          </form>
        ) : (
          <p className="muted small-text">{hasPlan ? 'The plan has no days left.' : <>No plan yet: <Link href="/plan">generate one</Link> to put sessions on its days.</>}</p>
        )}
      </div>
      {outcome && (
        <p className={outcome.ok ? 'success' : 'field-error'} role={outcome.ok ? 'status' : 'alert'} data-testid="library-outcome">
          {outcome.ok ? (
            <>
              Proposed for {dayAndDate(outcome.date)}: approve it on the <Link href="/plan">plan page</Link>.
            </>
          ) : (
            <>Not proposed: {outcome.text}</>
          )}
        </p>
      )}
    </>
  );
}
