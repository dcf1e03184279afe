// The map's tile server is a setting read at run time (TILE_URL, app/map-config): against the fake gateway, a web
// server told to use a local tile server draws its tiles under the 5-hour ride's track; one told "none" asks for no
// tiles and says so. Needs `npm run build` first.
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { after, before, describe, it } from 'node:test';
import { built, signedInFakeStack } from './fake-stack.mjs';

const skip = built() ? false : 'run npm run build first (needs .next/standalone/server.js)';
// A 1×1 PNG: what a tile server answers, minus the picture.
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=', 'base64');

describe('map tiles from the TILE_URL setting (fake gateway)', { skip }, () => {
  let tileServer;
  const tiles = [];

  before(async () => {
    tileServer = createServer((req, res) => {
      tiles.push(req.url);
      res.writeHead(200, { 'content-type': 'image/png', 'access-control-allow-origin': '*' }).end(PNG);
    });
    await new Promise((done) => tileServer.listen(0, '127.0.0.1', done));
  });

  after(() => new Promise((done) => tileServer?.close(done)));

  const openRide = async (page, url) => {
    await page.goto(`${url}/workouts`);
    await page.getByRole('link', { name: 'Five-hour gran fondo' }).click();
    await page.locator('[data-testid=map][data-ready=true]').waitFor({ timeout: 20_000 });
  };

  it('draws the tiles of the tile server TILE_URL names', async () => {
    const tileUrl = `http://127.0.0.1:${tileServer.address().port}/tiles/{z}/{x}/{y}.png`;
    const { stack, page, close } = await signedInFakeStack({ path: '/workouts', web: { TILE_URL: tileUrl, TILE_ATTRIBUTION: '© Test tiles' } });
    try {
      assert.deepEqual(await (await page.request.get(`${stack.url}/map-config`)).json(), { tileUrl, attribution: '© Test tiles' });
      await openRide(page, stack.url);
      await page.locator('[data-testid=map] img.leaflet-tile-loaded').first().waitFor();
      assert.ok(tiles.some((t) => /^\/tiles\/\d+\/\d+\/\d+\.png$/.test(t)), `tile requests: ${tiles.slice(0, 3)}`);
      assert.match(await page.locator('[data-testid=map] .leaflet-control-attribution').innerText(), /© Test tiles/);
      assert.equal(await page.locator('[data-testid=tiles-note]').count(), 0);
    } finally {
      await close();
    }
  });

  it('asks for no tiles with TILE_URL=none and says so', async () => {
    const before = tiles.length;
    const { stack, page, close } = await signedInFakeStack({ path: '/workouts', web: { TILE_URL: 'none' } });
    try {
      await openRide(page, stack.url);
      assert.match(await page.locator('[data-testid=tiles-note]').innerText(), /no tile server set/);
      assert.equal(await page.locator('[data-testid=map] img.leaflet-tile').count(), 0);
      assert.ok((await page.locator('[data-testid=map] path.leaflet-interactive').count()) >= 1, 'the track is still drawn');
      assert.equal(tiles.length, before);
    } finally {
      await close();
    }
  });
});
