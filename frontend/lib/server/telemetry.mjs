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
const URL_ATTRIBUTES = ['http.target', 'http.url', 'url.full', 'url.path'];

/** The iCal feed's path carries its secret (/ical/<secret>.ics here, /api/coach/calendar/<secret>.ics beyond). */
export function redactSecretPaths(/** @type {string} */ value) {
  return value.replace(/\/(ical|calendar)\/[^/?#]+\.ics/gi, '/$1/{secret}.ics');
}

/**
 * Span attributes a sampler returns replace the span's own at creation (the SDK merges them in), which is where
 * Next.js and the undici instrumentation put the request's URL: the iCal secret never reaches a span.
 * @param {import('@opentelemetry/sdk-node').tracing.Sampler} inner
 */
function redacting(inner) {
  return {
    shouldSample(context, traceId, name, kind, attributes, links) {
      const result = inner.shouldSample(context, traceId, name, kind, attributes, links);
      const redacted = {};
      for (const key of URL_ATTRIBUTES) {
        const value = attributes?.[key];
        if (typeof value === 'string' && redactSecretPaths(value) !== value) redacted[key] = redactSecretPaths(value);
      }
      return Object.keys(redacted).length > 0 ? { ...result, attributes: { ...result.attributes, ...redacted } } : result;
    },
    toString: () => `Redacting(${inner})`,
  };
}

/**
 * Health probes (the AppHost polls /healthz) are not traced, as the .NET services skip /health and /alive: Next's
 * root span carries the request target, and everything under a dropped root is dropped with it. Every span's URL
 * attributes leave the iCal secret out.
 */
export const sampler = new tracing.ParentBasedSampler({
  root: redacting({
    shouldSample: (_context, _traceId, _name, _kind, attributes) => ({
      decision: isHealthProbe(attributes?.['http.target'])
        ? tracing.SamplingDecision.NOT_RECORD
        : tracing.SamplingDecision.RECORD_AND_SAMPLED,
    }),
    toString: () => 'AllButHealthProbes',
  }),
  remoteParentSampled: redacting(new tracing.AlwaysOnSampler()),
  localParentSampled: redacting(new tracing.AlwaysOnSampler()),
});

function isHealthProbe(target) {
  return typeof target === 'string' && (target === HEALTH_PATH || target.startsWith(`${HEALTH_PATH}?`));
}

export function startTelemetry() {
  // Next.js's own span per fetch ("fetch GET <url>") names the whole URL, the iCal secret included, in its span name
  // (which no sampler can change); the undici instrumentation's client span ("GET") stands for it, URL redacted.
  process.env.NEXT_OTEL_FETCH_DISABLED ??= '1';
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
