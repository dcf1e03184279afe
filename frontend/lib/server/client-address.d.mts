import type { BlockList } from 'node:net';
export declare const CLIENT_HEADER: string;
export declare function trustedProxies(value?: string): BlockList;
export declare function tagClient(
  request: { socket?: { remoteAddress?: string }; headers: Record<string, string | string[] | undefined> },
  trusted: BlockList,
): void;
export declare function installClientAddress(http: typeof import('node:http'), trusted?: BlockList): void;
