// The athlete form on the Settings page: the API's profile as form text, the text checked with the ranges
// services/Coaching/Athletes/AthleteUpdateRequest.cs enforces (same error keys, so the server's errors land on the
// same fields) and turned into the PUT body, and the zones preview. Pure, plain ESM (node --test runs it unbuilt).

/**
 * @typedef {{ massKg: number, cdA: number, crr: number, wheelCircumferenceMeters: number, chainrings: number[],
 *   cassette: number[], minimumCadenceRpm: number }} Bike
 * @typedef {{ monday: number, tuesday: number, wednesday: number, thursday: number, friday: number, saturday: number,
 *   sunday: number }} Availability
 * @typedef {{ effectiveFrom: string, ftpWatts: string, weightKg: string, lactateThresholdHeartRateBpm: string,
 *   maxHeartRateBpm: string, restingHeartRateBpm: string, bike: Record<keyof Bike, string>,
 *   availability: Record<keyof Availability, string> }} AthleteForm
 * @typedef {{ zone: number, name: string, min: number, max: number | null }} Zone
 */

export const WEEKDAYS = /** @type {const} */ (['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday']);
export const BIKE_FIELDS = /** @type {const} */ (['massKg', 'cdA', 'crr', 'wheelCircumferenceMeters', 'chainrings', 'cassette', 'minimumCadenceRpm']);

/** Coggan power and heart-rate zones (CyclingCoach.Training/Science/ZoneModel.cs, GoldenCheetah defaults). */
export const ZONE_MODELS = {
  power: {
    lowerBounds: [0, 0.55, 0.75, 0.9, 1.05, 1.2, 1.5],
    names: ['Z1 Active recovery', 'Z2 Endurance', 'Z3 Tempo', 'Z4 Threshold', 'Z5 VO2max', 'Z6 Anaerobic', 'Z7 Neuromuscular'],
  },
  heartRate: {
    lowerBounds: [0, 0.68, 0.83, 0.94, 1.05],
    names: ['Z1 Active recovery', 'Z2 Endurance', 'Z3 Tempo', 'Z4 Threshold', 'Z5 VO2max'],
  },
};

/** .NET's Math.Round (midpoint to even), so a preview matches the zones the server computes. @param {number} x */
export function roundHalfEven(x) {
  const r = Math.round(x);
  const isHalf = Math.abs(x % 1) === 0.5;
  return isHalf && r % 2 !== 0 ? r - 1 : r;
}

/**
 * Zones for a threshold, as ZoneRange.For does: zone i from round(lower_i × t) to round(lower_i+1 × t) − 1; the top
 * zone is open. Empty without a threshold.
 * @param {'power' | 'heartRate'} kind @param {number | null | undefined} threshold @returns {Zone[]}
 */
export function zonesFor(kind, threshold) {
  if (threshold == null || !Number.isFinite(threshold) || threshold <= 0) return [];
  const { lowerBounds, names } = ZONE_MODELS[kind];
  return lowerBounds.map((lower, i) => ({
    zone: i + 1,
    name: names[i],
    min: roundHalfEven(lower * threshold),
    max: i + 1 < lowerBounds.length ? roundHalfEven(lowerBounds[i + 1] * threshold) - 1 : null,
  }));
}

/**
 * The zones to show for what is typed: the API's own zones while the typed threshold is the one it computed them
 * from, otherwise a preview computed here (marked so the page can say it is not saved yet).
 * @param {'power' | 'heartRate'} kind @param {string} typed @param {number | null | undefined} saved
 * @param {Zone[] | null | undefined} savedZones @returns {{ zones: Zone[], preview: boolean }}
 */
export function zonePreview(kind, typed, saved, savedZones) {
  const value = parseNumber(typed);
  if (value === null) return { zones: [], preview: false };
  if (saved != null && value === saved && savedZones && savedZones.length > 0) return { zones: savedZones, preview: false };
  return { zones: zonesFor(kind, value), preview: true };
}

/** "250", " 250.5 ", "250,5" → number; "" → null; anything else → NaN. @param {string | null | undefined} text */
export function parseNumber(text) {
  const t = (text ?? '').trim().replace(',', '.');
  if (t === '') return null;
  return /^-?\d+(\.\d+)?$/.test(t) ? Number(t) : Number.NaN;
}

/** "50/34", "50, 34" → [50, 34]; "11-28" alone is not a cassette (its cogs are unknown). @param {string} text */
export function parseTeeth(text) {
  const parts = (text ?? '').split(/[\s,/;]+/).filter(Boolean);
  if (parts.length === 0) return null;
  return parts.every((p) => /^\d+$/.test(p)) ? parts.map(Number) : Number.NaN;
}

/** @param {number | null | undefined} value */
const text = (value) => (value == null ? '' : String(value));

/**
 * The form for a profile from GET /api/coach/athlete (the thresholds in effect today, the bike, the availability).
 * @param {any} athlete @param {string} today yyyy-mm-dd @returns {AthleteForm}
 */
