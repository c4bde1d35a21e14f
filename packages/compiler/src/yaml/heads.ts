import { CACHE_MAX, flat, scalar } from './scalar';

/** What goes before a key's value: `open` ends a line ("  key:"), `inline` precedes a scalar ("  key: "). */
export interface Head {
  open: string;
  inline: string;
  /** `open` with the line break. */
  openLine: string;
  /** Whole lines of this key with a recurring string value ("condition: service_healthy"), up to LINES_PER_HEAD. */
  lines: Map<string | number | boolean, string>;
}
export type Heads = Map<string, Head>;

/**
 * Line prefixes by depth, built once: INDENT[d] is 2d spaces, DASH[d] the same plus "- ".
 * Heads are cached per depth for the two usual line starts (plain indent, and the first key of a
 * sequence item after "- "), so a scalar line is written as two ready pieces: head and scalar.
 */
export const INDENT: string[] = [''];
export const DASH: string[] = ['- '];
export const PLAIN_HEADS: Heads[] = [new Map()];
/** DASHED_HEADS[d]: keys at depth d written after DASH[d - 1]. */
export const DASHED_HEADS: Heads[] = [new Map()];
/** DASH_LINES[d]: whole lines of string items written after DASH[d], up to DASH_LINES_MAX. */
export const DASH_LINES: Map<string, string>[] = [new Map()];
export const DASH_LINES_MAX = 256;
let headCount = 0;
// Enough for a key's usual values (conditions, roles, protocols); unique ones (images) just miss.
export const LINES_PER_HEAD = 16;

export function ensureDepth(d: number): void {
  for (let i = INDENT.length; i <= d; i++) {
    INDENT.push(flat(INDENT[i - 1] as string, '  '));
    DASH.push(flat(INDENT[i] as string, '- '));
    PLAIN_HEADS.push(new Map());
    DASHED_HEADS.push(new Map());
    DASH_LINES.push(new Map());
  }
}

export function makeHead(lead: string, key: string): Head {
  const open = flat(lead, scalar(key), ':');
  return { open, inline: flat(open, ' '), openLine: flat(open, '\n'), lines: new Map() };
}

export function cachedHead(heads: Heads, lead: string, key: string): Head {
  let h = heads.get(key);
  if (h === undefined) {
    h = makeHead(lead, key);
    // Keys recur thousands of times; unique ones (service names) are bounded by clearing.
    if (++headCount > CACHE_MAX) {
      for (const m of PLAIN_HEADS) m.clear();
      for (const m of DASHED_HEADS) m.clear();
      headCount = 0;
    }
    heads.set(key, h);
  }
  return h;
}
