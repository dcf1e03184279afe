'use client';
// One EventSource for the whole app (GET /api/events, SSE through the Next proxy): the header shows its state, the
// dashboard lists the events, pages subscribe to the types they refresh on.
import { createContext, useCallback, useContext, useEffect, useRef, useState } from 'react';
import eventNames from '../api/events.json';

// Event names the gateway relays from the bus (kebab-case of the message type), from the one list the gateway's tests
// check (lib/api/events.json); it also sends `ready` once and a `ping` every 20 s, which only keep the stream open
// and are not shown.
export const EVENT_TYPES: readonly string[] = eventNames.stream.relayed;
const KEEP = 20;

export type LiveEvent = { id: number; type: string; receivedAt: Date; data: string };
export type Connection = 'connecting' | 'live' | 'reconnecting' | 'closed';
type Listener = (event: LiveEvent) => void;
type Events = { connection: Connection; events: LiveEvent[]; subscribe: (listener: Listener) => () => void };

const EventsContext = createContext<Events>({ connection: 'connecting', events: [], subscribe: () => () => {} });

export function EventsProvider({ children }: { children: React.ReactNode }) {
  const [events, setEvents] = useState<LiveEvent[]>([]);
  const [connection, setConnection] = useState<Connection>('connecting');
  const listeners = useRef(new Set<Listener>());

  useEffect(() => {
    let nextId = 0;
    const source = new EventSource('/api/events');
    source.onopen = () => setConnection('live');
    source.onerror = () => setConnection(source.readyState === EventSource.CLOSED ? 'closed' : 'reconnecting');
    const handle = (message: MessageEvent<string>) => {
      const event = { id: nextId++, type: message.type, receivedAt: new Date(), data: message.data };
      setEvents((current) => [event, ...current].slice(0, KEEP));
      listeners.current.forEach((listener) => listener(event));
    };
    EVENT_TYPES.forEach((type) => source.addEventListener(type, handle as EventListener));
    source.addEventListener('ready', () => setConnection('live'));
    return () => source.close();
  }, []);

  const subscribe = useCallback((listener: Listener) => {
    listeners.current.add(listener);
    return () => void listeners.current.delete(listener);
  }, []);

  return <EventsContext.Provider value={{ connection, events, subscribe }}>{children}</EventsContext.Provider>;
}

export const useEvents = () => useContext(EventsContext);

/** Calls `onEvent` for every live event whose type is in `types` (the latest callback, without resubscribing). */
export function useEventListener(types: string[], onEvent: (event: LiveEvent) => void) {
  const { subscribe } = useEvents();
  const callback = useRef(onEvent);
  useEffect(() => {
    callback.current = onEvent;
  }, [onEvent]);
  const key = types.join(',');
  useEffect(() => {
    const wanted = new Set(key.split(','));
    return subscribe((event) => {
      if (wanted.has(event.type)) callback.current(event);
    });
  }, [key, subscribe]);
}
