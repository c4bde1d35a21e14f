// Types for build.mjs, which stays plain JS so bin/blaupause.mjs can run it without a loader.
export declare const distFile: string;
export declare function isStale(): boolean;
export declare function build(): Promise<string>;
export declare function ensureBuilt(): Promise<string>;
