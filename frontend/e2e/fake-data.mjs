// Realistic bodies for the fake gateway, shaped like the services' OpenAPI documents (openapi/*.json):
// WorkoutResponse with WorkoutMetricsData, StreamsResponse at 1 Hz, RouteResponse / RouteDetailResponse with sections.
import { createHash } from 'node:crypto';

/** Deterministic pseudo-random numbers (so screenshots and assertions are stable). */
export function random(seed) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

export const uuid = (text) => {
  const h = createHash('sha256').update(text).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-7${h.slice(13, 16)}-8${h.slice(17, 20)}-${h.slice(20, 32)}`;
};

const SOURCES = ['garmin', 'intervals_icu', 'file', 'manual'];
const TYPES = ['road_biking', 'VirtualRide', 'gravel_cycling', 'road_biking'];
const NAMES = ['Morning endurance', 'Lunch intervals', 'Hill repeats', 'Recovery spin', 'Sweet spot 3×15', 'Long Sunday ride', 'Group ride', 'Tempo on the flats'];

/** A WorkoutResponse as the sync service writes it (SI units). */
export function workout({ id, name, source, startTime, durationSeconds, distanceMeters, activityType, hasStreams, power, hr, ftp = 265, lthr = 168 }) {
  const intensity = power ? (power * 1.05) / ftp : null;
  const tss = intensity ? Math.round(((durationSeconds * power * 1.05 * intensity) / (ftp * 3600)) * 100) : null;
  const gain = Math.round(distanceMeters / 1000 * 9);
  const hrss = hr ? Math.round((tss ?? 60) * 0.93) : null;
  return {
    id, source, sourceActivityId: source === 'garmin' ? String(17_000_000_000 + (parseInt(id.slice(0, 6), 16) % 1_000_000)) : null,
    name, sport: 'cycling', startTime, durationSeconds, distanceMeters, averagePower: power, averageHeartRate: hr,
    createdAt: startTime, activityType, movingSeconds: Math.round(durationSeconds * 0.96), elevationGainMeters: gain,
    maxPower: power ? Math.round(power * 3.4) : null, maxHeartRate: hr ? hr + 31 : null, averageCadence: source === 'manual' ? null : 86,
    calories: power ? Math.round((power * durationSeconds) / 1000 * 1.05) : null, hasStreams, streamSource: hasStreams ? 'original_file' : 'none', laps: [],
    fileFormat: hasStreams ? 'fit' : null, fileSizeBytes: hasStreams ? Math.round(durationSeconds * 21.3) : null,
    ...trainingLoadOf(source === 'manual' ? null : tss, source === 'manual' ? null : hrss, durationSeconds),
    metrics: source === 'manual' ? null : {
      elapsedSeconds: durationSeconds, recordedSeconds: durationSeconds, movingSeconds: Math.round(durationSeconds * 0.96),
      hasPower: power != null, hasHeartRate: hr != null, averagePowerWatts: power, maxPowerWatts: power ? Math.round(power * 3.4) : null,
      normalizedPowerWatts: power ? Math.round(power * 1.05) : null, intensityFactor: intensity ? Math.round(intensity * 100) / 100 : null,
      trainingStressScore: tss, variabilityIndex: power ? 1.05 : null, efficiencyFactor: power && hr ? Math.round((power * 1.05 / hr) * 100) / 100 : null,
      aerobicDecouplingPercent: power && hr ? 3.4 : null, averageHeartRateBpm: hr, maxHeartRateBpm: hr ? hr + 31 : null,
      trimp: hr ? Math.round(durationSeconds / 60 * 1.1) : null, heartRateStressScore: hrss,
      averageCadenceRpm: 86, averageMovingSpeedMps: distanceMeters / (durationSeconds * 0.96), workKilojoules: power ? Math.round(power * durationSeconds / 1000) : null,
      elevationGainMeters: gain, elevationLossMeters: gain, timeInPowerZonesSeconds: power ? zones(durationSeconds, [0.18, 0.41, 0.2, 0.12, 0.06, 0.02, 0.01]) : [],
      timeInHeartRateZonesSeconds: hr ? zones(durationSeconds, [0.2, 0.45, 0.22, 0.1, 0.03]) : [],
      meanMaxPowerWatts: power ? { 5: Math.round(power * 3.4), 60: Math.round(power * 1.9), 300: Math.round(power * 1.35), 1200: Math.round(power * 1.15) } : {},
      ftpUsedWatts: power ? ftp : null, lthrUsedBpm: hr ? lthr : null, thresholdsVersion: power || hr ? 2 : null, warnings: [],
      maxHeartRateUsedBpm: hr ? 190 : null, restingHeartRateUsedBpm: hr ? 50 : null, sampleRepairs: [], sampleRepairEnabled: true,
      deviceSession: null, deviceMismatches: [],
    },
  };
}

/** Sync's order: TSS from power, else HRSS, else the duration estimate (IF 0.65). */
export function trainingLoadOf(tss, hrss, durationSeconds) {
  if (tss != null) return { trainingLoad: tss, trainingLoadSource: 'power' };
  if (hrss != null) return { trainingLoad: hrss, trainingLoadSource: 'heart_rate' };
  return { trainingLoad: Math.round((durationSeconds / 3600) * 0.65 ** 2 * 100), trainingLoadSource: 'estimate' };
}

/** A list row, as GET /api/workouts answers (WorkoutSummaryResponse): no metrics, laps or aliases. */
export function workoutSummary(w) {
  const { id, source, sourceActivityId, name, sport, activityType, startTime, durationSeconds, distanceMeters, averagePower, averageHeartRate, trainingLoad, trainingLoadSource, hasStreams } = w;
  return { id, source, sourceActivityId, name, sport, activityType, startTime, durationSeconds, distanceMeters, averagePower, averageHeartRate, trainingLoad, trainingLoadSource, hasStreams };
}

function zones(total, shares) {
  return shares.map((s) => Math.round(total * s));
}

/** A season of rides: newest first is the API's order, so start times go back from `now`. */
export function seedWorkouts(count = 40, now = Date.now()) {
  const next = random(42);
  const items = [];
  for (let i = 0; i < count; i++) {
    const day = new Date(now - (i + 1) * 1.7 * 86_400_000);
    day.setUTCHours(6 + (i % 3) * 4, 15, 0, 0);
    const source = SOURCES[i % SOURCES.length];
    const long = i === 2;
    const durationSeconds = long ? 5 * 3600 : Math.round(2400 + next() * 9000);
    const speed = 7 + next() * 2.2;
    items.push(workout({
      id: uuid(`seed-${i}`),
      name: long ? 'Five-hour gran fondo' : NAMES[i % NAMES.length],
      source,
      startTime: day.toISOString().replace('.000Z', '+00:00'),
      durationSeconds,
      distanceMeters: Math.round(durationSeconds * speed),
      activityType: source === 'manual' ? null : TYPES[i % TYPES.length],
      hasStreams: source !== 'manual',
      power: source === 'manual' ? null : Math.round(150 + next() * 90),
      hr: Math.round(125 + next() * 30),
    }));
    // The long ride came from Garmin's details (no original file) and has one lap an hour, the last one easier.
    if (long) Object.assign(items[i], { streamSource: 'garmin_details', fileFormat: null, fileSizeBytes: null, laps: lapsOf(items[i], 5) });
  }
  return items;
}

/** `count` equal laps over the ride (WorkoutLap, index from 1 as Sync writes it), power and HR around the ride's averages. @param {any} w @param {number} count */
export function lapsOf(w, count) {
  const seconds = w.durationSeconds / count;
  return Array.from({ length: count }, (_, index) => {
    const easier = index === count - 1 ? 0.85 : 1 + (index % 2) * 0.04;
    return {
      index: index + 1, startSecond: index * seconds, elapsedSeconds: seconds + 30, timerSeconds: seconds, distanceMeters: Math.round((w.distanceMeters / count) * easier),
      averagePowerWatts: w.averagePower == null ? null : Math.round(w.averagePower * easier), averageHeartRateBpm: w.averageHeartRate == null ? null : Math.round(w.averageHeartRate * easier),
    };
  });
}

/** StreamsResponse at 1 Hz: a loop with a climb, power around the ride's average, HR lagging power. */
export function streamsFor(w) {
  const n = Math.min(Math.round(w.durationSeconds), 18_000);
  const next = random(parseInt(w.id.slice(0, 8), 16));
  const offsetSeconds = new Array(n);
  const power = new Array(n); const heartRate = new Array(n); const cadence = new Array(n);
  const speedMps = new Array(n); const altitudeMeters = new Array(n); const distanceMeters = new Array(n);
  const latitude = new Array(n); const longitude = new Array(n); const moving = new Array(n);
  let hr = 100; let dist = 0;
  const avg = w.averagePower ?? 180;
  for (let i = 0; i < n; i++) {
    const phase = i / n;
    const grade = Math.sin(phase * Math.PI * 6) * 0.05;
    const p = Math.max(0, avg * (1 + grade * 4) + (next() - 0.5) * 60 + (i % 900 < 60 ? 120 : 0));
    hr += ((115 + p / 4.2) - hr) / 40;
    const v = Math.max(2, 9 - grade * 70 + (next() - 0.5) * 0.6);
    const stopped = i > n * 0.5 && i < n * 0.5 + 120; // a café stop: no speed, no power
    offsetSeconds[i] = i;
    power[i] = stopped ? 0 : Math.round(p);
    heartRate[i] = Math.round(hr);
    cadence[i] = stopped ? 0 : Math.round(84 + (next() - 0.5) * 10);
    speedMps[i] = stopped ? 0 : Math.round(v * 1000) / 1000;
    dist += stopped ? 0 : v;
    distanceMeters[i] = Math.round(dist);
    altitudeMeters[i] = Math.round((420 + 180 * (1 - Math.cos(phase * Math.PI * 6)) / 2) * 10) / 10;
    const angle = phase * 2 * Math.PI;
    latitude[i] = i < 5 ? null : 47.37 + 0.12 * Math.sin(angle) + 0.01 * Math.sin(angle * 9);
    longitude[i] = i < 5 ? null : 8.54 + 0.2 * (1 - Math.cos(angle)) + 0.01 * Math.cos(angle * 7);
    moving[i] = !stopped;
  }
  return {
    workoutId: w.id, startTime: w.startTime, length: n, resolutionSeconds: 1, offsetSeconds,
    power: w.averagePower == null ? null : power, heartRate, cadence, speedMps, altitudeMeters, distanceMeters, latitude, longitude, moving,
  };
}

/** A RouteDetailResponse: flat, a category-2 climb, the descent, rolling home. */
export function routeDetail({ id, name, createdAt, fileSizeBytes = 48_211 }) {
  const plan = [
    { kind: 'flat', from: 0, to: 14_800, grade: 0.4 },
    { kind: 'climb', from: 14_800, to: 22_300, grade: 6.8 },
    { kind: 'descent', from: 22_300, to: 30_100, grade: -6.2 },
    { kind: 'rolling', from: 30_100, to: 52_400, grade: 1.1 },
    { kind: 'flat', from: 52_400, to: 61_250, grade: -0.6 },
  ];
  const profile = [];
  let elevation = 410;
  for (let d = 0; d <= 61_250; d += 125) {
    const section = plan.find((s) => d >= s.from && d <= s.to) ?? plan[plan.length - 1];
    const wobble = section.kind === 'rolling' ? Math.sin(d / 900) * 3.5 : 0;
    const grade = section.grade + wobble;
    if (d > 0) elevation += (grade / 100) * 125;
    profile.push({ distanceMeters: d, elevationMeters: Math.round(elevation * 10) / 10, gradePercent: Math.round(grade * 10) / 10 });
  }
  const coordinates = profile.filter((_, i) => i % 4 === 0).map((p) => {
    const a = (p.distanceMeters / 61_250) * 2 * Math.PI;
    return [Math.round((7.45 + 0.16 * Math.sin(a)) * 1e6) / 1e6, Math.round((46.95 + 0.09 * (1 - Math.cos(a)) + 0.01 * Math.sin(3 * a)) * 1e6) / 1e6];
  });
  const speedFor = (g) => Math.max(3.2, 9.2 - g * 0.85);
  const sections = plan.map((s, index) => {
    const length = s.to - s.from;
    const speed = s.kind === 'descent' ? 12.5 : speedFor(s.grade);
    const climbing = s.grade > 0;
    return {
      index, kind: s.kind, startMeters: s.from, endMeters: s.to, distanceMeters: length,
      averageGradePercent: s.grade, maxSustainedGradePercent: s.kind === 'climb' ? 9.4 : Math.round((s.grade + 1.5) * 10) / 10,
      elevationGainMeters: climbing ? Math.round(length * s.grade / 100) : 4, elevationLossMeters: climbing ? 3 : Math.round(-length * s.grade / 100),
      climbCategory: s.kind === 'climb' ? 'cat2' : null, climbScore: s.kind === 'climb' ? 41_300 : null, fietsIndex: s.kind === 'climb' ? 3.7 : null,
      targetPowerWatts: s.kind === 'descent' ? 90 : s.kind === 'climb' ? 245 : 195, estimatedSeconds: Math.round(length / speed), averageSpeedMps: speed,
      minimumGear: s.kind === 'descent' ? null : {
        chainringTeeth: s.kind === 'climb' ? 34 : 50, cogTeeth: s.kind === 'climb' ? 28 : 17, ratio: s.kind === 'climb' ? 1.214 : 2.941,
        requiredRatio: s.kind === 'climb' ? 1.3 : 2.6, gradePercent: s.kind === 'climb' ? 9.4 : s.grade + 1.5, speedMps: speed,
        expectedCadenceRpm: s.kind === 'climb' ? 68 : 88, holdsMinimumCadence: s.kind !== 'climb', powerForMinimumCadenceWatts: s.kind === 'climb' ? 292 : null,
      },
    };
  });
  const gain = sections.reduce((a, s) => a + (s.elevationGainMeters ?? 0), 0);
  const loss = sections.reduce((a, s) => a + (s.elevationLossMeters ?? 0), 0);
  const estimatedSeconds = sections.reduce((a, s) => a + s.estimatedSeconds, 0);
  const elevations = profile.map((p) => p.elevationMeters);
  const climb = sections[1];
  return {
    id, name, createdAt, analyzedAt: createdAt, profileVersion: 1, fileSizeBytes, pointCount: profile.length * 3,
    summary: {
      distanceMeters: 61_250, elevationGainMeters: gain, elevationLossMeters: loss, minElevationMeters: Math.min(...elevations),
      maxElevationMeters: Math.max(...elevations), maxGradePercent: 11.2, estimatedSeconds, sectionCount: sections.length,
      hardestClimb: {
        sectionIndex: 1, startMeters: climb.startMeters, endMeters: climb.endMeters, distanceMeters: climb.distanceMeters,
        averageGradePercent: climb.averageGradePercent, maxSustainedGradePercent: 9.4, elevationGainMeters: climb.elevationGainMeters,
        climbCategory: 'cat2', fietsIndex: 3.7, estimatedSeconds: climb.estimatedSeconds,
      },
    },
    track: { type: 'LineString', coordinates },
    profile, sections, warnings: [],
    links: { self: `/api/routes/${id}`, gpx: `/api/routes/${id}/gpx`, reanalyze: `/api/routes/${id}/reanalyze` },
  };
}

/** RouteResponse (list row) from a detail. */
export function routeSummary(r) {
  return {
    id: r.id, name: r.name, distanceMeters: r.summary.distanceMeters, elevationGainMeters: r.summary.elevationGainMeters,
    elevationLossMeters: r.summary.elevationLossMeters, maxGradePercent: r.summary.maxGradePercent, estimatedSeconds: r.summary.estimatedSeconds,
    profileVersion: r.profileVersion, createdAt: r.createdAt, analyzedAt: r.analyzedAt,
  };
}

/** Splits a multipart/form-data body into its parts (name, filename, bytes). Enough for the fake. */
export function parseMultipart(body, contentType) {
  const boundary = /boundary=(?:"([^"]+)"|([^;]+))/i.exec(contentType ?? '');
  if (!boundary) return null;
  const delimiter = Buffer.from(`--${boundary[1] ?? boundary[2]}`);
  const parts = [];
  let start = body.indexOf(delimiter);
  while (start !== -1) {
    const headerStart = start + delimiter.length + 2;
    const end = body.indexOf(delimiter, headerStart);
    if (end === -1) break;
    const headerEnd = body.indexOf('\r\n\r\n', headerStart);
    const headers = body.subarray(headerStart, headerEnd).toString('utf8');
    const content = body.subarray(headerEnd + 4, end - 2);
    const name = /name="([^"]*)"/.exec(headers)?.[1];
    const filename = /filename="([^"]*)"/.exec(headers)?.[1];
    parts.push({ name, filename, content });
    start = end;
  }
  return parts;
}
