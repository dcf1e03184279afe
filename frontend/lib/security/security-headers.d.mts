export declare const SECURITY_HEADERS: { key: string; value: string }[];
export declare const HSTS: string;
export declare function contentSecurityPolicy(options: { nonce: string; scriptHashes: string[]; tileUrl: string | null }): string;
