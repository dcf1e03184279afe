export type SessionStore = {
  readonly secret: string;
  add(id: string, expiresAt: number): void;
  has(id: string): boolean;
  remove(id: string): void;
};
export declare function createSessionStore(file: string | null, options?: { now?: () => number }): SessionStore;
export declare function sessionStore(env?: Record<string, string | undefined>): SessionStore;
