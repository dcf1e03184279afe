'use client';

import { useState, type FormEvent } from 'react';
import { ApiError, logManualWorkout } from '@/lib/api';
import { localInputToIso, nowForInput, parseDuration } from '@/lib/format/format';
import type { ManualWorkoutRequest, Workout } from '@/lib/api/types';

type Field = 'name' | 'startTime' | 'duration' | 'distance' | 'averagePower' | 'averageHeartRate';
type Errors = Partial<Record<Field | 'form', string>>;

// API field (ARCHITECTURE.md §5, SI units) → form field (display units).
const API_FIELDS: Record<string, Field> = {
  name: 'name',
  startTime: 'startTime',
  durationSeconds: 'duration',
  distanceMeters: 'distance',
  averagePower: 'averagePower',
  averageHeartRate: 'averageHeartRate',
};

export default function ManualWorkoutForm({ onLogged }: { onLogged: (workout: Workout) => void }) {
  const [errors, setErrors] = useState<Errors>({});
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState<string | null>(null);
  const [startDefault] = useState(nowForInput);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const { request, errors: local } = readForm(new FormData(form));
    setSaved(null);
    if (!request) {
      setErrors(local);
      return;
    }
    setBusy(true);
    setErrors({});
    try {
      const workout = await logManualWorkout(request);
      form.reset();
      setSaved(`Logged “${workout.name}”.`);
      onLogged(workout);
    } catch (error) {
      setErrors(error instanceof ApiError ? fromProblem(error) : { form: (error as Error).message });
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="workout-form" onSubmit={submit} noValidate aria-label="Log a ride">
      <Input field="name" label="Name" errors={errors} type="text" placeholder="Evening loop" wide />
      <Input field="startTime" label="Start" errors={errors} type="datetime-local" defaultValue={startDefault} wide />
      <Input field="duration" label="Duration (h:mm)" errors={errors} type="text" placeholder="1:30" inputMode="numeric" />
      <Input field="distance" label="Distance (km)" errors={errors} type="number" step="0.01" min="0" />
      <Input field="averagePower" label="Avg power (W)" placeholder="optional" errors={errors} type="number" min="0" />
      <Input field="averageHeartRate" label="Avg heart rate (bpm)" placeholder="optional" errors={errors} type="number" min="0" />
      {errors.form && (
        <p className="field-error wide" role="alert">
          {errors.form}
        </p>
      )}
      {saved && (
        <p className="success wide" role="status">
          {saved}
        </p>
      )}
      <button type="submit" className="wide" disabled={busy}>
        {busy ? 'Saving…' : 'Log ride'}
      </button>
    </form>
  );
}

type InputProps = React.InputHTMLAttributes<HTMLInputElement> & {
  field: Field;
  label: string;
  errors: Errors;
  wide?: boolean;
};

function Input({ field, label, errors, wide, ...input }: InputProps) {
  const error = errors[field];
  const id = `workout-${field}`;
  return (
    <div className={wide ? 'field wide' : 'field'}>
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        name={field}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        {...input}
      />
      {error && (
        <span id={`${id}-error`} className="field-error">
          {error}
        </span>
      )}
    </div>
  );
}

function readForm(data: FormData): { request: ManualWorkoutRequest | null; errors: Errors } {
  const text = (name: Field) => String(data.get(name) ?? '').trim();
  const errors: Errors = {};
  const startTime = localInputToIso(text('startTime'));
  const durationSeconds = parseDuration(text('duration'));
  const distanceKm = Number(text('distance'));
  if (!startTime) errors.startTime = 'Pick when the ride started.';
  if (durationSeconds === null) errors.duration = 'Use h:mm, for example 1:30.';
  if (text('distance') === '' || !Number.isFinite(distanceKm) || distanceKm < 0) errors.distance = 'Enter the distance in km.';
  if (Object.keys(errors).length > 0) {
    return { request: null, errors };
  }
  const optional = (name: Field) => (text(name) === '' ? null : Number(text(name)));
  return {
    request: {
      name: text('name'),
      startTime: startTime as string,
      durationSeconds: durationSeconds as number,
      distanceMeters: Math.round(distanceKm * 1000),
      averagePower: optional('averagePower'),
      averageHeartRate: optional('averageHeartRate'),
    },
    errors,
  };
}

/** Maps the ProblemDetails `errors` map ("name", "DurationSeconds", "$.startTime", …) onto the form's fields. */
function fromProblem(error: ApiError): Errors {
  const result: Errors = {};
  const unmatched: string[] = [];
  for (const [key, messages] of Object.entries(error.problem?.errors ?? {})) {
    const last = key.split('.').pop() ?? key;
    const field = API_FIELDS[last.charAt(0).toLowerCase() + last.slice(1)];
    const message = messages.join(' ');
    if (field) {
      result[field] = message;
    } else {
      unmatched.push(message);
    }
  }
  if (unmatched.length > 0 || Object.keys(result).length === 0) {
    result.form = [error.message, ...unmatched].join(' ');
  }
  return result;
}
