import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ROOT_CONTEXT, SpanKind, TraceFlags, trace } from '@opentelemetry/api';
import { tracing } from '@opentelemetry/sdk-node';
import { sampler } from '../lib/server/telemetry.mjs';

const traceId = '0af7651916cd43dd8448eb211c80319c';
const rootDecision = (target) =>
  sampler.shouldSample(ROOT_CONTEXT, traceId, 'GET', SpanKind.SERVER, target === undefined ? {} : { 'http.target': target }, []).decision;
const childDecision = (parentFlags) =>
  sampler.shouldSample(
    trace.setSpanContext(ROOT_CONTEXT, { traceId, spanId: 'b7ad6b7169203331', traceFlags: parentFlags }),
    traceId, 'executing api route', SpanKind.INTERNAL, {}, [],
  ).decision;

describe('telemetry sampler', () => {
  it('drops the health probe, with or without a query', () => {
    assert.equal(rootDecision('/healthz'), tracing.SamplingDecision.NOT_RECORD);
    assert.equal(rootDecision('/healthz?from=apphost'), tracing.SamplingDecision.NOT_RECORD);
  });
  it('records every other request, and spans that carry no target', () => {
    assert.equal(rootDecision('/api/workouts?limit=2'), tracing.SamplingDecision.RECORD_AND_SAMPLED);
    assert.equal(rootDecision('/healthzz'), tracing.SamplingDecision.RECORD_AND_SAMPLED);
    assert.equal(rootDecision(undefined), tracing.SamplingDecision.RECORD_AND_SAMPLED);
  });
  it('follows the parent: spans under a dropped probe are dropped, spans under a traced request are kept', () => {
    assert.equal(childDecision(TraceFlags.NONE), tracing.SamplingDecision.NOT_RECORD);
    assert.equal(childDecision(TraceFlags.SAMPLED), tracing.SamplingDecision.RECORD_AND_SAMPLED);
  });
});
