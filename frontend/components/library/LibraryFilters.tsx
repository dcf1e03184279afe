'use client';
// The library's filter: a real GET form on /library (`?type=…&length=…`), so it works before the page's scripts run
// (Show reloads the page with the query, the server lists what it asks). Once hydrated, a change replaces the address
// without a full reload and the server renders the list again. A choice made before hydration and not yet shown is
// applied as soon as the page hydrates: it is never lost.
import { useRouter } from 'next/navigation';
import { useEffect, useRef, useTransition } from 'react';
import { CATEGORIES, LENGTHS, label, libraryHref } from '@/lib/workouts/workout-library.mjs';

type Filter = { type: string; length: string };

const chosen = (form: HTMLFormElement): Filter => {
  const data = new FormData(form);
  return { type: String(data.get('type') ?? ''), length: String(data.get('length') ?? 'any') };
};

/** The form's fields sit in its card's row (`display: contents`), beside the count the page streams in. */
export default function LibraryFilters({ type, length }: Filter) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const form = useRef<HTMLFormElement>(null);
  const hydrated = useRef(false);

  const show = (filter: Filter) => startTransition(() => router.replace(libraryHref(filter), { scroll: false }));

  useEffect(() => {
    const element = form.current!;
    const picked = chosen(element);
    if (!hydrated.current) {
      hydrated.current = true;
      // Picked before hydration (the selects are the browser's own until then): show that, not the address's.
      if (picked.type !== type || picked.length !== length) show(picked);
      return;
    }
    // The address changed (back, forward, or the list of a pick arrived): the selects say what the list shows.
    (element.elements.namedItem('type') as HTMLSelectElement).value = type;
    (element.elements.namedItem('length') as HTMLSelectElement).value = length;
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [type, length]);

  return (
    <form
      ref={form}
      className="library-filter-form"
      method="get"
      action="/library"
      aria-busy={pending}
      onChange={(e) => show(chosen(e.currentTarget))}
      onSubmit={(e) => {
        e.preventDefault();
        show(chosen(e.currentTarget));
      }}
    >
      <label>
        Type
        <select name="type" defaultValue={type} data-testid="library-type">
          <option value="">All types</option>
          {CATEGORIES.map((c) => (
            <option key={c} value={c}>
              {label(c)}
            </option>
          ))}
        </select>
      </label>
      <label>
        Length
        <select name="length" defaultValue={length} data-testid="library-length">
          {LENGTHS.map((l) => (
            <option key={l.key} value={l.key}>
              {l.label}
            </option>
          ))}
        </select>
      </label>
      <button type="submit" className="secondary small" data-testid="library-show">
        Show
      </button>
    </form>
  );
}
