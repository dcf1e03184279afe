// The map's tile server, read when asked (not when the image was built), so a self-hoster sets TILE_URL like any
// other setting: unset or empty = OpenStreetMap's tiles, "none" = no tiles (the track on a plain background).
export const dynamic = 'force-dynamic';

const OPENSTREETMAP = 'https://tile.openstreetmap.org/{z}/{x}/{y}.png';

export function GET() {
  const setting = process.env.TILE_URL?.trim();
  const tileUrl = !setting ? OPENSTREETMAP : setting.toLowerCase() === 'none' ? null : setting;
  const attribution = process.env.TILE_ATTRIBUTION?.trim() || (tileUrl === OPENSTREETMAP ? '© OpenStreetMap contributors' : '');
  return Response.json({ tileUrl, attribution }, { headers: { 'cache-control': 'private, max-age=300' } });
}
