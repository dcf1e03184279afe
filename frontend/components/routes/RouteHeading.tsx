'use client';
// A route's name with Rename (the page is read again on the server after it), Download GPX and Delete.
import { useRouter } from 'next/navigation';
import { useState, type FormEvent } from 'react';
import { ApiError, deleteRoute, renameRoute } from '@/lib/api';
import type { RouteDetail as Route } from '@/lib/api/types';
import { formatDate, type DateZone } from '@/lib/format/format';

type Props = { route: Pick<Route, 'id' | 'name' | 'createdAt' | 'analyzedAt' | 'pointCount' | 'links'>; zone: DateZone };

export default function RouteHeading({ route, zone }: Props) {
  const router = useRouter();
  const [editing, setEditing] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const [name, setName] = useState(route.name);

  async function rename(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const name = String(new FormData(event.currentTarget).get('name') ?? '').trim();
    try {
      setName((await renameRoute(route.id, name)).name);
      router.refresh(); // the rest of the page (the map's label) reads the new name
      setEditing(false);
      setMessage(null);
    } catch (error) {
      setMessage(error instanceof ApiError ? (error.problem?.errors?.name?.join(' ') ?? error.message) : (error as Error).message);
    }
  }

  async function remove() {
    if (!window.confirm(`Delete the route “${name}” and its GPX file?`)) return;
    try {
      await deleteRoute(route.id);
      router.push('/routes');
    } catch (error) {
      setMessage(`Could not delete: ${(error as Error).message}`);
    }
  }

  return (
    <>
      <div className="page-heading">
        {editing ? (
          <form className="rename" onSubmit={rename} aria-label="Rename route">
            <label htmlFor="route-name" className="visually-hidden">
              Route name
            </label>
            <input id="route-name" name="name" defaultValue={name} autoFocus maxLength={200} />
            <button type="submit">Save</button>
            <button type="button" className="secondary" onClick={() => setEditing(false)}>
              Cancel
            </button>
          </form>
        ) : (
          <div>
            <h1>{name}</h1>
            <p className="muted">
              Added {formatDate(route.createdAt, zone)} · {route.pointCount.toLocaleString('en')} points · analysed {formatDate(route.analyzedAt, zone)}
            </p>
          </div>
        )}
        <div className="actions">
          {!editing && (
            <button type="button" className="secondary" onClick={() => setEditing(true)}>
              Rename
            </button>
          )}
          <a className="button secondary" href={route.links.gpx} download>
            Download GPX
          </a>
          <button type="button" className="danger" onClick={remove}>
            Delete
          </button>
        </div>
      </div>
      {message && (
        <p className="field-error" role="alert">
          {message}
        </p>
      )}
    </>
  );
}
