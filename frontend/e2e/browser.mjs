// Debian's Chromium driven by playwright-core (no browser download): a fresh profile per run.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** @param {{ viewport?: { width: number, height: number } }} [options] */
export async function launchBrowser({ viewport = { width: 1280, height: 900 } } = {}) {
  const userDataDir = await mkdtemp(join(tmpdir(), 'cyclingcoach-chromium-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: CHROMIUM_ARGS,
    viewport,
  });
  context.setDefaultTimeout(15_000);
  return {
    context,
    async close() {
      await context.close();
      await rm(userDataDir, { recursive: true, force: true });
    },
  };
}

/** Signs in with the API key on WEB_URL's sign-in page and waits for the dashboard. */
export async function signIn(page, webUrl, apiKey) {
  await page.goto(`${webUrl}/sign-in`);
  await page.fill('#apiKey', apiKey);
  await page.click('button[type=submit]');
  await page.waitForURL(`${webUrl}/`);
}
