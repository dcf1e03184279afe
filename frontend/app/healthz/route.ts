// GET /healthz: liveness of the web server itself, for ./coach and compose health waits. Unauthenticated.
// (Not /health: that name means "aggregated readiness" on the gateway; this one never calls the gateway.)
export const dynamic = 'force-dynamic';

export function GET(): Response {
  return Response.json({ status: 'Healthy' }, { headers: { 'cache-control': 'no-store' } });
}
