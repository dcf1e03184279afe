export declare function safeReturnPath(value: unknown): string;
