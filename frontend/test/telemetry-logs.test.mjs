// Own file: bridgeConsole() patches this process's console for good (node --test runs each file in its own process).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { context, ROOT_CONTEXT, trace, TraceFlags } from '@opentelemetry/api';
import { logs as logsApi, SeverityNumber } from '@opentelemetry/api-logs';
import { logs, node } from '@opentelemetry/sdk-node';
import { bridgeConsole } from '../lib/server/telemetry.mjs';

// As NodeSDK does: a context manager (so a request's span is the active one) and a logger provider.
new node.NodeTracerProvider().register();
const exporter = new logs.InMemoryLogRecordExporter();
const provider = new logs.LoggerProvider({ processors: [new logs.SimpleLogRecordProcessor({ exporter })] });
logsApi.setGlobalLoggerProvider(provider);
bridgeConsole();

describe('console bridge', () => {
  it("emits each console call as a log record with its severity and the console's formatting", async () => {
    exporter.reset();
    console.error('proxy: %s %s failed: %s', 'GET', '/api/workouts', 'ECONNREFUSED');
    console.warn('slow gateway', { ms: 1200 });
    console.info('ready');
    await provider.forceFlush();

    const records = exporter.getFinishedLogRecords();
    assert.deepEqual(
      records.map((r) => [r.severityNumber, r.severityText, r.body]),
      [
        [SeverityNumber.ERROR, 'Error', 'proxy: GET /api/workouts failed: ECONNREFUSED'],
        [SeverityNumber.WARN, 'Warning', 'slow gateway { ms: 1200 }'],
        [SeverityNumber.INFO, 'Information', 'ready'],
      ],
    );
  });

  it('carries the trace of the request that logged', async () => {
    exporter.reset();
    const span = { traceId: '0af7651916cd43dd8448eb211c80319c', spanId: 'b7ad6b7169203331', traceFlags: TraceFlags.SAMPLED };
    context.with(trace.setSpanContext(ROOT_CONTEXT, span), () => console.error('inside a request'));
    await provider.forceFlush();

    const [record] = exporter.getFinishedLogRecords();
    assert.equal(record.spanContext?.traceId, span.traceId);
    assert.equal(record.spanContext?.spanId, span.spanId);
  });
});
