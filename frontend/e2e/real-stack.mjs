// What the end-to-end files that run against the real stack share: where it is (WEB_URL, API_KEY; ./coach test sets
// them, and FAKE_GARMIN_URL / FAKE_INTERVALS_URL for the fakes its Sync talks to), the shared fixture files, and signing in.
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const WEB_URL = process.env.WEB_URL?.replace(/\/+$/, '');
export const API_KEY = process.env.API_KEY;
export const FAKE_GARMIN_URL = process.env.FAKE_GARMIN_URL?.replace(/\/+$/, '');
export const FAKE_INTERVALS_URL = process.env.FAKE_INTERVALS_URL?.replace(/\/+$/, '');
export const noStack = !WEB_URL || !API_KEY ? 'set WEB_URL and API_KEY to run against the real stack' : false;

/** A file of the shared fixtures (`fit/…`, `gpx/…`): FIXTURES_DIR, else COACH_ROOT/../shared/fixtures, else next to
 * the repository; null when none has it. */
export function fixture(kind, name) {
  const repo = resolve(import.meta.dirname, '..', '..');
  const dirs = [process.env.FIXTURES_DIR, process.env.COACH_ROOT && join(process.env.COACH_ROOT, '..', 'shared', 'fixtures'), join(repo, '..', 'shared', 'fixtures'), '/work/shared/fixtures'];
  for (const dir of dirs.filter(Boolean)) {
    if (existsSync(join(dir, kind, name))) return join(dir, kind, name);
  }
  return null;
}

/** Opens `path`, signs in on the page it is sent to, and waits to be back on `path`. */
export async function signIn(page, path) {
  await page.goto(`${WEB_URL}${path}`);
  await page.waitForURL(/\/sign-in/);
  await page.fill('#apiKey', API_KEY);
  await page.click('button[type=submit]');
  await page.waitForURL(`${WEB_URL}${path}`);
}
