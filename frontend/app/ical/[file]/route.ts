// The plan's iCal feed for calendar apps, which cannot sign in: /ical/<secret>.ics → the gateway's
// /api/coach/calendar/<secret>.ics, which needs no API key (the secret is the credential, stored hashed). Nothing
// else passes here without a session, and no API key is added.
import type { NextRequest } from 'next/server';
import { problem } from '@/lib/api/problem';
import { gatewayBaseUrl } from '@/lib/server/server-config';

export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

export async function GET(request: NextRequest, { params }: { params: Promise<{ file: string }> }) {
  const { file } = await params;
  const gateway = gatewayBaseUrl();
  if (!/^[A-Za-z0-9_-]{16,200}\.ics$/.test(file) || !gateway) {
    return new Response(null, { status: 404 });
  }
  try {
    const upstream = await fetch(`${gateway}/api/coach/calendar/${file}`, { cache: 'no-store', redirect: 'manual' });
    if (!upstream.ok) {
      // Read the (small) error body to the end: awaiting body.cancel() here left the response hanging.
      await upstream.arrayBuffer().catch(() => undefined);
      return new Response('Not found', { status: upstream.status === 404 ? 404 : 502, headers: { 'content-type': 'text/plain' } });
    }
    return new Response(upstream.body, {
      status: 200,
      headers: { 'content-type': upstream.headers.get('content-type') ?? 'text/calendar; charset=utf-8', 'cache-control': 'no-store' },
    });
  } catch {
    return problem(request, 502, 'Bad Gateway', 'The CyclingCoach gateway could not be reached.');
  }
}
