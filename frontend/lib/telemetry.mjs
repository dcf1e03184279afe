// OpenTelemetry for the Next.js server, started by instrumentation.ts only when an OTLP endpoint is configured. The
// SDK reads what the Aspire AppHost injects itself: OTEL_EXPORTER_OTLP_ENDPOINT, _PROTOCOL (grpc or http/protobuf),
// _HEADERS, OTEL_SERVICE_NAME, OTEL_RESOURCE_ATTRIBUTES. Next.js makes the server spans; the undici instrumentation
// makes a client span for each fetch() to the gateway and sends its traceparent, so web → gateway → services is
// one trace. What the server writes to the console becomes log records too (structured logs in the dashboard, with
// the trace id of the request that wrote them).
import { format } from 'node:util';
import { logs, SeverityNumber } from '@opentelemetry/api-logs';
import { NodeSDK, tracing } from '@opentelemetry/sdk-node';
import { UndiciInstrumentation } from '@opentelemetry/instrumentation-undici';

const HEALTH_PATH = '/healthz';

/**
 * Health probes (the AppHost polls /healthz) are not traced, as the .NET services skip /health and /alive: Next's
 * root span carries the request target, and everything under a dropped root is dropped with it.
 */
export const sampler = new tracing.ParentBasedSampler({
  root: {
    shouldSample: (_context, _traceId, _name, _kind, attributes) => ({
      decision: isHealthProbe(attributes?.['http.target'])
        ? tracing.SamplingDecision.NOT_RECORD
        : tracing.SamplingDecision.RECORD_AND_SAMPLED,
    }),
    toString: () => 'AllButHealthProbes',
  },
});

function isHealthProbe(target) {
  return typeof target === 'string' && (target === HEALTH_PATH || target.startsWith(`${HEALTH_PATH}?`));
}

export function startTelemetry() {
  new NodeSDK({ sampler, instrumentations: [new UndiciInstrumentation()] }).start();
  bridgeConsole();
}

const CONSOLE_SEVERITIES = {
  debug: [SeverityNumber.DEBUG, 'Debug'],
  log: [SeverityNumber.INFO, 'Information'],
  info: [SeverityNumber.INFO, 'Information'],
  warn: [SeverityNumber.WARN, 'Warning'],
  error: [SeverityNumber.ERROR, 'Error'],
};

/** Each console call still prints as before, and is also emitted, formatted as the console formats it. */
export function bridgeConsole() {
  const logger = logs.getLogger('cyclingcoach-web');
  for (const [method, [severityNumber, severityText]] of Object.entries(CONSOLE_SEVERITIES)) {
    const print = console[method].bind(console);
    console[method] = (...args) => {
      print(...args);
      logger.emit({ severityNumber, severityText, body: format(...args) });
    };
  }
}
