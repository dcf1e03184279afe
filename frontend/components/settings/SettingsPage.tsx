// The settings page, rendered on the server: the forms (athlete, Garmin, intervals.icu, display) are client
// components; the AI engine's status is read by the page and rendered here.
import type { CoachStatus } from '@/lib/api/prompts';
import type { Loaded } from '@/lib/api/use-load';
import type { DateZone } from '@/lib/format/format';
import AthleteCard from './AthleteCard';
import DisplayCard from './DisplayCard';
import EngineStatus from './EngineStatus';
import GarminCard from './GarminCard';
import IntervalsCard from './IntervalsCard';

export default function SettingsPage({ engine, zone }: { engine: Loaded<CoachStatus>; zone: DateZone }) {
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
          <DisplayCard />
          <p className="muted">Kept in this browser only.</p>
        </section>
        <section className="card" aria-labelledby="engine-heading">
          <h2 id="engine-heading">AI engine</h2>
          <EngineStatus state={engine} zone={zone} />
        </section>
      </div>
    </>
  );
}
