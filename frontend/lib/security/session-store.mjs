// The server's list of live sessions: a session is valid only while its id is here, so signing out ends it for good
// (a copied cookie included). Kept in memory and, when SESSION_STORE names a file (the AppHost and compose set one),
// in that file (mode 0600), with the secret sessions are signed with, so sign-ins survive a restart.
// Plain ESM so `node --test` checks it without a build.
import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

const SLOT = Symbol.for('cyclingcoach.web.session-store');
const MAX_SESSIONS = 100;

/**
 * @param {string | null} file
 * @param {{ now?: () => number }} [options]
 */
export function createSessionStore(file, { now = Date.now } = {}) {
  /** @type {{ secret: string, sessions: Record<string, number> }} */
  let state = { secret: randomBytes(32).toString('base64url'), sessions: {} };
  if (file) {
    try {
      const saved = JSON.parse(readFileSync(file, 'utf8'));
      if (typeof saved?.secret === 'string' && saved.secret.length >= 32 && saved.sessions && typeof saved.sessions === 'object') {
        state = saved;
      }
    } catch {
      // none yet (or unreadable): start afresh; every earlier session ends
    }
  }

  const save = () => {
    if (!file) return;
    mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
    const temp = `${file}.${process.pid}.tmp`;
    writeFileSync(temp, JSON.stringify(state), { mode: 0o600 });
    renameSync(temp, file);
  };

  return {
    /** The secret sessions are signed with when SESSION_SECRET is not set. */
    get secret() {
      return state.secret;
    },
    /** @param {string} id @param {number} expiresAt epoch ms */
    add(id, expiresAt) {
      const t = now();
      const live = Object.entries(state.sessions).filter(([, ends]) => ends > t).sort((a, b) => b[1] - a[1]).slice(0, MAX_SESSIONS - 1);
      state = { ...state, sessions: { ...Object.fromEntries(live), [id]: expiresAt } };
      save();
    },
    /** @param {string} id */
    has(id) {
      const ends = state.sessions[id];
      return typeof ends === 'number' && ends > now();
    },
    /** @param {string} id */
    remove(id) {
      if (!(id in state.sessions)) return;
      const { [id]: _, ...rest } = state.sessions;
      state = { ...state, sessions: rest };
      save();
    },
  };
}

/** The process's one store (on globalThis: proxy.ts and the route handlers are separate bundles of one process). */
export function sessionStore(env = process.env) {
  const slot = /** @type {Record<symbol, ReturnType<typeof createSessionStore> | undefined>} */ (/** @type {unknown} */ (globalThis));
  slot[SLOT] ??= createSessionStore(env.SESSION_STORE?.trim() || null);
  return /** @type {ReturnType<typeof createSessionStore>} */ (slot[SLOT]);
}
