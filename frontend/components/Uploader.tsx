'use client';
// Drag-and-drop (or pick) several files; each goes up on its own request with its own progress bar, so one bad
// file never hides the others' outcomes. What an answer means is the caller's (describe).
import { useId, useRef, useState, type DragEvent } from 'react';
import { upload, type UploadResult } from '@/lib/api';
import { formatBytes } from '@/lib/format/units.mjs';

export type Outcome = { tone: 'good' | 'warn' | 'bad'; text: string; link?: { href: string; label: string } };

type Item = { key: number; file: File; progress: number; outcome: Outcome | null };

type Props = {
  url: string;
  accept: string;
  hint: string;
  /** Turns one response into what the rider reads. */
  describe: (result: UploadResult, file: File) => Outcome;
  onUploaded?: () => void;
};

let nextKey = 0;

export default function Uploader({ url, accept, hint, describe, onUploaded }: Props) {
  const [items, setItems] = useState<Item[]>([]);
  const [over, setOver] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  const inputId = useId();

  const update = (key: number, change: Partial<Item>) =>
    setItems((current) => current.map((item) => (item.key === key ? { ...item, ...change } : item)));

  async function start(files: File[]) {
    const added = files.map((file) => ({ key: nextKey++, file, progress: 0, outcome: null }));
    setItems((current) => [...added, ...current]);
    // Two at a time: fast enough, and the server is not flooded by a folder of 200 files.
    const queue = [...added];
    const worker = async () => {
      for (let item = queue.shift(); item; item = queue.shift()) {
        const { key, file } = item;
        try {
          const result = await upload(url, file, (progress) => update(key, { progress }));
          update(key, { progress: 1, outcome: describe(result, file) });
        } catch (error) {
          update(key, { outcome: { tone: 'bad', text: (error as Error).message } });
        }
      }
    };
    await Promise.all([worker(), worker()]);
    onUploaded?.();
  }

  function drop(event: DragEvent<HTMLDivElement>) {
    event.preventDefault();
    setOver(false);
    const files = Array.from(event.dataTransfer.files);
    if (files.length > 0) void start(files);
  }

  return (
    <div className="uploader">
      <div
        className={over ? 'drop-zone over' : 'drop-zone'}
        data-testid="drop-zone"
        onDragOver={(event) => {
          event.preventDefault();
          setOver(true);
        }}
        onDragLeave={() => setOver(false)}
        onDrop={drop}
      >
        <p className="drop-title">Drop files here</p>
        <p className="muted">{hint}</p>
        <input
          ref={input}
          id={inputId}
          className="visually-hidden"
          type="file"
          multiple
          accept={accept}
          onChange={(event) => {
            const files = Array.from(event.currentTarget.files ?? []);
            event.currentTarget.value = '';
            if (files.length > 0) void start(files);
          }}
        />
        {/* After the (visually hidden, still focusable) input, so its focus ring can show on the label. */}
        <label htmlFor={inputId} className="button secondary">
          Choose files…
        </label>
      </div>
      {items.length > 0 && (
        <ul className="upload-list" aria-label="Uploads" aria-live="polite">
          {items.map((item) => (
            <li key={item.key} className={`upload upload-${item.outcome?.tone ?? 'busy'}`} data-testid="upload" data-file={item.file.name}>
              <div className="upload-head">
                <span className="upload-name">{item.file.name}</span>
                <span className="muted">{formatBytes(item.file.size)}</span>
              </div>
              <progress max={1} value={item.progress} aria-label={`Upload of ${item.file.name}`} />
              <p className="upload-outcome" data-testid="upload-outcome">
                {item.outcome ? (
                  <>
                    {item.outcome.text}
                    {item.outcome.link && (
                      <>
                        {' '}
                        <a href={item.outcome.link.href}>{item.outcome.link.label}</a>
                      </>
                    )}
                  </>
                ) : item.progress < 1 ? (
                  `Uploading… ${Math.round(item.progress * 100)} %`
                ) : (
                  'Processing…'
                )}
              </p>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** The ProblemDetails detail (or title) of an error answer, for the outcome line. */
export function problemText(result: UploadResult): string {
  const body = (result.body ?? {}) as { detail?: string; title?: string; errors?: Record<string, string[]> };
  const fieldErrors = body.errors ? Object.values(body.errors).flat().join(' ') : '';
  return body.detail ?? (fieldErrors || body.title) ?? `Failed (HTTP ${result.status}).`;
}