export function toForm(athlete, today) {
  const bike = athlete?.bike;
  const hours = athlete?.weeklyAvailabilityHours;
  return {
    effectiveFrom: today,
    ftpWatts: text(athlete?.ftpWatts),
    weightKg: text(athlete?.weightKg),
    lactateThresholdHeartRateBpm: text(athlete?.lactateThresholdHeartRateBpm),
    maxHeartRateBpm: text(athlete?.maxHeartRateBpm),
    restingHeartRateBpm: text(athlete?.restingHeartRateBpm),
    bike: /** @type {Record<keyof Bike, string>} */ (Object.fromEntries(BIKE_FIELDS.map((f) => [f, bike ? (Array.isArray(bike[f]) ? bike[f].join(', ') : text(bike[f])) : '']))),
    availability: /** @type {Record<keyof Availability, string>} */ (Object.fromEntries(WEEKDAYS.map((d) => [d, hours ? text(hours[d]) : '']))),
  };
}

/**
 * Checks the form and builds the PUT body. Errors use the server's keys (ftpWatts, heartRate, bike.cassette, …).
 * The bike is optional as a whole: all its fields empty means no bike; so is the week (all empty means none).
 * @param {AthleteForm} form @returns {{ errors: Record<string, string>, request: any | null }}
 */
export function validateAthlete(form) {
  /** @type {Record<string, string>} */
  const errors = {};
  /** @param {string} key @param {string} raw @param {number} min @param {number} max @param {string} unit @param {boolean} [integer] */
  const number = (key, raw, min, max, unit, integer = false) => {
    const v = parseNumber(raw);
    if (v === null) return null;
    if (Number.isNaN(v) || v < min || v > max || (integer && !Number.isInteger(v))) {
      errors[key] = `${integer ? 'A whole number' : 'A number'} from ${min} to ${max}${unit ? ` ${unit}` : ''}.`;
      return null;
    }
    return v;
  };

  const ftpWatts = number('ftpWatts', form.ftpWatts, 30, 700, 'W');
  const weightKg = number('weightKg', form.weightKg, 25, 250, 'kg');
  const lthr = number('lactateThresholdHeartRateBpm', form.lactateThresholdHeartRateBpm, 60, 230, 'bpm', true);
  const maxHr = number('maxHeartRateBpm', form.maxHeartRateBpm, 80, 250, 'bpm', true);
  const restingHr = number('restingHeartRateBpm', form.restingHeartRateBpm, 25, 120, 'bpm', true);
  const upper = lthr ?? maxHr;
  if ((restingHr != null && upper != null && restingHr >= upper) || (lthr != null && maxHr != null && lthr > maxHr)) {
    errors.heartRate = 'Heart rates must rise: resting < lactate threshold ≤ max.';
  }
  const effectiveFrom = (form.effectiveFrom ?? '').trim();
  if (effectiveFrom && (!/^\d{4}-\d{2}-\d{2}$/.test(effectiveFrom) || Number.isNaN(Date.parse(effectiveFrom)) || Number(effectiveFrom.slice(0, 4)) < 1990)) {
    errors.effectiveFrom = 'A date from 1990 on (yyyy-mm-dd).';
  }

  let bike = null;
  const b = form.bike;
  if (BIKE_FIELDS.some((f) => (b[f] ?? '').trim() !== '')) {
    /** @param {keyof Bike} f @param {number} min @param {number} max @param {string} unit */
    const required = (f, min, max, unit) => {
      if ((b[f] ?? '').trim() === '') {
        errors[`bike.${f}`] = 'Needed for the bike.';
        return null;
      }
      return number(`bike.${f}`, b[f], min, max, unit);
    };
    /** @param {'chainrings' | 'cassette'} f @param {number} count @param {number} min @param {number} max @param {string} message */
    const teeth = (f, count, min, max, message) => {
      const t = parseTeeth(b[f]);
      if (!Array.isArray(t) || t.length > count || t.some((n) => n < min || n > max)) {
        errors[`bike.${f}`] = message;
        return null;
      }
      return t;
    };
    const candidate = {
      massKg: required('massKg', 3, 40, 'kg'),
      cdA: required('cdA', 0.15, 0.8, 'm²'),
      crr: required('crr', 0.001, 0.03, ''),
      wheelCircumferenceMeters: required('wheelCircumferenceMeters', 1.2, 2.6, 'm'),
      chainrings: teeth('chainrings', 3, 20, 60, '1 to 3 chainrings of 20–60 teeth.'),
      cassette: teeth('cassette', 14, 9, 52, '1 to 14 cogs of 9–52 teeth, e.g. 11, 12, 13, 14, 16, 18, 21, 24, 28.'),
      minimumCadenceRpm: required('minimumCadenceRpm', 30, 120, 'rpm'),
    };
    if (Object.values(candidate).every((v) => v !== null)) bike = candidate;
  }

  let weeklyAvailabilityHours = null;
  const a = form.availability;
  if (WEEKDAYS.some((d) => (a[d] ?? '').trim() !== '')) {
    const hours = WEEKDAYS.map((d) => ((a[d] ?? '').trim() === '' ? 0 : parseNumber(a[d])));
    if (hours.some((h) => h === null || Number.isNaN(h) || h < 0 || h > 16)) {
      errors.weeklyAvailabilityHours = "Each day's hours must be between 0 and 16.";
    } else {
      weeklyAvailabilityHours = Object.fromEntries(WEEKDAYS.map((d, i) => [d, hours[i]]));
    }
  }

  if (Object.keys(errors).length > 0) return { errors, request: null };
  return {
    errors,
    request: {
      effectiveFrom: effectiveFrom || null,
      ftpWatts,
      weightKg,
      lactateThresholdHeartRateBpm: lthr,
      maxHeartRateBpm: maxHr,
      restingHeartRateBpm: restingHr,
      bike,
      weeklyAvailabilityHours,
    },
  };
}

