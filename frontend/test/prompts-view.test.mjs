import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { formatCost, formatLatency, groupPrompts, insertPlaceholder, placeholdersIn, tabKeyTarget, unknownPlaceholders, unusedPlaceholders } from '../lib/coach/prompts-view.mjs';

describe('placeholders', () => {
  const allowed = ['rules_text', 'today'];
  const template = 'Today is {{today}}. Rules: {{rules_text}}. Again {{today}}, {{Plan_json}} and {{ plan_json }} and {{plan_json}}.';
  it('finds {{name}} placeholders as the server does: lower-case names, no spaces', () => {
    assert.deepEqual(placeholdersIn(template), ['today', 'rules_text', 'plan_json']);
  });
  it('names the ones the action does not allow, and the allowed ones not used', () => {
    assert.deepEqual(unknownPlaceholders(template, allowed), ['plan_json']);
    assert.deepEqual(unusedPlaceholders('Only {{today}}', allowed), ['rules_text']);
  });
  it('inserts a placeholder at the cursor, replacing the selection', () => {
    assert.deepEqual(insertPlaceholder('Hello world', 6, 11, 'today'), { text: 'Hello {{today}}', cursor: 15 });
  });
});

describe('groupPrompts', () => {
  it('groups per action in the coach order, default model first, newest version first', () => {
    const p = (action, model, version) => ({ action, model, version });
    const groups = groupPrompts([p('chat', 'default', 1), p('rule_parsing', 'openai/gpt-4o', 1), p('rule_parsing', 'default', 1), p('rule_parsing', 'default', 2)]);
    assert.deepEqual([...groups.keys()], ['rule_parsing', 'plan_generation', 'workout_analysis', 'plan_evolution', 'chat']);
    const rules = groups.get('rule_parsing');
    assert.deepEqual([...rules.keys()], ['default', 'openai/gpt-4o']);
    assert.deepEqual(rules.get('default').map((x) => x.version), [2, 1]);
    assert.equal(groups.get('plan_generation').size, 0);
  });
});

describe('AI call numbers', () => {
  it('keeps the digits of small costs and shows latency in ms or s', () => {
    assert.equal(formatCost(0.000123), '$0.00012');
    assert.equal(formatCost(1.5), '$1.50');
    assert.equal(formatCost(null), '—');
    assert.equal(formatLatency(850.4), '850 ms');
    assert.equal(formatLatency(12_340), '12.3 s');
  });
});

describe('tabKeyTarget', () => {
  it('moves with the arrows, wrapping at both ends', () => {
    assert.equal(tabKeyTarget('ArrowRight', 0, 5), 1);
    assert.equal(tabKeyTarget('ArrowRight', 4, 5), 0);
    assert.equal(tabKeyTarget('ArrowLeft', 0, 5), 4);
    assert.equal(tabKeyTarget('ArrowLeft', 3, 5), 2);
  });
  it('jumps to the first and last tab with Home and End, and ignores other keys', () => {
    assert.equal(tabKeyTarget('Home', 3, 5), 0);
    assert.equal(tabKeyTarget('End', 1, 5), 4);
    assert.equal(tabKeyTarget('ArrowDown', 1, 5), null);
    assert.equal(tabKeyTarget('Enter', 1, 5), null);
    assert.equal(tabKeyTarget('ArrowRight', 0, 0), null);
  });
});
