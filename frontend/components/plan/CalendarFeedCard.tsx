'use client';

import { useState } from 'react';
import { createCalendarFeed, publicCalendarUrl, revokeCalendarFeed } from '@/lib/api/plan';
import { ApiError } from '@/lib/api';

/** The plan as an iCal subscription: a secret URL (shown once, a new one stops the old), or off. */
export default function CalendarFeedCard() {
  const [url, setUrl] = useState<string | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function create() {
    if (url === null || window.confirm('A new link stops the current one from working. Make a new link?')) {
      setBusy(true);
      setMessage(null);
      try {
        const feed = await createCalendarFeed();
        setUrl(publicCalendarUrl(feed.url, window.location.origin));
      } catch (error) {
        setMessage(`Could not create the link: ${(error as Error).message}`);
      } finally {
        setBusy(false);
      }
    }
  }

  async function revoke() {
    setBusy(true);
    try {
      await revokeCalendarFeed();
      setUrl(null);
      setMessage('The calendar link is off.');
    } catch (error) {
      setMessage(error instanceof ApiError && error.status === 404 ? 'There was no calendar link.' : `Could not turn it off: ${(error as Error).message}`);
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="card" aria-labelledby="ical-heading" data-testid="ical-card">
      <h2 id="ical-heading">Calendar (iCal)</h2>
      <p className="muted hint">Subscribe in a calendar app to see the planned sessions. The link is secret: anyone who has it can read your plan.</p>
      {url && (
        <div className="ical-url">
          <label htmlFor="ical-url">Your calendar link</label>
          <input id="ical-url" readOnly value={url} onFocus={(e) => e.currentTarget.select()} data-testid="ical-url" />
          <div className="actions">
            <button type="button" className="secondary small" onClick={() => void navigator.clipboard?.writeText(url)}>
              Copy
            </button>
          </div>
        </div>
      )}
      <div className="actions">
        <button type="button" className="secondary" onClick={create} disabled={busy}>
          {url ? 'New link' : 'Create calendar link'}
        </button>
        <button type="button" className="danger" onClick={revoke} disabled={busy}>
          Turn off
        </button>
      </div>
      {message && <p className="muted" role="status">{message}</p>}
    </section>
  );
}
