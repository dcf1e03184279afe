// The fake gateway (e2e/) must answer in the services' shapes: every body it serves is checked against the schema
// of that operation's 200 response in the committed OpenAPI snapshot (required properties present, no unknown
// ones, types as declared). So the e2e tests cannot pass on bodies the real services would never send.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { chatProposal, planVersionSummaries } from '../e2e/fake-coach.mjs';
import { startFakeGateway } from '../e2e/fake-gateway.mjs';
import { numbersAsNumbers } from '../scripts/gen-api.mjs';

const root = resolve(import.meta.dirname, '..');
// Numbers as the generated types read them (the services write JSON numbers, never strings).
const load = async (service) => numbersAsNumbers(JSON.parse(await readFile(join(root, 'openapi', `${service}.json`), 'utf8')));

/** Problems with `value` against `schema` (a small subset of JSON Schema: what these documents use). */
export function check(schema, value, doc, path = '$') {
  if (schema.$ref) return check(doc.components.schemas[schema.$ref.split('/').pop()], value, doc, path);
  if (schema.oneOf || schema.anyOf) {
    const options = schema.oneOf ?? schema.anyOf;
    return options.some((o) => check(o, value, doc, path).length === 0) ? [] : [`${path}: matches none of ${options.length} options`];
  }
  const types = [schema.type ?? []].flat();
  if (value === null) return types.length === 0 || types.includes('null') ? [] : [`${path}: null not allowed`];
  if (types.length === 0) return [];
  const kind = Array.isArray(value) ? 'array' : Number.isInteger(value) ? 'integer' : typeof value;
  const allowed = types.some((t) => t === kind || (t === 'number' && kind === 'integer') || (t === 'string' && kind === 'string'));
  if (!allowed) return [`${path}: ${kind} where ${types.join('|')} expected`];
  if (schema.enum && !schema.enum.includes(value)) return [`${path}: ${JSON.stringify(value)} not in ${schema.enum.join(', ')}`];
  if (kind === 'array') return schema.items ? value.slice(0, 50).flatMap((v, i) => check(schema.items, v, doc, `${path}[${i}]`)) : [];
  if (kind === 'object' && schema.properties) {
    const problems = (schema.required ?? []).filter((k) => !(k in value)).map((k) => `${path}.${k}: missing`);
    for (const [k, v] of Object.entries(value)) {
      problems.push(...(schema.properties[k] ? check(schema.properties[k], v, doc, `${path}.${k}`) : schema.additionalProperties ? [] : [`${path}.${k}: not in the schema`]));
    }
    return problems;
  }
  if (kind === 'object' && schema.additionalProperties && typeof schema.additionalProperties === 'object') {
    return Object.entries(value).flatMap(([k, v]) => check(schema.additionalProperties, v, doc, `${path}.${k}`));
  }
  return [];
}

const responseSchema = (doc, path, method = 'get') => doc.paths[path][method].responses['200'].content['application/json'].schema;

