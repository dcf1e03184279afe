export declare const SESSION_COOKIE: string;
export declare const SECURE_SESSION_COOKIE: string;
export declare const SESSION_MAX_AGE_SECONDS: number;
export declare const MINIMUM_KEY_LENGTH: number;
export declare function readApiKey(env?: Record<string, string | undefined>): string | null;
export declare function isWeakKey(key: string): boolean;
export declare function sessionSecret(env?: Record<string, string | undefined>): string;
export declare function keysMatch(presented: unknown, expected: string | null | undefined): boolean;
export declare function createSessionToken(options: {
  apiKey: string;
  secret: string;
  sessions: { add(id: string, expiresAt: number): void };
  now?: number;
}): string;
export declare function sessionIdOf(token: unknown): string | null;
export declare function verifySessionToken(
  token: unknown,
  options: { apiKey: string | null | undefined; secret: string; sessions: { has(id: string): boolean }; now?: number; maxAgeSeconds?: number },
): boolean;
export declare function sessionCookie(secure: boolean): {
  name: string;
  options: { httpOnly: true; sameSite: 'lax'; secure: boolean; path: string; maxAge: number };
};
