export declare const OPENSTREETMAP: string;
export declare function tileSettings(env?: Record<string, string | undefined>): { tileUrl: string | null; attribution: string };
