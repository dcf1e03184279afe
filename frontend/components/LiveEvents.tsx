'use client';

import { useEffect, useRef, useState } from 'react';

// Event names the gateway relays from the bus (kebab-case of the message type); it also sends `ready` once and a
// `ping` every 20 s, which only keep the stream open and are not shown.
const EVENT_TYPES = [
  'workout-imported',
  'workout-deleted',
  'sync-run-started',
  'sync-run-progressed',
  'sync-run-completed',
  'sync-run-failed',
  'analysis-completed',
  'plan-version-created',
  'athlete-profile-changed',
  'route-analyzed',
];
const REFRESHING = new Set(['workout-imported', 'workout-deleted']);
const KEEP = 20;

type LiveEvent = { id: number; type: string; receivedAt: Date; summary: string };
type Connection = 'connecting' | 'live' | 'reconnecting' | 'closed';

export default function LiveEvents({ onWorkoutImported }: { onWorkoutImported: () => void }) {
  const [events, setEvents] = useState<LiveEvent[]>([]);
  const [connection, setConnection] = useState<Connection>('connecting');
  const callback = useRef(onWorkoutImported);
  useEffect(() => {
    callback.current = onWorkoutImported;
  }, [onWorkoutImported]);

  useEffect(() => {
    let nextId = 0;
    const source = new EventSource('/api/events');
    source.onopen = () => setConnection('live');
    source.onerror = () => setConnection(source.readyState === EventSource.CLOSED ? 'closed' : 'reconnecting');
    const handle = (event: MessageEvent<string>) => {
      const item = { id: nextId++, type: event.type, receivedAt: new Date(), summary: summarize(event.data) };
      setEvents((current) => [item, ...current].slice(0, KEEP));
      if (REFRESHING.has(event.type)) {
        callback.current();
      }
    };
    EVENT_TYPES.forEach((type) => source.addEventListener(type, handle as EventListener));
    source.addEventListener('ready', () => setConnection('live'));
    return () => source.close();
  }, []);

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
              <span className="event-summary">{event.summary}</span>
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
