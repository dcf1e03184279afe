// The map's tile server, a run-time setting: TILE_URL unset or empty = OpenStreetMap's tiles, "none" = no tiles (the
// track on a plain background), else a URL template. Read by /map-config and by the page CSP (img-src).

export const OPENSTREETMAP = 'https://tile.openstreetmap.org/{z}/{x}/{y}.png';

/** @param {Record<string, string | undefined>} [env] */
export function tileSettings(env = process.env) {
  const setting = env.TILE_URL?.trim();
  const tileUrl = !setting ? OPENSTREETMAP : setting.toLowerCase() === 'none' ? null : setting;
  const attribution = env.TILE_ATTRIBUTION?.trim() || (tileUrl === OPENSTREETMAP ? '© OpenStreetMap contributors' : '');
  return { tileUrl, attribution };
}
