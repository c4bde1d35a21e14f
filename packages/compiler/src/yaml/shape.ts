import { cachedHead, type Head, type Heads, makeHead } from './heads';
import { scalarRest } from './scalar';

/**
 * Shapes: a plain compile writes a thousand services whose objects differ in a few values and
 * rarely in their keys. The writer (Writer.shaped) walks such an object once as it would write it,
 * and describes every line it would write as a `Line` — the key line `key: value`, the open line
 * `key:`, an empty `key: {}`, a sequence item `- value`, a template use's piece and value — without
 * writing anything. A `Shape` is that description for one object, kept with the first object's
 * keys and values; a later object whose walk gives the same kinds of lines at the same indents
 * uses it: a key or value that equals the kept one is constant text, one that differs becomes a
 * hole (for good), and the object is written as the constant runs between its holes with the
 * holes' renderings in between — a few pieces per service instead of one per line, and no
 * per-line cache lookups for the constant lines. The text is the writer's own rendering line for
 * line (checked against the plain writer when a shape is made), so a use reads exactly as the
 * object written the plain way. Shapes live in one Writer (one compile's output): nothing is
 * kept from one compile to the next.
 */

/** `key: value` (a scalar value; `lead` is the line's start, `heads` the cache its head comes from). */
export const KV = 0;
/** `key:` opening a nested mapping or sequence. */
export const KOPEN = 1;
/** `key: {}` / `key: []` (`pre` is the suffix). */
export const KEMPTY = 2;
/** `- value` (`pre` is the dash). */
export const ITEM = 3;
/** `- {}` / `- []`, or any fixed text (`pre`). */
export const FIXED = 4;
/** A template use's piece `pre` followed by one of its values. */
export const RAW = 5;

export type LineKind = typeof KV | typeof KOPEN | typeof KEMPTY | typeof ITEM | typeof FIXED | typeof RAW;

/** One line (or template piece) of a shape, with the first object's key and value. */
export class Line {
  keyHole = false;
  valueHole = false;
  constructor(
    readonly kind: LineKind,
    readonly lead: string,
    readonly heads: Heads | undefined,
    readonly pre: string,
    readonly key: string,
    readonly value: unknown,
  ) {}
}

/** A hole's rendering: the value's rest of line, or the key's head (inline or open). */
export const VALUE = 0;
export const HEAD_INLINE = 1;
export const HEAD_OPEN = 2;

/** Whether `b` is written exactly as `a` is (=== but telling 0 from -0). */
export const same = (a: unknown, b: unknown): boolean => a === b && (a !== 0 || Object.is(a, b));

export class Shape {
  /** Constant text before hole i (runs[i]) and after the last one. */
  runs: string[] = [];
  /** Per hole: its line's index and how it is rendered. */
  holeLine: number[] = [];
  holeKind: number[] = [];
  constructor(
    readonly lines: Line[],
    /** Lines of text the shape writes (a template use's pieces may hold several). */
    readonly lineCount: number,
  ) {
    this.build();
  }

  /** Cuts the constant runs and holes from the lines' current key and value holes. */
  build(): void {
    const runs: string[] = [];
    const holeLine: number[] = [];
    const holeKind: number[] = [];
    let cur: string[] = [];
    const hole = (i: number, kind: number) => {
      runs.push(cur.join(''));
      cur = [];
      holeLine.push(i);
      holeKind.push(kind);
    };
    const lines = this.lines;
    for (let i = 0; i < lines.length; i++) {
      const l = lines[i] as Line;
      switch (l.kind) {
        case KV:
          if (l.keyHole) hole(i, HEAD_INLINE);
          else cur.push(headOf(l, l.key).inline);
          if (l.valueHole) hole(i, VALUE);
          else cur.push(scalarRest(l.value));
          break;
        case KOPEN:
          if (l.keyHole) hole(i, HEAD_OPEN);
          else cur.push(headOf(l, l.key).openLine);
          break;
        case KEMPTY:
          if (l.keyHole) hole(i, HEAD_INLINE);
          else cur.push(headOf(l, l.key).inline);
          cur.push(l.pre);
          break;
        case ITEM:
        case RAW:
          cur.push(l.pre);
          if (l.valueHole) hole(i, VALUE);
          else cur.push(scalarRest(l.value));
          break;
        default:
          cur.push(l.pre);
      }
    }
    runs.push(cur.join(''));
    this.runs = runs;
    this.holeLine = holeLine;
    this.holeKind = holeKind;
  }
}

export function headOf(l: Line, key: string): Head {
  return l.heads ? cachedHead(l.heads, l.lead, key) : makeHead(l.lead, key);
}