/**
 * The server's ValidationProblem errors as one message per field (the keys are already the form's).
 * @param {Record<string, string[]> | null | undefined} problemErrors @returns {Record<string, string>}
 */
export function serverErrors(problemErrors) {
  return Object.fromEntries(Object.entries(problemErrors ?? {}).map(([k, v]) => [k, v.join(' ')]));
}

/**
 * The threshold history as the page lists it (newest first, as the API sends it), each period marked `replaced`
 * when a later entry for the same date took its place (the newest entry for a date wins).
 * @template {{ effectiveFrom: string, createdAt: string }} P
 * @param {P[]} history @returns {(P & { replaced: boolean })[]}
 */
export function historyRows(history) {
  const newest = new Map();
  for (const p of history) {
    const seen = newest.get(p.effectiveFrom);
    if (!seen || Date.parse(p.createdAt) > Date.parse(seen.createdAt)) newest.set(p.effectiveFrom, p);
  }
  return history.map((p) => ({ ...p, replaced: newest.get(p.effectiveFrom) !== p }));
}

/**
 * What the form says when the thresholds typed would also apply to earlier rides: the first FTP (or LTHR) reaches
 * back to every earlier ride (GoldenCheetah's convention; services/Coaching/README.md "Thresholds"), counted by
 * GET /api/coach/athlete/earlier-rides for the date typed. Null when nothing earlier changes: no count for this date
 * (an earlier period gives the value), no earlier rides, or the value typed is the one those rides use already.
 * @param {AthleteForm} form
 * @param {{ effectiveFrom: string, ftpEarlierRides?: number | null, earlierFtpWatts?: number | null,
 *   lthrEarlierRides?: number | null, earlierLthrBpm?: number | null } | null | undefined} earlier
 * @param {(iso: string) => string} [formatDay]
 * @returns {string | null}
 */
export function earlierRidesNotice(form, earlier, formatDay = (iso) => iso) {
  if (!earlier || earlier.effectiveFrom !== form.effectiveFrom) return null;
  /** @param {string} typed @param {number | null | undefined} rides @param {number | null | undefined} now */
  const reaches = (typed, rides, now) => {
    const value = parseNumber(typed);
    return value !== null && !Number.isNaN(value) && value > 0 && (rides ?? 0) > 0 && value !== now ? /** @type {number} */ (rides) : null;
  };
  const ftp = reaches(form.ftpWatts, earlier.ftpEarlierRides, earlier.earlierFtpWatts);
  const lthr = reaches(form.lactateThresholdHeartRateBpm, earlier.lthrEarlierRides, earlier.earlierLthrBpm);
  /** @param {number} n @param {string} kind */
  const rides = (n, kind) => `your ${n} earlier ${n === 1 ? 'ride' : 'rides'} with ${kind}`;
  /** @param {string} label @param {number | null | undefined} now */
  const first = (label, now) => (now == null ? `Your first ${label}` : `This ${label}`);
  const before = `before ${formatDay(form.effectiveFrom)}`;
  if (ftp !== null && lthr !== null) {
    return `${first('FTP', earlier.earlierFtpWatts)} also applies to ${rides(ftp, 'power')} and the LTHR to ${rides(lthr, 'heart rate')} (${before}): the earliest thresholds reach back to the beginning, so their load and your fitness are recomputed.`;
  }
  if (ftp !== null) {
    return `${first('FTP', earlier.earlierFtpWatts)} also applies to ${rides(ftp, 'power')} (${before}): the earliest FTP reaches back to the beginning, so their TSS and your fitness are recomputed.`;
  }
  if (lthr !== null) {
    return `${first('LTHR', earlier.earlierLthrBpm)} also applies to ${rides(lthr, 'heart rate')} (${before}): the earliest LTHR reaches back to the beginning, so their heart-rate load and zones are recomputed.`;
  }
  return null;
}
