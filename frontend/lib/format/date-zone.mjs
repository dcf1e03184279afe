// The rider's locale and time zone as the server learns them: the boot script (lib/client/theme.ts) writes the browser's
// into a cookie before every page, so a server render (the dashboard) shows dates and "today" as the browser will.
// Plain ESM so node --test runs it unbuilt.

/** @typedef {{ locale?: string, timeZone?: string }} DateZone */

export const ZONE_COOKIE = 'coach_zone';

/** Cookie value the browser writes: "<locale>|<time zone>", URI-encoded. @param {DateZone} zone */
export const zoneCookieValue = ({ locale = '', timeZone = '' }) => encodeURIComponent(`${locale}|${timeZone}`);

/**
 * The cookie back into a zone; anything the server's Intl does not know is dropped (it then uses its own).
 * @param {string | undefined | null} value
 * @returns {DateZone}
 */
export function parseZoneCookie(value) {
  if (!value) return {};
  let text;
  try {
    text = decodeURIComponent(value);
  } catch {
    return {};
  }
  const [locale, timeZone] = text.split('|');
  /** @type {DateZone} */
  const zone = {};
  try {
    if (locale && Intl.DateTimeFormat.supportedLocalesOf([locale]).length === 1) zone.locale = locale;
  } catch {
    // malformed language tag
  }
  try {
    if (timeZone) {
      new Intl.DateTimeFormat('en', { timeZone });
      zone.timeZone = timeZone;
    }
  } catch {
    // unknown time zone
  }
  return zone;
}

/** Today as "yyyy-mm-dd" in `timeZone` (the runtime's own when absent). @param {string | undefined} timeZone @param {Date} [now] */
export function todayIn(timeZone, now = new Date()) {
  // en-CA writes dates as yyyy-mm-dd.
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}
