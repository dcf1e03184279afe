// Display helpers: the API speaks SI units (ARCHITECTURE.md §5), the page shows metric.

export function formatDistance(meters: number): string {
  return `${(meters / 1000).toFixed(1)} km`;
}

/** h:mm (seconds dropped), e.g. 5400 → "1:30". */
export function formatDuration(totalSeconds: number): string {
  const minutes = Math.round(totalSeconds / 60);
  return `${Math.floor(minutes / 60)}:${String(minutes % 60).padStart(2, '0')}`;
}

/** Parses "h:mm", "mm" or "h:mm:ss" into seconds; null when it is not a positive duration. */
export function parseDuration(text: string): number | null {
  const parts = text.trim().split(':');
  if (parts.length === 0 || parts.length > 3 || parts.some((p) => !/^\d+$/.test(p))) {
    return null;
  }
  const numbers = parts.map(Number);
  const seconds =
    numbers.length === 1
      ? numbers[0] * 60
      : numbers.length === 2
        ? numbers[0] * 3600 + numbers[1] * 60
        : numbers[0] * 3600 + numbers[1] * 60 + numbers[2];
  return seconds > 0 ? seconds : null;
}

/** A plan day's short weekday and day of month ("Mon 7"), in `locale` (absent = the runtime's own). */
export const weekdayLabel = (date: string, locale?: string) =>
  new Date(`${date}T00:00:00Z`).toLocaleDateString(locale, { weekday: 'short', day: 'numeric', timeZone: 'UTC' });

/** A session type as a rider reads it: "sweet_spot" → "Sweet spot". */
export const typeLabel = (type: string) => type.replace(/_/g, ' ').replace(/^./, (c) => c.toUpperCase());

/** Where dates are read: a locale and an IANA time zone; absent = the runtime's own (the browser's). */
export type DateZone = { locale?: string; timeZone?: string };

export function formatDateTime(iso: string, zone: DateZone = {}): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime())
    ? iso
    : date.toLocaleString(zone.locale, { weekday: 'short', day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit', timeZone: zone.timeZone });
}

/** A datetime-local value ("2026-11-24T06:30") as ISO 8601 with the browser's offset ("…T06:30:00+01:00"). */
export function localInputToIso(value: string): string | null {
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) {
    return null;
  }
  const offset = -date.getTimezoneOffset();
  const sign = offset >= 0 ? '+' : '-';
  const pad = (n: number) => String(Math.abs(n)).padStart(2, '0');
  return (
    `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}` +
    `T${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}` +
    `${sign}${pad(Math.trunc(offset / 60))}:${pad(offset % 60)}`
  );
}

/** Now as a datetime-local value, minutes precision. */
export function nowForInput(): string {
  const now = new Date();
  now.setSeconds(0, 0);
  const local = new Date(now.getTime() - now.getTimezoneOffset() * 60_000);
  return local.toISOString().slice(0, 16);
}

/** "just now", "5 min ago", "3 h ago", "2 d ago" (or in the future: "in 12 min"). */
export function relativeTime(iso: string | null | undefined, now = Date.now()): string {
  if (!iso) return '';
  const seconds = Math.round((now - Date.parse(iso)) / 1000);
  if (Number.isNaN(seconds)) return '';
  const future = seconds < 0;
  const s = Math.abs(seconds);
  const text = s < 45 ? null : s < 3600 ? `${Math.round(s / 60)} min` : s < 86_400 ? `${Math.round(s / 3600)} h` : `${Math.round(s / 86_400)} d`;
  if (!text) return 'just now';
  return future ? `in ${text}` : `${text} ago`;
}

export function formatDate(iso: string, zone: DateZone = {}): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : date.toLocaleDateString(zone.locale, { day: 'numeric', month: 'short', year: 'numeric', timeZone: zone.timeZone });
}
