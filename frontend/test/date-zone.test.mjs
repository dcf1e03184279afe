import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseZoneCookie, todayIn, zoneCookieValue } from '../lib/format/date-zone.mjs';

describe('date zone cookie', () => {
  it('round-trips the locale and time zone the browser writes', () => {
    const value = zoneCookieValue({ locale: 'de-CH', timeZone: 'Europe/Zurich' });
    assert.doesNotMatch(value, /[|;, ]/); // a cookie value without separators
    assert.deepEqual(parseZoneCookie(value), { locale: 'de-CH', timeZone: 'Europe/Zurich' });
  });

  it('drops what Intl does not know, keeping the rest', () => {
    assert.deepEqual(parseZoneCookie(zoneCookieValue({ locale: 'en-GB', timeZone: 'Mars/Olympus' })), { locale: 'en-GB' });
    assert.deepEqual(parseZoneCookie(zoneCookieValue({ locale: 'not a tag!', timeZone: 'America/New_York' })), { timeZone: 'America/New_York' });
    assert.deepEqual(parseZoneCookie('%E0%A4%A'), {}); // not URI-decodable
    assert.deepEqual(parseZoneCookie(undefined), {});
  });
});

describe('todayIn', () => {
  // 2026-12-01 23:30 UTC is already 2 December in Zurich (UTC+1) and still 1 December in New York (UTC−5).
  const lateEvening = new Date('2026-12-01T23:30:00Z');
  it('is the calendar day in the given zone', () => {
    assert.equal(todayIn('UTC', lateEvening), '2026-12-01');
    assert.equal(todayIn('Europe/Zurich', lateEvening), '2026-12-02');
    assert.equal(todayIn('America/New_York', lateEvening), '2026-12-01');
    assert.equal(todayIn('Pacific/Kiritimati', new Date('2026-12-31T10:30:00Z')), '2027-01-01'); // UTC+14
  });
});
