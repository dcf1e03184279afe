// The Prompts page's data shaping: prompt versions grouped per action and model, the placeholder check the
// server does (services/Coaching/Ai/PromptRenderer.cs: {{name}}, lower case), and the AI call log's numbers.
// Pure, plain ESM (node --test runs it unbuilt).

/** The actions in the order the coach uses them (services/Coaching/Ai/AiContracts.cs, AiAction). */
export const ACTIONS = ['rule_parsing', 'plan_generation', 'workout_analysis', 'plan_evolution', 'chat'];

export const ACTION_LABELS = /** @type {Record<string, string>} */ ({
  rule_parsing: 'Rule parsing',
  plan_generation: 'Plan generation',
  workout_analysis: 'Ride analysis',
  plan_evolution: 'Plan evolution',
  chat: 'Chat',
});

const PLACEHOLDER = /\{\{([a-z][a-z0-9_]*)\}\}/g;

/** The distinct placeholder names in a template, in order of first use. @param {string} template */
export function placeholdersIn(template) {
  return [...new Set([...(template ?? '').matchAll(PLACEHOLDER)].map((m) => m[1]))];
}

/** Placeholders the action does not know (the server refuses the template with these). @param {string} template @param {string[]} allowed */
export function unknownPlaceholders(template, allowed) {
  return placeholdersIn(template).filter((name) => !allowed.includes(name));
}

/** Allowed placeholders the template does not use (allowed, but the model will not see that data). @param {string} template @param {string[]} allowed */
export function unusedPlaceholders(template, allowed) {
  const used = placeholdersIn(template);
  return allowed.filter((name) => !used.includes(name));
}

/**
 * Prompt versions per action, then per model ("default" first), newest version first.
 * @template {{ action: string, model: string, version: number }} P
 * @param {P[]} prompts @returns {Map<string, Map<string, P[]>>}
 */
export function groupPrompts(prompts) {
  /** @type {Map<string, Map<string, P[]>>} */
  const byAction = new Map();
  const actions = [...ACTIONS, ...new Set(prompts.map((p) => p.action).filter((a) => !ACTIONS.includes(a)))];
  for (const action of actions) {
    const mine = prompts.filter((p) => p.action === action);
    const models = [...new Set(mine.map((p) => p.model))].sort((a, b) => (a === 'default' ? -1 : b === 'default' ? 1 : a.localeCompare(b)));
    byAction.set(action, new Map(models.map((m) => [m, mine.filter((p) => p.model === m).sort((a, b) => b.version - a.version)])));
  }
  return byAction;
}

/** Inserts `{{name}}` at the cursor (replacing a selection). @param {string} text @param {number} start @param {number} end @param {string} name */
export function insertPlaceholder(text, start, end, name) {
  const token = `{{${name}}}`;
  return { text: text.slice(0, start) + token + text.slice(end), cursor: start + token.length };
}

/** US dollars as OpenRouter reports them: small costs keep their digits. @param {number | null | undefined} cost */
export function formatCost(cost) {
  if (cost == null) return '—';
  if (cost === 0) return '$0';
  return cost < 0.01 ? `$${cost.toPrecision(2)}` : `$${cost.toFixed(2)}`;
}

/** @param {number} ms */
export function formatLatency(ms) {
  return ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(1)} s`;
}

/** @param {number | null | undefined} input @param {number | null | undefined} output */
export function formatTokens(input, output) {
  if (input == null && output == null) return '—';
  return `${input ?? '?'} → ${output ?? '?'}`;
}

/** Calls that failed (anything but success and repaired). @param {string} outcome */
export function isFailure(outcome) {
  return outcome !== 'success' && outcome !== 'repaired';
}

/**
 * The tab a key moves to in a tab list (WAI-ARIA tabs: Left/Right wrap around, Home first, End last), or null for
 * any other key. @param {string} key @param {number} index the focused tab @param {number} count
 */
export function tabKeyTarget(key, index, count) {
  if (count === 0) return null;
  switch (key) {
    case 'ArrowRight':
      return (index + 1) % count;
    case 'ArrowLeft':
      return (index - 1 + count) % count;
    case 'Home':
      return 0;
    case 'End':
      return count - 1;
    default:
      return null;
  }
}
