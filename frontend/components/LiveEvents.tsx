'use client';

import { useEventListener, useEvents, type Connection } from '@/lib/client/events';

export default function LiveEvents({ onWorkoutImported }: { onWorkoutImported: () => void }) {
  const { connection, events } = useEvents();
  useEventListener(['workout-imported', 'workout-deleted'], onWorkoutImported);

  return (
    <div className="events">
      <p className={`connection connection-${connection}`} role="status" data-testid="events-connection">
        {LABELS[connection]}
      </p>
      {events.length === 0 ? (
        <p className="muted empty">Nothing yet. Imports, sync runs and analyses show up here as they happen.</p>
      ) : (
        <ol className="event-list" aria-label="Live events">
          {events.map((event) => (
            <li key={event.id} className="event" data-event-type={event.type}>
              <span className="event-type">{event.type}</span>
              <time className="muted" dateTime={event.receivedAt.toISOString()}>
                {event.receivedAt.toLocaleTimeString()}
              </time>
              <span className="event-summary">{summarize(event.data)}</span>
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}

const LABELS: Record<Connection, string> = {
  connecting: 'Connecting…',
  live: 'Live',
  reconnecting: 'Reconnecting…',
  closed: 'Disconnected (reload to retry)',
};

function summarize(data: string): string {
  try {
    const value = JSON.parse(data) as Record<string, unknown>;
    if (typeof value.name === 'string') {
      return value.name;
    }
    if (typeof value.found === 'number') {
      const counts = `${value.source ?? 'sync'}: ${value.imported} imported, ${value.skipped} skipped, ${value.failed} failed of ${value.found}`;
      return typeof value.error === 'string' ? `${counts}. ${value.error}` : counts;
    }
    const text = JSON.stringify(value);
    return text.length > 140 ? `${text.slice(0, 140)}…` : text;
  } catch {
    return data.slice(0, 140);
  }
}
