'use client';

import { usePreferences } from '@/lib/client/preferences';
import { formatDistance, formatElevation, formatSpeed } from '@/lib/format/units.mjs';
import AthleteCard from './AthleteCard';
import EngineStatus from './EngineStatus';
import GarminCard from './GarminCard';
import IntervalsCard from './IntervalsCard';

export default function SettingsPage() {
  const { units, setUnits, theme, setTheme } = usePreferences();
  return (
    <>
      <h1>Settings</h1>
      <div className="settings-grid">
        <section className="card settings-wide" aria-labelledby="athlete-heading">
          <h2 id="athlete-heading">Athlete and bike</h2>
          <AthleteCard />
        </section>
        <section className="card" aria-labelledby="garmin-heading">
          <h2 id="garmin-heading">Garmin Connect</h2>
          <GarminCard />
        </section>
        <section className="card" aria-labelledby="intervals-heading">
          <h2 id="intervals-heading">intervals.icu</h2>
          <IntervalsCard />
        </section>
        <section className="card" aria-labelledby="display-heading">
          <h2 id="display-heading">Display</h2>
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
          <p className="muted">Kept in this browser only.</p>
        </section>
        <section className="card" aria-labelledby="engine-heading">
          <h2 id="engine-heading">AI engine</h2>
          <EngineStatus />
        </section>
      </div>
    </>
  );
}
