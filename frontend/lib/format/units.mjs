// Display units. The API speaks SI (DESIGN §11); the rider picks metric or imperial (Settings, kept in localStorage)
// and every distance, speed and elevation shown goes through these. Plain ESM so node --test runs it unbuilt.

/** @typedef {'metric' | 'imperial'} Units */

export const METERS_PER_MILE = 1609.344;
export const METERS_PER_FOOT = 0.3048;
export const UNITS_STORAGE_KEY = 'coach.units';

/** @param {unknown} value @returns {Units} */
export function parseUnits(value) {
  return value === 'imperial' ? 'imperial' : 'metric';
}

/** Metres → km or mi (number, for charts and axes). @param {number} meters @param {Units} units */
export function distanceIn(meters, units) {
  return units === 'imperial' ? meters / METERS_PER_MILE : meters / 1000;
}

/** Metres → m or ft. @param {number} meters @param {Units} units */
export function elevationIn(meters, units) {
  return units === 'imperial' ? meters / METERS_PER_FOOT : meters;
}

/** m/s → km/h or mph. @param {number} mps @param {Units} units */
export function speedIn(mps, units) {
  return units === 'imperial' ? (mps * 3600) / METERS_PER_MILE : mps * 3.6;
}

/** @param {Units} units */
export const distanceUnit = (units) => (units === 'imperial' ? 'mi' : 'km');
/** @param {Units} units */
export const elevationUnit = (units) => (units === 'imperial' ? 'ft' : 'm');
/** @param {Units} units */
export const speedUnit = (units) => (units === 'imperial' ? 'mph' : 'km/h');

const DASH = '–';
/** @param {number | null | undefined} value */
const known = (value) => typeof value === 'number' && Number.isFinite(value);

/** "42.2 km" / "26.2 mi"; "–" when unknown. @param {number | null | undefined} meters @param {Units} units */
export function formatDistance(meters, units, digits = 1) {
  return known(meters) ? `${distanceIn(/** @type {number} */ (meters), units).toFixed(digits)} ${distanceUnit(units)}` : DASH;
}

/** "1,234 m" / "4,049 ft", whole units. @param {number | null | undefined} meters @param {Units} units */
export function formatElevation(meters, units) {
  return known(meters) ? `${Math.round(elevationIn(/** @type {number} */ (meters), units)).toLocaleString('en')} ${elevationUnit(units)}` : DASH;
}

/** "29.5 km/h" / "18.3 mph". @param {number | null | undefined} mps @param {Units} units */
export function formatSpeed(mps, units) {
  return known(mps) ? `${speedIn(/** @type {number} */ (mps), units).toFixed(1)} ${speedUnit(units)}` : DASH;
}

/** Grade in percent, one decimal, sign kept: "+6.4 %", "−3.0 %". @param {number | null | undefined} percent */
export function formatGrade(percent) {
  if (!known(percent)) return DASH;
  const p = /** @type {number} */ (percent);
  const text = Math.abs(p).toFixed(1);
  return `${p > 0.05 ? '+' : p < -0.05 ? '−' : ''}${text} %`;
}

/** h:mm:ss, or m:ss under an hour. @param {number | null | undefined} seconds */
export function formatClock(seconds) {
  if (!known(seconds)) return DASH;
  const total = Math.round(/** @type {number} */ (seconds));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const mm = String(m).padStart(h > 0 ? 2 : 1, '0');
  return `${h > 0 ? `${h}:` : ''}${mm}:${String(s).padStart(2, '0')}`;
}

/** "12.3 MB", "640 KB", "900 B". @param {number | null | undefined} bytes */
export function formatBytes(bytes) {
  if (!known(bytes)) return DASH;
  const b = /** @type {number} */ (bytes);
  if (b >= 1024 * 1024) return `${(b / (1024 * 1024)).toFixed(1)} MB`;
  if (b >= 1024) return `${Math.round(b / 1024)} KB`;
  return `${b} B`;
}
