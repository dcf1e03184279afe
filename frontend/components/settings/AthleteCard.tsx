'use client';
// The athlete and bike profile (GET/PUT /api/coach/athlete): thresholds as periods from an effective date, the zones
// they give, the history of periods, the bike (for route time estimates) and the hours free on each weekday.

import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { ApiError } from '@/lib/api';
import { getAthlete, getEarlierRides, putAthlete, type Athlete, type EarlierRides } from '@/lib/api/athlete';
import { BIKE_FIELDS, WEEKDAYS, earlierRidesNotice, historyRows, serverErrors, toForm, validateAthlete, zonePreview, type AthleteForm } from '@/lib/settings/athlete-form.mjs';
import { formatDate } from '@/lib/format/format';
import { dayName } from '@/lib/rules/rules-view.mjs';
import { ErrorState, Loading } from '../States';
import '../coaching.css';

type State = { status: 'loading' } | { status: 'error'; message: string } | { status: 'ready'; athlete: Athlete };

const todayIso = () => {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
};

const THRESHOLDS = [
  { key: 'ftpWatts', label: 'FTP', unit: 'W', hint: '30–700' },
  { key: 'lactateThresholdHeartRateBpm', label: 'LTHR', unit: 'bpm', hint: '60–230' },
  { key: 'maxHeartRateBpm', label: 'Max HR', unit: 'bpm', hint: '80–250' },
  { key: 'restingHeartRateBpm', label: 'Resting HR', unit: 'bpm', hint: '25–120' },
  { key: 'weightKg', label: 'Weight', unit: 'kg', hint: '25–250' },
] as const;

const BIKE_LABELS: Record<(typeof BIKE_FIELDS)[number], { label: string; hint: string }> = {
  massKg: { label: 'Bike mass (kg)', hint: 'e.g. 8.5' },
  cdA: { label: 'CdA (m²)', hint: 'hoods ≈ 0.32' },
  crr: { label: 'Crr', hint: 'road tyres ≈ 0.004' },
  wheelCircumferenceMeters: { label: 'Wheel circumference (m)', hint: '700×28c ≈ 2.136' },
  chainrings: { label: 'Chainrings (teeth)', hint: 'e.g. 50, 34' },
  cassette: { label: 'Cassette cogs (teeth)', hint: 'e.g. 11, 12, 13, 14, 16, 18, 21, 24, 28' },
  minimumCadenceRpm: { label: 'Lowest comfortable cadence (rpm)', hint: 'e.g. 60' },
};

