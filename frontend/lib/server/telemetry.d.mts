import type { tracing } from '@opentelemetry/sdk-node';

export declare const sampler: tracing.Sampler;
export declare function startTelemetry(): void;
export declare function bridgeConsole(): void;
export declare function redactSecretPaths(value: string): string;
