'use client';

import Link from 'next/link';
import type { UploadResult } from '@/lib/api';
import type { ImportResponse, ProblemDetails } from '@/lib/api/types';
import Uploader, { problemText, type Outcome } from '../Uploader';

/** POST /api/workouts/import answers: 201/200 items (created / merged / duplicate), 409 all duplicates, 4xx problems. */
export function describeImport({ status, body }: UploadResult): Outcome {
  if (status === 200 || status === 201) {
    const items = (body as ImportResponse).items ?? [];
    const created = items.filter((i) => i.outcome === 'created');
    const merged = items.filter((i) => i.outcome === 'merged');
    const duplicates = items.filter((i) => i.outcome === 'duplicate');
    const first = created[0] ?? merged[0] ?? items[0];
    const parts = [
      created.length > 0 && (created.length === 1 ? `Imported “${created[0].workout.name}”.` : `Imported ${created.length} rides.`),
      merged.length > 0 && `${merged.length} merged into a ride already stored from another source.`,
      duplicates.length > 0 && `${duplicates.length} already stored.`,
    ].filter(Boolean);
    return { tone: created.length > 0 ? 'good' : 'warn', text: parts.join(' '), link: first && { href: `/workouts/${first.workoutId}`, label: 'Open ride' } };
  }
  if (status === 409) {
    const problem = body as ProblemDetails;
    return {
      tone: 'warn',
      text: `Duplicate: ${problem.detail ?? 'this file is already stored.'}`,
      link: problem.workoutId ? { href: `/workouts/${problem.workoutId}`, label: 'Open the existing ride' } : undefined,
    };
  }
  return { tone: 'bad', text: problemText({ status, body }) };
}

export default function ImportPage() {
  return (
    <>
      <p className="breadcrumb">
        <Link href="/workouts">← Workouts</Link>
      </p>
      <h1>Import rides</h1>
      <section className="card">
        <Uploader
          url="/api/workouts/import"
          accept=".fit,.gpx,.tcx,.zip,application/zip"
          hint="FIT, GPX, TCX, or a zip of them. Several at once are fine; each file shows its own progress and result."
          describe={describeImport}
        />
      </section>
    </>
  );
}
