// Runs once when the server starts (Next.js instrumentation hook).
export async function register() {
  if (process.env.NEXT_RUNTIME === 'nodejs') {
    const { checkRequiredSettings } = await import('./lib/startup-check');
    checkRequiredSettings();
    // Imported only when wanted: without an endpoint the SDK is never loaded.
    if (process.env.OTEL_EXPORTER_OTLP_ENDPOINT?.trim()) {
      const { startTelemetry } = await import('./lib/telemetry.mjs');
      startTelemetry();
    }
  }
}
