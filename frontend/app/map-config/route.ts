// The map's tile server, read when asked (not when the image was built), so a self-hoster sets TILE_URL like any
// other setting (lib/charts/tiles.mjs).
import { tileSettings } from '@/lib/charts/tiles.mjs';

export const dynamic = 'force-dynamic';

export function GET() {
  return Response.json(tileSettings(), { headers: { 'cache-control': 'private, max-age=300' } });
}
