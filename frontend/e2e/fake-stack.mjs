// The built web server (.next/standalone, `npm run build` first) in front of the fake gateway, both on free
// loopback ports, for the end-to-end tests that need known data (app, coach-pages and readiness e2e files);
// `signedInFakeStack` adds a browser signed in on a page.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';
import { launchBrowser } from './browser.mjs';
import { startFakeGateway } from './fake-gateway.mjs';

const root = resolve(import.meta.dirname, '..');
export const SERVER = join(root, '.next', 'standalone', 'server.js');
export const built = () => existsSync(SERVER);

const freePort = () =>
  new Promise((done, fail) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = /** @type {import('node:net').AddressInfo} */ (s.address());
      s.close(() => done(port));
    });
    s.on('error', fail);
  });

/**
 * @param {{ seed?: boolean }} [gatewayOptions] passed to startFakeGateway
 * @param {Record<string, string>} [webEnv] more settings for the web server (e.g. TILE_URL)
 */
export async function startFakeStack(gatewayOptions = {}, webEnv = {}) {
  const apiKey = `e2e-${randomBytes(12).toString('hex')}`;
  const gateway = await startFakeGateway({ ...gatewayOptions, apiKey });
  const port = await freePort();
  const web = spawn(process.execPath, [SERVER], {
    env: { ...process.env, Auth__WebProxyKey: `e2e-web-${randomBytes(12).toString('hex')}`, ...webEnv, API_KEY: apiKey, GATEWAY_HTTP: gateway.url, PORT: String(port), HOSTNAME: '127.0.0.1', NEXT_TELEMETRY_DISABLED: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  web.stdout.on('data', (d) => (log += d));
  web.stderr.on('data', (d) => (log += d));
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; ; i++) {
    try {
      if ((await fetch(`${url}/healthz`)).ok) break;
    } catch {
      // not listening yet
    }
    if (i > 100 || web.exitCode !== null) throw new Error(`web server did not start:\n${log}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    url,
    apiKey,
    gateway,
    async close() {
      web.kill('SIGTERM');
      await gateway.close();
    },
  };
}

/**
 * A fake stack and a fresh browser signed in with its key: opens `path`, signs in where the app sends it and waits
 * to be back on `path`. `close()` ends both.
 * @param {{ path?: string, viewport?: { width: number, height: number }, gateway?: { seed?: boolean }, web?: Record<string, string> }} [options]
 */
export async function signedInFakeStack({ path = '/', viewport = { width: 1280, height: 800 }, gateway, web } = {}) {
  const stack = await startFakeStack(gateway, web);
  const browser = await launchBrowser({ viewport }).catch(async (error) => {
    await stack.close();
    throw error;
  });
  const close = async () => {
    await browser.close();
    await stack.close();
  };
  try {
    const page = await browser.context.newPage();
    await page.goto(`${stack.url}${path}`);
    await page.waitForURL(/\/sign-in/);
    await page.fill('#apiKey', stack.apiKey);
    await page.click('button[type=submit]');
    await page.waitForURL(`${stack.url}${path}`);
    return { stack, browser, page, close };
  } catch (error) {
    await close();
    throw error;
  }
}
