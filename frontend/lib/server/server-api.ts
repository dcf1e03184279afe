// Server-side reads from the gateway for server-rendered pages (the dashboard): the same /api/* paths the browser
// calls through app/api, with the API key added here. Never imported by client code (it reads the key).
import { cookies } from 'next/headers';
import { hasValidSession } from '../security/auth';
import { parseZoneCookie, todayIn, ZONE_COOKIE } from '../format/date-zone.mjs';
import { readApiKey } from '../security/session.mjs';
import { gatewayBaseUrl } from './server-config';
import type { Loaded } from '../api/use-load';
import type { ServerZone } from '../format/zone';

// A slow gateway must not hold the page: after this the card shows its error state and the rider can retry.
const TIMEOUT_MS = 3000;

/** GET `path` (an /api/* path) from the gateway: the value (null for a 404 with `notFoundAsNull`), or the error. */
export async function serverGet<T>(path: string, options: { notFoundAsNull?: boolean } = {}): Promise<Loaded<T>> {
  const gateway = gatewayBaseUrl();
  const apiKey = readApiKey();
  if (!gateway || !apiKey) {
    return { status: 'error', message: 'The web app has no gateway address or API key configured.' };
  }
  // The proxy only renders pages for a signed-in rider; checked again because the key is used here.
  if (!hasValidSession({ cookies: await cookies() })) {
    return { status: 'error', message: 'Sign in to the web app first.' };
  }
  try {
    const response = await fetch(`${gateway}${path}`, {
      headers: { accept: 'application/json', 'x-api-key': apiKey },
      cache: 'no-store',
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
    if (response.status === 404 && options.notFoundAsNull) {
      await response.arrayBuffer().catch(() => undefined);
      return { status: 'ready', value: null as T };
    }
    if (!response.ok) {
      const problem = (await response.json().catch(() => null)) as { detail?: string; title?: string } | null;
      const message =
        response.status === 401
          ? "The gateway refused the web app's API key: check Auth__ApiKey on both."
          : (problem?.detail ?? problem?.title ?? `Request failed (${response.status})`);
      return { status: 'error', message };
    }
    return { status: 'ready', value: (await response.json()) as T };
  } catch (error) {
    const timedOut = (error as Error).name === 'TimeoutError';
    console.error(`server render: GET ${path} failed: ${(error as Error).message}`);
    return { status: 'error', message: timedOut ? 'The CyclingCoach gateway did not answer in time.' : 'The CyclingCoach gateway could not be reached.' };
  }
}

/** The rider's locale, time zone and today, from the cookie the boot script writes (lib/client/theme.ts). */
export async function requestZone(): Promise<ServerZone> {
  const zone = parseZoneCookie((await cookies()).get(ZONE_COOKIE)?.value);
  // Without the cookie, the server's own, spelt out: the hydrating browser must format as the server did, not as
  // its own default (it switches to its own right after).
  const own = Intl.DateTimeFormat().resolvedOptions();
  const timeZone = zone.timeZone ?? own.timeZone;
  return { locale: zone.locale ?? own.locale, timeZone, today: todayIn(timeZone) };
}
