'use client';
// Units and theme, kept in this browser (lib/client/preferences.tsx): every distance, speed and elevation follows.
import { usePreferences } from '@/lib/client/preferences';
import { formatDistance, formatElevation, formatSpeed } from '@/lib/format/units.mjs';

export default function DisplayCard() {
  const { units, setUnits, theme, setTheme } = usePreferences();
  return (
    <>
      <fieldset className="choice">
        <legend>Units</legend>
        {(['metric', 'imperial'] as const).map((u) => (
          <label key={u} className="radio">
            <input type="radio" name="units" value={u} checked={units === u} onChange={() => setUnits(u)} />
            {u === 'metric' ? 'Metric' : 'Imperial'}{' '}
            <span className="muted">
              ({formatDistance(42_195, u)}, {formatElevation(1000, u)}, {formatSpeed(8.33, u)})
            </span>
          </label>
        ))}
      </fieldset>
      <fieldset className="choice">
        <legend>Theme</legend>
        {(['system', 'light', 'dark'] as const).map((t) => (
          <label key={t} className="radio">
            <input type="radio" name="theme" value={t} checked={theme === t} onChange={() => setTheme(t)} />
            {t === 'system' ? 'Follow the system' : t === 'light' ? 'Light' : 'Dark'}
          </label>
        ))}
      </fieldset>
    </>
  );
}
