'use client';

import { formatDuration, typeLabel, weekdayLabel } from '@/lib/format/format';
import { diffView } from '@/lib/plan/plan-data.mjs';
import type { PlanDiff } from '@/lib/api/plan';

type Session = ReturnType<typeof diffView>['days'][number]['pairs'][number]['before'];

/** Two versions side by side, day by day: what each changed day held before and after, changed fields marked. */
export default function PlanDiffView({ diff }: { diff: PlanDiff }) {
  const view = diffView(diff.diff as Parameters<typeof diffView>[0]);
  const from = `v${diff.from.version}`;
  const to = `v${diff.to.version}`;
  if (view.isEmpty) return <p className="muted empty" data-testid="plan-diff">{from} and {to} plan the same days.</p>;
  return (
    <div className="plan-diff" data-testid="plan-diff">
      {view.plan.length > 0 && (
        <ul className="diff-fields">
          {view.plan.map((f) => (
            <li key={f.field}>
              <strong>{f.field}</strong>: <del>{f.before ?? '–'}</del> → <ins>{f.after ?? '–'}</ins>
            </li>
          ))}
        </ul>
      )}
      {view.days.length > 0 && (
        <div className="table-scroll">
          <table className="data-table diff-table">
            <caption className="visually-hidden">Changed days from {from} to {to}</caption>
            <thead>
              <tr>
                <th scope="col">Day</th>
                <th scope="col">{from}</th>
                <th scope="col">{to}</th>
              </tr>
            </thead>
            <tbody>
              {view.days.map((d) => (
                <tr key={d.date} data-testid="diff-day" data-kind={d.kind}>
                  <th scope="row">
                    {weekdayLabel(d.date)} <span className={`badge kind-${d.kind}`}>{d.kind}</span>
                  </th>
                  <td className="diff-before">
                    {d.pairs.every((p) => !p.before) ? <span className="muted">Rest</span> : d.pairs.map((p, i) => <Cell key={i} session={p.before} changed={p.changed} />)}
                  </td>
                  <td className="diff-after">
                    {d.pairs.every((p) => !p.after) ? <span className="muted">Rest</span> : d.pairs.map((p, i) => <Cell key={i} session={p.after} changed={p.changed} />)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {view.weeks.length > 0 && (
        <ul className="diff-weeks">
          {view.weeks.map((w) => (
            <li key={w.weekStart}>
              Week of {weekdayLabel(w.weekStart)}: {w.before ? `${w.before.hours.toFixed(1)} h, ${Math.round(w.before.tss)} TSS` : 'not planned'} →{' '}
              {w.after ? `${w.after.hours.toFixed(1)} h, ${Math.round(w.after.tss)} TSS` : 'not planned'}{' '}
              <span className="muted">
                ({w.hoursDelta >= 0 ? '+' : ''}
                {w.hoursDelta.toFixed(1)} h, {w.tssDelta >= 0 ? '+' : ''}
                {Math.round(w.tssDelta)} TSS)
              </span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

function Cell({ session, changed }: { session: Session; changed: string[] }) {
  if (!session) return <p className="muted diff-session">—</p>;
  const mark = (field: string) => (changed.includes(field) ? 'changed' : undefined);
  return (
    <p className="diff-session">
      <span className={mark('name')}>{session.name}</span>
      <br />
      <span className="muted">
        <span className={mark('type')}>{typeLabel(session.type)}</span> · <span className={mark('durationSeconds')}>{formatDuration(session.durationSeconds)}</span> ·{' '}
        <span className={mark('targetTss')}>{Math.round(session.targetTss)} TSS</span>
      </span>
    </p>
  );
}
