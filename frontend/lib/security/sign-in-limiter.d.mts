export type LimiterOptions = { maxPerClient: number; maxTotal: number; windowMs: number; maxClients?: number; now?: () => number };
export type SignInLimiter = {
  begin(client: string): { allowed: boolean; retryAfterSeconds: number };
  succeeded(client: string): void;
};
export declare function limiterOptions(env?: Record<string, string | undefined>): LimiterOptions;
export declare function createSignInLimiter(options: LimiterOptions): SignInLimiter;
export declare function signInLimiter(): SignInLimiter;
