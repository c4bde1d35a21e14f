/**
 * UTF-8 through the TextEncoder/TextDecoder every runtime we run on has (Node, browsers); the
 * compiler compiles without DOM or Node types, so they are looked up on globalThis.
 */
const g = globalThis as unknown as {
  TextEncoder: new () => { encode(s: string): Uint8Array };
  TextDecoder: new (label: string, opts: { fatal: boolean }) => { decode(b: Uint8Array): string };
};

export const utf8 = (s: string): Uint8Array => new g.TextEncoder().encode(s);

/** Strict: invalid UTF-8 throws. */
export const fromUtf8 = (b: Uint8Array): string => new g.TextDecoder('utf-8', { fatal: true }).decode(b);
