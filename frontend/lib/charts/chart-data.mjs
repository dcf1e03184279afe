// Shapes API bodies into what the charts and the map draw. Pure, plain ESM (node --test runs it unbuilt).
import { distanceIn, elevationIn, elevationUnit, speedIn, speedUnit } from '../format/units.mjs';

/** @typedef {import('../format/units.mjs').Units} Units */
/** @typedef {{ key: string, label: string, unit: string, color: string, values: (number | null)[] }} Channel */

/**
 * The 1 Hz streams as chart channels over a shared x (seconds from the start), in the rider's units. Absent
 * channels (null in the API) and channels with no value at all are left out; gaps stay null so the line breaks.
 * @param {{ offsetSeconds: number[], power?: (number|null)[] | null, heartRate?: (number|null)[] | null,
 *   cadence?: (number|null)[] | null, speedMps?: (number|null)[] | null, altitudeMeters?: (number|null)[] | null }} streams
 * @param {Units} units
 * @returns {{ x: number[], channels: Channel[] }}
 */
export function streamChannels(streams, units) {
  /** @param {(number|null)[] | null | undefined} values @param {(v: number) => number} convert */
  const map = (values, convert) => (values ? values.map((v) => (v == null ? null : convert(v))) : null);
  const candidates = [
    { key: 'power', label: 'Power', unit: 'W', color: '#7c4dff', values: map(streams.power, (v) => v) },
    { key: 'heartRate', label: 'Heart rate', unit: 'bpm', color: '#e53935', values: map(streams.heartRate, (v) => v) },
    { key: 'cadence', label: 'Cadence', unit: 'rpm', color: '#00897b', values: map(streams.cadence, (v) => v) },
    { key: 'speed', label: 'Speed', unit: speedUnit(units), color: '#1e88e5', values: map(streams.speedMps, (v) => speedIn(v, units)) },
    { key: 'elevation', label: 'Elevation', unit: elevationUnit(units), color: '#8d6e63', values: map(streams.altitudeMeters, (v) => elevationIn(v, units)) },
  ];
  const channels = /** @type {Channel[]} */ (candidates.filter((c) => c.values && c.values.some((v) => v != null)));
  return { x: streams.offsetSeconds, channels };
}

/**
 * The ride's track as [lat, lon] pairs with the stream index of each, skipping points without a position.
 * @param {(number|null)[] | null | undefined} latitude @param {(number|null)[] | null | undefined} longitude
 * @returns {{ points: [number, number][], indexes: number[] }}
 */
export function trackPoints(latitude, longitude) {
  /** @type {[number, number][]} */
  const points = [];
  const indexes = [];
  if (!latitude || !longitude) return { points, indexes };
  const n = Math.min(latitude.length, longitude.length);
  for (let i = 0; i < n; i++) {
    const lat = latitude[i];
    const lon = longitude[i];
    if (lat != null && lon != null && Math.abs(lat) <= 90 && Math.abs(lon) <= 180 && !(lat === 0 && lon === 0)) {
      points.push([lat, lon]);
      indexes.push(i);
    }
  }
  return { points, indexes };
}

/** The position nearest at or before stream index i (the cursor on the charts → the marker on the map). */
export function positionAt(/** @type {{ points: [number, number][], indexes: number[] }} */ track, /** @type {number} */ i) {
  const { points, indexes } = track;
  if (points.length === 0) return null;
  let lo = 0;
  let hi = indexes.length - 1;
  if (i <= indexes[0]) return points[0];
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (indexes[mid] <= i) lo = mid;
    else hi = mid - 1;
  }
  return points[lo];
}

export const SECTION_COLORS = /** @type {const} */ ({
  climb: '#e53935',
  descent: '#1e88e5',
  rolling: '#fb8c00',
  flat: '#43a047',
  unknown: '#9e9e9e',
});

/**
 * The route's elevation profile split by section kind: one y series per kind present, holding the elevation where
 * the sample lies in a section of that kind and null elsewhere. A boundary sample belongs to both neighbours so
 * the coloured areas meet without a gap.
 * @param {{ distanceMeters: number, elevationMeters: number | null }[]} profile
 * @param {{ kind: keyof typeof SECTION_COLORS, startMeters: number, endMeters: number }[]} sections
 * @param {Units} units
 * @returns {{ x: number[], series: { kind: string, color: string, values: (number | null)[] }[] }}
 */
export function profileByKind(profile, sections, units) {
  const x = profile.map((p) => distanceIn(p.distanceMeters, units));
  /** @type {Map<string, (number | null)[]>} */
  const byKind = new Map();
  const ordered = [...sections].sort((a, b) => a.startMeters - b.startMeters);
  profile.forEach((p, i) => {
    if (p.elevationMeters == null) return;
    const y = elevationIn(p.elevationMeters, units);
    for (const s of ordered) {
      if (p.distanceMeters >= s.startMeters && p.distanceMeters <= s.endMeters) {
        let values = byKind.get(s.kind);
        if (!values) {
          values = new Array(profile.length).fill(null);
          byKind.set(s.kind, values);
        }
        values[i] = y;
      }
    }
  });
  const series = Object.keys(SECTION_COLORS)
    .filter((kind) => byKind.has(kind))
    .map((kind) => ({ kind, color: SECTION_COLORS[/** @type {keyof typeof SECTION_COLORS} */ (kind)], values: /** @type {(number|null)[]} */ (byKind.get(kind)) }));
  return { x, series };
}

/**
 * Distance along a [lat, lon] track (haversine, metres) at each point, so a distance on the elevation profile can
 * be placed on the map.
 * @param {[number, number][]} points @returns {number[]}
 */
export function cumulativeMeters(points) {
  const R = 6_371_008.8;
  const rad = Math.PI / 180;
  const out = new Array(points.length).fill(0);
  for (let i = 1; i < points.length; i++) {
    const [lat1, lon1] = points[i - 1];
    const [lat2, lon2] = points[i];
    const dLat = (lat2 - lat1) * rad;
    const dLon = (lon2 - lon1) * rad;
    const a = Math.sin(dLat / 2) ** 2 + Math.cos(lat1 * rad) * Math.cos(lat2 * rad) * Math.sin(dLon / 2) ** 2;
    out[i] = out[i - 1] + 2 * R * Math.asin(Math.min(1, Math.sqrt(a)));
  }
  return out;
}

/**
 * The track point at a share of the way: `meters` of `totalMeters` (the route's own distance, which a simplified
 * track may under-run) scaled onto the track's length.
 * @param {[number, number][]} points @param {number[]} along @param {number} meters @param {number} totalMeters
 */
export function positionAtDistance(points, along, meters, totalMeters) {
  if (points.length === 0) return null;
  const length = along[along.length - 1];
  const target = totalMeters > 0 ? (Math.min(Math.max(meters, 0), totalMeters) / totalMeters) * length : 0;
  let lo = 0;
  let hi = along.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (along[mid] < target) lo = mid + 1;
    else hi = mid;
  }
  return points[lo];
}
