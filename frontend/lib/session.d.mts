export declare const SESSION_COOKIE: string;
export declare const SESSION_MAX_AGE_SECONDS: number;
export declare function readApiKey(env?: Record<string, string | undefined>): string | null;
export declare function sessionSecret(env?: Record<string, string | undefined>): string;
export declare function keysMatch(presented: unknown, expected: string | null | undefined): boolean;
export declare function createSessionToken(options: { apiKey: string; secret: string; now?: number }): string;
export declare function verifySessionToken(
  token: unknown,
  options: { apiKey: string | null | undefined; secret: string; now?: number; maxAgeSeconds?: number },
): boolean;
export declare function sessionCookieOptions(secure: boolean): {
  httpOnly: true;
  sameSite: 'lax';
  secure: boolean;
  path: string;
  maxAge: number;
};
