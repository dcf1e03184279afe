'use client';
// What the rider acts on around the server-rendered plan: Generate… (the panel, also opened from the empty calendar),
// Undo, the message either leaves, and the live refresh. The page's facts are server children; a change or an event
// reads the page again on the server (router.refresh), which keeps this state.
import { useRouter } from 'next/navigation';
import { createContext, useCallback, useContext, useState, useTransition } from 'react';
import { ApiError } from '@/lib/api';
import { undoPlan, type PlanVersion } from '@/lib/api/plan';
import { useEventListener } from '@/lib/client/events';
import GeneratePlanForm from './GeneratePlanForm';

type Message = { text: string; bad?: boolean } | null;
type Controls = {
  hasPlan: boolean;
  showGenerate: boolean;
  setShowGenerate: (update: (shown: boolean) => boolean) => void;
  message: Message;
  setMessage: (message: Message) => void;
  refresh: () => void;
};

const PlanControlsContext = createContext<Controls | null>(null);
const usePlanControls = () => {
  const controls = useContext(PlanControlsContext);
  if (!controls) throw new Error('Plan controls outside <PlanControls>');
  return controls;
};

/** Reads the plan page again on the server (after a decision, an undo, a new version, a ride imported or deleted). */
export function usePlanRefresh() {
  const router = useRouter();
  const [, startTransition] = useTransition();
  return useCallback(() => startTransition(() => router.refresh()), [router]);
}

export default function PlanControls({ hasPlan, children }: { hasPlan: boolean; children: React.ReactNode }) {
  const [showGenerate, setShowGenerate] = useState(false);
  const [message, setMessage] = useState<Message>(null);
  const refresh = usePlanRefresh();
  useEventListener(['plan-version-created', 'workout-imported', 'workout-deleted'], refresh);
  return (
    <PlanControlsContext.Provider value={{ hasPlan, showGenerate, setShowGenerate, message, setMessage, refresh }}>{children}</PlanControlsContext.Provider>
  );
}

/** The heading's buttons: Generate… and, once the plan has an older version, Undo last change. */
export function PlanActions({ version }: { version: number | null }) {
  const { hasPlan, showGenerate, setShowGenerate, setMessage, refresh } = usePlanControls();
  const [undoing, setUndoing] = useState(false);

  async function undo() {
    setUndoing(true);
    setMessage(null);
    try {
      const undone = await undoPlan();
      setMessage({ text: `Undone: v${undone.version} is the plan before the last change.` });
      refresh();
    } catch (error) {
      setMessage({ text: error instanceof ApiError && error.status === 409 ? (error.problem?.detail ?? 'Nothing to undo.') : `Could not undo: ${(error as Error).message}`, bad: true });
    } finally {
      setUndoing(false);
    }
  }

  return (
    <div className="actions">
      <button type="button" onClick={() => setShowGenerate((v) => !v)} aria-expanded={showGenerate} aria-controls="generate-panel">
        {hasPlan ? 'Generate…' : 'Generate plan…'}
      </button>
      {version !== null && version > 1 && (
        <button type="button" className="secondary" onClick={undo} disabled={undoing}>
          {undoing ? 'Undoing…' : 'Undo last change'}
        </button>
      )}
    </div>
  );
}

/** What the last action said, and the generate panel when open. */
export function PlanMessageAndPanel() {
  const { hasPlan, showGenerate, setShowGenerate, message, setMessage, refresh } = usePlanControls();

  function generated(version: PlanVersion) {
    setShowGenerate(() => false);
    setMessage({ text: `Plan v${version.version} generated${version.repairs.length ? ` (${version.repairs.length} repairs to keep the rules)` : ''}.` });
    refresh();
  }

  return (
    <>
      {message && (
        <p className={message.bad ? 'field-error' : 'success'} role={message.bad ? 'alert' : 'status'} data-testid="plan-message">
          {message.text}
        </p>
      )}
      {showGenerate && (
        <section className="card" id="generate-panel" aria-labelledby="generate-heading">
          <h2 id="generate-heading">Generate a plan</h2>
          <p className="muted hint">From your active rules, your thresholds and current fitness. It becomes the current version; the old one stays in the history.</p>
          <GeneratePlanForm onGenerated={generated} hasPlan={hasPlan} />
        </section>
      )}
    </>
  );
}

/** The empty calendar's "Generate plan…": opens the same panel. */
export function OpenGenerate() {
  const { setShowGenerate } = usePlanControls();
  return (
    <button type="button" className="secondary small" onClick={() => setShowGenerate(() => true)}>
      Generate plan…
    </button>
  );
}
