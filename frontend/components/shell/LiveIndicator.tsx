'use client';

import { useEvents, type Connection } from '@/lib/client/events';

const LABELS: Record<Connection, string> = {
  connecting: 'Connecting…',
  live: 'Live',
  reconnecting: 'Reconnecting…',
  closed: 'Offline',
};

/** The live-event stream's state, in the header. */
export default function LiveIndicator() {
  const { connection } = useEvents();
  return (
    <span className={`pill live-${connection}`} data-testid="live-indicator" title="Live updates (server-sent events)">
      <span className="dot" aria-hidden="true" />
      {LABELS[connection]}
    </span>
  );
}
