// A missing required setting stops start-up with one line naming it (DESIGN §2).
export function checkRequiredSettings(env: NodeJS.ProcessEnv = process.env): void {
  const missing: string[] = [];
  if (!(env.Auth__ApiKey ?? env.API_KEY ?? '').trim()) {
    missing.push('Auth__ApiKey (or API_KEY)');
  }
  if (!(env.GATEWAY_HTTPS ?? env.GATEWAY_HTTP ?? '').trim()) {
    missing.push('GATEWAY_HTTP');
  }
  if (missing.length > 0) {
    console.error(`CyclingCoach web: missing required setting ${missing.join(', ')}`);
    process.exit(1);
  }
}