export default function AthleteCard() {
  const [state, setState] = useState<State>({ status: 'loading' });
  const [form, setForm] = useState<AthleteForm | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const [showReplaced, setShowReplaced] = useState(false);

  const load = useCallback(async () => {
    try {
      const athlete = await getAthlete();
      setState({ status: 'ready', athlete });
      setForm(toForm(athlete, todayIso()));
    } catch (e) {
      setState({ status: 'error', message: (e as Error).message });
    }
  }, []);
  useEffect(() => void load(), [load]);

  // The earlier rides a first FTP / LTHR from the date typed would also apply to (asked again after each save).
  const [earlier, setEarlier] = useState<EarlierRides | null>(null);
  const effectiveFrom = form?.effectiveFrom ?? '';
  const version = state.status === 'ready' ? state.athlete.version : null;
  useEffect(() => {
    if (version === null || !/^\d{4}-\d{2}-\d{2}$/.test(effectiveFrom)) return;
    let current = true;
    getEarlierRides(effectiveFrom).then(
      (value) => current && setEarlier(value),
      () => current && setEarlier(null),
    );
    return () => {
      current = false;
    };
  }, [effectiveFrom, version]);

  if (state.status === 'loading' || (state.status === 'ready' && !form)) return <Loading what="your athlete profile" />;
  if (state.status === 'error') return <ErrorState what="your athlete profile" message={state.message} onRetry={load} />;
  const athlete = state.athlete;
  const f = form!;
  const set = (patch: Partial<AthleteForm>) => setForm({ ...f, ...patch });

  async function save(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setNotice(null);
    const { errors: found, request } = validateAthlete(f);
    setErrors(found);
    if (!request) return;
    setBusy(true);
    try {
      const saved = await putAthlete(request);
      setState({ status: 'ready', athlete: saved });
      setForm(toForm(saved, f.effectiveFrom || todayIso()));
      setNotice(
        saved.version === athlete.version
          ? 'Nothing changed.'
          : `Saved (profile version ${saved.version}). ${reachBack ? 'The earlier rides named above and the rides' : 'Rides'} from the effective date are recomputed; fitness follows.`,
      );
    } catch (e) {
      setErrors(e instanceof ApiError && e.problem?.errors ? serverErrors(e.problem.errors) : { form: (e as Error).message });
    } finally {
      setBusy(false);
    }
  }

  const reachBack = earlierRidesNotice(f, earlier, formatDate);
  const history = historyRows(athlete.history);
  const replacedCount = history.filter((p) => p.replaced).length;
  const power = zonePreview('power', f.ftpWatts, athlete.ftpWatts, athlete.powerZones);
  const heart = zonePreview('heartRate', f.lactateThresholdHeartRateBpm, athlete.lactateThresholdHeartRateBpm, athlete.heartRateZones);
  const invalid = (key: string) => (errors[key] ? true : undefined);
  const fieldError = (key: string) => errors[key] && <span className="field-error" id={`${key}-error`}>{errors[key]}</span>;

  return (
    <div data-testid="athlete">
      <p className="status-line">
        {athlete.effectiveFrom ? (
          <>
            In effect since <strong>{formatDate(athlete.effectiveFrom)}</strong>
            {athlete.ftpWatts ? ` · FTP ${athlete.ftpWatts} W` : ''}
            {athlete.lactateThresholdHeartRateBpm ? ` · LTHR ${athlete.lactateThresholdHeartRateBpm} bpm` : ''}
          </>
        ) : (
          <span className="muted">No thresholds yet: enter your FTP to get power zones and training load.</span>
        )}
      </p>
      <form onSubmit={save} noValidate aria-label="Athlete profile">
        <fieldset className="form-section">
          <legend>Thresholds</legend>
          <div className="field-grid">
            {THRESHOLDS.map((t) => (
              <div key={t.key}>
                <label htmlFor={`athlete-${t.key}`}>
                  {t.label} ({t.unit})
                </label>
                <input
                  id={`athlete-${t.key}`}
                  inputMode="decimal"
                  value={f[t.key]}
                  placeholder={t.hint}
                  onChange={(e) => set({ [t.key]: e.target.value } as Partial<AthleteForm>)}
                  aria-invalid={invalid(t.key)}
                  aria-describedby={errors[t.key] ? `${t.key}-error` : undefined}
                />
                {fieldError(t.key)}
              </div>
            ))}
            <div>
              <label htmlFor="athlete-effectiveFrom">Effective from</label>
              <input id="athlete-effectiveFrom" type="date" value={f.effectiveFrom} onChange={(e) => set({ effectiveFrom: e.target.value })} aria-invalid={invalid('effectiveFrom')} />
              {fieldError('effectiveFrom')}
            </div>
          </div>
          {fieldError('heartRate')}
          <p className="hint muted">A change starts a new period from this date; earlier periods stay, so older rides keep the thresholds they were ridden with.</p>
          {reachBack && (
            <p className="notice" role="note" data-testid="earlier-rides">
              {reachBack}
            </p>
          )}
        </fieldset>

        <div className="zones" data-testid="zones">
          <ZoneTable title="Power zones" unit="W" preview={power} testId="power-zones" />
          <ZoneTable title="Heart-rate zones" unit="bpm" preview={heart} testId="hr-zones" />
        </div>

        <fieldset className="form-section">
          <legend>Weekly availability (hours)</legend>
          <div className="week-grid">
            {WEEKDAYS.map((d) => (
              <div key={d}>
                <label htmlFor={`avail-${d}`}>{dayName(d).slice(0, 3)}</label>
                <input
                  id={`avail-${d}`}
                  inputMode="decimal"
                  value={f.availability[d]}
                  placeholder="0"
                  aria-label={`${dayName(d)} hours`}
                  onChange={(e) => set({ availability: { ...f.availability, [d]: e.target.value } })}
                  aria-invalid={invalid('weeklyAvailabilityHours')}
                />
              </div>
            ))}
          </div>
          {fieldError('weeklyAvailabilityHours')}
        </fieldset>

        <details className="form-section" open={athlete.bike != null || BIKE_FIELDS.some((k) => errors[`bike.${k}`])}>
          <summary>Bike (for route time and gear estimates)</summary>
          <div className="field-grid">
            {BIKE_FIELDS.map((k) => (
              <div key={k} className={k === 'cassette' ? 'wide' : undefined}>
                <label htmlFor={`bike-${k}`}>{BIKE_LABELS[k].label}</label>
                <input
                  id={`bike-${k}`}
                  inputMode={k === 'chainrings' || k === 'cassette' ? 'text' : 'decimal'}
                  value={f.bike[k]}
                  placeholder={BIKE_LABELS[k].hint}
                  onChange={(e) => set({ bike: { ...f.bike, [k]: e.target.value } })}
                  aria-invalid={invalid(`bike.${k}`)}
                />
                {fieldError(`bike.${k}`)}
              </div>
            ))}
          </div>
          <p className="hint muted">Leave every bike field empty for no bike.</p>
        </details>

        <div className="actions">
          <button type="submit" disabled={busy}>
            {busy ? 'Saving…' : 'Save profile'}
          </button>
          <button type="button" className="secondary" disabled={busy} onClick={() => { setForm(toForm(athlete, todayIso())); setErrors({}); setNotice(null); }}>
            Reset
          </button>
        </div>
        {errors.form && (
          <p className="field-error" role="alert">
            {errors.form}
          </p>
        )}
        {Object.keys(errors).length > 0 && !errors.form && (
          <p className="field-error" role="alert">
            Check the marked fields.
          </p>
        )}
        {notice && (
          <p className="success" role="status" data-testid="athlete-saved">
            {notice}
          </p>
        )}
      </form>

      <div className="card-heading">
        <h3 className="subheading">Threshold history</h3>
        {replacedCount > 0 && (
          <button type="button" className="link-button small-link" aria-pressed={showReplaced} onClick={() => setShowReplaced((v) => !v)}>
            {showReplaced ? 'Hide' : 'Show'} {replacedCount} replaced the same day
          </button>
        )}
      </div>
      {athlete.history.length === 0 ? (
        <p className="muted">No periods yet.</p>
      ) : (
        <div className="table-scroll">
          <table className="data-table" data-testid="threshold-history">
            <thead>
              <tr>
                <th scope="col">From</th>
                <th scope="col" className="num">FTP</th>
                <th scope="col" className="num">LTHR</th>
                <th scope="col" className="num">Max HR</th>
                <th scope="col" className="num">Rest HR</th>
                <th scope="col" className="num">Weight</th>
                <th scope="col">By</th>
              </tr>
            </thead>
            <tbody>
              {history.filter((p) => showReplaced || !p.replaced).map((p) => (
                <tr key={p.id} className={p.replaced ? 'replaced' : undefined}>
                  <td>
                    {formatDate(p.effectiveFrom)}
                    {p.replaced && <span className="muted"> (replaced)</span>}
                  </td>
                  <td className="num">{p.ftpWatts ?? '—'}</td>
                  <td className="num">{p.lactateThresholdHeartRateBpm ?? '—'}</td>
                  <td className="num">{p.maxHeartRateBpm ?? '—'}</td>
                  <td className="num">{p.restingHeartRateBpm ?? '—'}</td>
                  <td className="num">{p.weightKg ?? '—'}</td>
                  <td>{p.createdBy}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}

function ZoneTable({ title, unit, preview, testId }: { title: string; unit: string; preview: ReturnType<typeof zonePreview>; testId: string }) {
  return (
    <figure className="zone-table" data-testid={testId} data-preview={preview.preview}>
      <figcaption>
        {title} {preview.preview && <span className="badge">preview, not saved</span>}
      </figcaption>
      {preview.zones.length === 0 ? (
        <p className="muted">Enter the threshold to see the zones.</p>
      ) : (
        <table className="data-table">
          <tbody>
            {preview.zones.map((z) => (
              <tr key={z.zone}>
                <th scope="row">
                  <span className="zone-bar zone-swatch" data-zone={z.zone} aria-hidden="true" /> {z.name}
                </th>
                <td className="num">
                  {z.max == null ? `${z.min}+ ${unit}` : `${z.min}–${z.max} ${unit}`}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </figure>
  );
}
