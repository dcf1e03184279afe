// Runs once when the server starts (Next.js instrumentation hook).
export async function register() {
  if (process.env.NEXT_RUNTIME === 'nodejs') {
    const { checkRequiredSettings } = await import('./lib/server/startup-check');
    checkRequiredSettings();
    // Every request gets its client's address (the connection's, or what a TRUSTED_PROXIES proxy forwards).
    const [{ installClientAddress }, http] = await Promise.all([import('./lib/server/client-address.mjs'), import('node:http')]);
    installClientAddress(http.default ?? http);
    // Imported only when wanted: without an endpoint the SDK is never loaded.
    if (process.env.OTEL_EXPORTER_OTLP_ENDPOINT?.trim()) {
      const { startTelemetry } = await import('./lib/server/telemetry.mjs');
      startTelemetry();
    }
  }
}
