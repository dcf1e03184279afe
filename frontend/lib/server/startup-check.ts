// A missing required setting stops start-up with one line naming it (ARCHITECTURE.md §2); so does a key left at the example's
// change-me… placeholder or shorter than 16 characters.
import { isWeakKey, MINIMUM_KEY_LENGTH } from '../security/session.mjs';

export function checkRequiredSettings(env: NodeJS.ProcessEnv = process.env): void {
  const problems: string[] = [];
  const secret = (names: string, value: string | undefined) => {
    if (!value?.trim()) {
      problems.push(`missing required setting ${names}`);
    } else if (isWeakKey(value)) {
      problems.push(`${names} is an example value or shorter than ${MINIMUM_KEY_LENGTH} characters; use a long random one (openssl rand -hex 24)`);
    }
  };
  secret('Auth__ApiKey (or API_KEY)', env.Auth__ApiKey ?? env.API_KEY);
  secret('Auth__WebProxyKey', env.Auth__WebProxyKey);
  if (!(env.GATEWAY_HTTPS ?? env.GATEWAY_HTTP ?? '').trim()) {
    problems.push('missing required setting GATEWAY_HTTP');
  }
  if (problems.length > 0) {
    console.error(`CyclingCoach web: ${problems.join('; ')}`);
    process.exit(1);
  }
}
