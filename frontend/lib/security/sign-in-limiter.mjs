// Wrong API keys at sign-in, counted per client and overall in fixed windows (the gateway counts the same way for
// direct API callers). Plain ESM so `node --test` checks it without a build.

/**
 * @typedef {{ maxPerClient: number, maxTotal: number, windowMs: number, maxClients?: number, now?: () => number }} LimiterOptions
 * @typedef {{ ends: number, failures: number }} Window
 */

/** Settings from the environment: Auth__MaxFailedAttempts (10 per client), Auth__MaxFailedAttemptsTotal (100 from all
 * clients together) and Auth__FailureWindowSeconds (300), the names the gateway reads too.
 * @param {Record<string, string | undefined>} [env] */
export function limiterOptions(env = process.env) {
  const number = (/** @type {string | undefined} */ value, /** @type {number} */ fallback) => {
    const n = Number(value);
    return Number.isFinite(n) && n > 0 ? n : fallback;
  };
  return {
    maxPerClient: number(env.Auth__MaxFailedAttempts, 10),
    maxTotal: number(env.Auth__MaxFailedAttemptsTotal, 100),
    windowMs: number(env.Auth__FailureWindowSeconds, 300) * 1000,
  };
}

/**
 * Each sign-in attempt is counted when it starts (so parallel guesses cannot all slip in before the first is
 * judged) and forgiven when the key was right. A locked client, or everyone once the overall cap is reached, is
 * refused whatever key it sends until its window ends, so a lockout answers nothing about a guess. At most
 * `maxClients` clients are tracked; beyond that they share one window.
 * @param {LimiterOptions} options
 */
export function createSignInLimiter({ maxPerClient, maxTotal, windowMs, maxClients = 10_000, now = Date.now }) {
  /** @type {Map<string, Window>} */
  const clients = new Map();
  /** @type {Window} */
  let total = { ends: 0, failures: 0 };
  const OVERFLOW = '(clients beyond the table)';

  /** @param {Window | undefined} window @param {number} t */
  const live = (window, t) => (window && t < window.ends ? window : { ends: t + windowMs, failures: 0 });
  /** @param {string} client @param {number} t */
  const bucket = (client, t) => {
    if (clients.has(client) || clients.size < maxClients) return client;
    for (const [key, window] of clients) if (t >= window.ends) clients.delete(key);
    return clients.size < maxClients ? client : OVERFLOW;
  };

  return {
    /**
     * Counts an attempt; `{ allowed: false, retryAfterSeconds }` when the client or everyone is locked.
     * @param {string} client
     */
    begin(client) {
      const t = now();
      const key = bucket(client, t);
      const own = live(clients.get(key), t);
      total = live(total, t);
      const locked = own.failures >= maxPerClient ? own : total.failures >= maxTotal ? total : null;
      if (locked) {
        return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((locked.ends - t) / 1000)) };
      }
      own.failures++;
      total.failures++;
      clients.set(key, own);
      return { allowed: true, retryAfterSeconds: 0 };
    },
    /** The key was right: this attempt is not a failure. @param {string} client */
    succeeded(client) {
      const key = clients.has(client) ? client : OVERFLOW;
      const own = clients.get(key);
      if (own && own.failures > 0) own.failures--;
      if (total.failures > 0) total.failures--;
    },
  };
}

const SLOT = Symbol.for('cyclingcoach.web.sign-in-limiter');

/** The process's one limiter (on globalThis: every server bundle of the process shares it). */
export function signInLimiter() {
  const slot = /** @type {Record<symbol, ReturnType<typeof createSignInLimiter> | undefined>} */ (/** @type {unknown} */ (globalThis));
  slot[SLOT] ??= createSignInLimiter(limiterOptions());
  return /** @type {ReturnType<typeof createSignInLimiter>} */ (slot[SLOT]);
}