describe('fake gateway bodies match the OpenAPI documents', () => {
  let gateway;
  let sync;
  let routes;
  let coaching;
  const get = async (path) => {
    const response = await fetch(`${gateway.url}${path}`, { headers: { 'x-api-key': 'k' } });
    assert.equal(response.status, 200, path);
    return response.json();
  };

  before(async () => {
    gateway = await startFakeGateway({ apiKey: 'k' });
    sync = await load('sync');
    routes = await load('routes');
    coaching = await load('coaching');
  });
  after(() => gateway?.close());

  it('the checker itself catches a missing, an unknown and a mistyped property', () => {
    const doc = { components: { schemas: {} } };
    const schema = { type: 'object', required: ['a'], properties: { a: { type: 'number' }, b: { type: ['null', 'string'] } } };
    assert.deepEqual(check(schema, { a: 1, b: null }, doc), []);
    assert.deepEqual(check(schema, { b: 'x' }, doc), ['$.a: missing']);
    assert.deepEqual(check(schema, { a: 1, c: 2 }, doc), ['$.c: not in the schema']);
    assert.deepEqual(check(schema, { a: '1' }, doc), ['$.a: string where number expected']);
  });

  it('workouts: list, one ride and its streams', async () => {
    const list = await get('/api/workouts?pageSize=10');
    assert.deepEqual(check(responseSchema(sync, '/api/workouts'), list, sync), []);
    const ride = list.items.find((w) => w.hasStreams);
    assert.deepEqual(check(responseSchema(sync, '/api/workouts/{id}'), await get(`/api/workouts/${ride.id}`), sync), []);
    assert.deepEqual(check(responseSchema(sync, '/api/workouts/{id}/streams'), await get(`/api/workouts/${ride.id}/streams`), sync), []);
  });

  it('sync runs, Garmin and intervals.icu', async () => {
    assert.deepEqual(check(responseSchema(sync, '/api/sync/runs/latest'), await get('/api/sync/runs/latest'), sync), []);
    assert.deepEqual(check(responseSchema(sync, '/api/sync/garmin'), await get('/api/sync/garmin'), sync), []);
    assert.deepEqual(check(responseSchema(sync, '/api/sync/intervals'), await get('/api/sync/intervals'), sync), []);
  });

  it('routes: list and one route', async () => {
    const list = await get('/api/routes');
    assert.deepEqual(check(responseSchema(routes, '/api/routes'), list, routes), []);
    assert.deepEqual(check(responseSchema(routes, '/api/routes/{id}'), await get(`/api/routes/${list.items[0].id}`), routes), []);
  });

  it('coaching: fitness, the power curve, analyses and plan versions', async () => {
    const fitness = await get('/api/coach/fitness');
    assert.deepEqual(check(responseSchema(coaching, '/api/coach/fitness'), fitness, coaching), []);
    assert.ok(fitness.days.some((d) => d.ctl > 0), 'the seeded rides build fitness');
    const curve = await get('/api/coach/fitness/power-curve');
    assert.deepEqual(check(responseSchema(coaching, '/api/coach/fitness/power-curve'), curve, coaching), []);
    assert.ok(curve.windows.find((w) => w.name === 'allTime').points.length > 0);
    const ready = await get('/api/coach/analyses?status=ready');
    assert.deepEqual(ready.items.map((a) => a.type).sort(), ['readiness_adjustment', 'threshold_update', 'workout_review']);
    assert.deepEqual(check(responseSchema(coaching, '/api/coach/analyses'), ready, coaching), []);
    assert.deepEqual(check(responseSchema(coaching, '/api/coach/plans/versions'), await get('/api/coach/plans/versions'), coaching), []);
    const one = await get(`/api/coach/analyses/${ready.items[0].id}`);
    assert.deepEqual(check(responseSchema(coaching, '/api/coach/analyses/{id}'), one, coaching), []);
  });

  it('coaching: plan versions page past 50', async () => {
    gateway.coach.planVersions = planVersionSummaries(60);
    try {
      const second = await get('/api/coach/plans/versions?page=2&pageSize=50');
      assert.deepEqual(check(responseSchema(coaching, '/api/coach/plans/versions'), second, coaching), []);
      assert.equal(second.total, 60);
      assert.deepEqual(second.items.map((v) => v.version), [10, 9, 8, 7, 6, 5, 4, 3, 2, 1]); // newest first: 60…11 on page 1
    } finally {
      gateway.coach.planVersions = [];
    }
  });

  it('coaching: the week decided at once, and the plan version it makes', async () => {
    const gw = await startFakeGateway({ apiKey: 'k' });
    const call = async (path, method = 'GET', body) => {
      const response = await fetch(`${gw.url}${path}`, { method, headers: { 'x-api-key': 'k', 'content-type': 'application/json' }, body: body && JSON.stringify(body) });
      return { status: response.status, body: await response.json() };
    };
    try {
      const today = new Date().toISOString().slice(0, 10);
      const monday = new Date(Date.parse(today) - ((new Date(today).getUTCDay() + 6) % 7) * 86_400_000).toISOString().slice(0, 10);
      const path = `/api/coach/analyses/week/${monday}`;
      assert.equal((await call(`/api/coach/analyses/week/${today === monday ? '2026-12-08' : today}`)).status, 400, 'not a Monday');
      gw.coach.planVersions = planVersionSummaries(3);
      gw.coach.analyses.push(chatProposal(today, 'endurance', Date.now() + 1000)); // after the readiness adjustment asked the same
      const week = await call(path);
      assert.deepEqual(check(responseSchema(coaching, '/api/coach/analyses/week/{monday}'), week.body, coaching), []);
      const chat = week.body.items.find((i) => i.analysisType === 'chat_proposal');
      assert.match(chat.note, /already endurance/);
      assert.equal(week.body.items.find((i) => i.analysisType === 'threshold_update').inApproveAll, false);

      const approved = await call(`${path}/approve`, 'POST', {});
      assert.deepEqual(check(responseSchema(coaching, '/api/coach/analyses/week/{monday}/approve', 'post'), approved.body, coaching), []);
      assert.ok(approved.body.decided.some((d) => d.analysisId === '0199aaaa-0000-7000-8000-000000000002'), 'the readiness adjustment');
      assert.ok(approved.body.left.some((i) => i.analysisType === 'chat_proposal'));
      const version = await call(`/api/coach/plans/${approved.body.newPlanId}`);
      assert.deepEqual(check(responseSchema(coaching, '/api/coach/plans/{id}'), version.body, coaching), []);
      assert.equal(version.body.version, 4);

      const rejected = await call(`${path}/reject`, 'POST', { reason: 'Not this week' });
      assert.deepEqual(check(responseSchema(coaching, '/api/coach/analyses/week/{monday}/reject', 'post'), rejected.body, coaching), []);
      assert.equal(rejected.body.decided.length, approved.body.left.length);
      assert.deepEqual((await call(path)).body.items, []);
    } finally {
      await gw.close();
    }
  });

  it('coaching: readiness with gaps, today scored', async () => {
    const body = await get('/api/coach/readiness?from=2026-11-04&to=2026-12-01');
    assert.deepEqual(check(responseSchema(coaching, '/api/coach/readiness'), body, coaching), []);
    assert.ok(body.days.length > 0 && body.days.length < 28, `${body.days.length} of 28 days: some have no wellness`);
    assert.equal(body.days.at(-1).date, '2026-12-01');
  });

  it('workouts: the long ride has laps and streams from Garmin details', async () => {
    const list = await get('/api/workouts?pageSize=10');
    const long = await get(`/api/workouts/${list.items.find((w) => w.durationSeconds >= 4 * 3600).id}`);
    assert.ok(long.laps.length > 0);
    assert.equal(long.streamSource, 'garmin_details');
    assert.deepEqual(check(responseSchema(sync, '/api/workouts/{id}'), long, sync), []);
  });
});
