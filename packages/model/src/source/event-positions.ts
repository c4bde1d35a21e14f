import { type Event, getScalarValue } from 'js-yaml';
import type { Path, SourcePosition } from '../diagnostics/diagnostic';

// js-yaml's event ids (EVENT_ID), inlined to keep this module free of runtime imports.
const DOCUMENT = 1;
const SEQUENCE = 2;
const MAPPING = 3;
const SCALAR = 4;
const ALIAS = 5;
const POP = 6;
const SINGLE_QUOTED = 2;
const DOUBLE_QUOTED = 3;

type Frame =
  | { kind: 'doc'; path: (string | number)[] }
  | { kind: 'seq'; path: (string | number)[]; next: number }
  | { kind: 'map'; path: (string | number)[]; key: string | undefined; expectKey: boolean }
  | { kind: 'skip' }; // a complex (non-scalar) mapping key: nothing inside it has a path

const keyOf = (path: readonly (string | number)[]) => path.join('\u0000');

/**
 * Source positions from js-yaml's event stream: one pass records where every mapping key and
 * sequence item of every document starts. Built on the first lookup; a lookup of a path that is
 * not in the text (merged or defaulted content) answers with its nearest ancestor.
 */
export class EventPositions {
  private index: DocIndex[] | undefined;
  private lineStarts: number[] | undefined;

  /** `source`: js-yaml's events, or a function giving the index (the block reader reads the text again). */
  constructor(
    private readonly text: string,
    private readonly source: readonly Event[] | (() => DocIndex[]),
    private readonly file?: string,
  ) {}

  positionOf(doc: number, path: Path): SourcePosition | undefined {
    this.index ??= typeof this.source === 'function' ? this.source() : this.build(this.source);
    const d = this.index[doc];
    if (!d) return undefined;
    const resolved = resolveAliases(d, path);
    for (let n = resolved.length; n >= 0; n--) {
      const offset = d.entries.get(keyOf(resolved.slice(0, n)));
      if (offset !== undefined) return this.at(offset);
    }
    return undefined;
  }

  private at(offset: number): SourcePosition {
    this.lineStarts ??= lineStarts(this.text);
    const starts = this.lineStarts;
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((starts[mid] as number) <= offset) lo = mid;
      else hi = mid - 1;
    }
    const line = lo + 1;
    const col = offset - (starts[lo] as number) + 1;
    return this.file ? { file: this.file, line, col } : { line, col };
  }

  private build(events: readonly Event[]): DocIndex[] {
    const docs: DocIndex[] = [];
    let d: DocIndex = { entries: new Map(), anchors: new Map(), aliases: new Map() };
    let entries = d.entries;
    const stack: Frame[] = [];
    for (const ev of events) {
      if (ev.type === DOCUMENT) {
        d = { entries: new Map(), anchors: new Map(), aliases: new Map() };
        entries = d.entries;
        docs.push(d);
        stack.length = 0;
        stack.push({ kind: 'doc', path: [] });
        continue;
      }
      if (ev.type === POP) {
        stack.pop();
        continue;
      }
      const parent = stack[stack.length - 1];
      const start = nodeStart(ev);
      let path: (string | number)[] | undefined;
      if (!parent || parent.kind === 'skip') path = undefined;
      else if (parent.kind === 'doc') path = [];
      else if (parent.kind === 'seq') path = [...parent.path, parent.next++];
      else if (parent.expectKey) {
        parent.expectKey = false;
        parent.key = ev.type === SCALAR ? getScalarValue(this.text, ev) : undefined;
        if (parent.key !== undefined && start >= 0) {
          const k = keyOf([...parent.path, parent.key]);
          if (!entries.has(k)) entries.set(k, start);
        }
        if (ev.type === MAPPING || ev.type === SEQUENCE) stack.push({ kind: 'skip' });
        continue;
      } else {
        parent.expectKey = true;
        path = parent.key === undefined ? undefined : [...parent.path, parent.key];
      }
      // Mapping entries are located at their key (recorded above); documents and items at the node.
      if (path && start >= 0 && (parent?.kind !== 'map' || path.length === 0)) {
        const k = keyOf(path);
        if (!entries.has(k)) entries.set(k, start);
      }
      if (path && ev.type === ALIAS) d.aliases.set(keyOf(path), this.text.slice(ev.anchorStart, ev.anchorEnd));
      else if (path && ev.anchorStart >= 0) d.anchors.set(this.text.slice(ev.anchorStart, ev.anchorEnd), path);
      if (ev.type === MAPPING) stack.push(path ? { kind: 'map', path, key: undefined, expectKey: true } : { kind: 'skip' });
      else if (ev.type === SEQUENCE) stack.push(path ? { kind: 'seq', path, next: 0 } : { kind: 'skip' });
    }
    return docs;
  }
}

export interface DocIndex {
  /** Path → offset of its key (mapping entries) or of the node (items, the root). */
  entries: Map<string, number>;
  /** Anchor name → path of the anchored node. */
  anchors: Map<string, (string | number)[]>;
  /** Path of an alias node → the anchor it refers to. */
  aliases: Map<string, string>;
}

/** Rewrites a path that runs through aliases into the path inside the anchored nodes. */
function resolveAliases(d: DocIndex, path: Path): Path {
  if (d.aliases.size === 0) return path;
  let p = path;
  for (let hops = 0; hops < 64; hops++) {
    let changed = false;
    for (let n = 1; n < p.length; n++) {
      const anchor = d.aliases.get(keyOf(p.slice(0, n)));
      const target = anchor === undefined ? undefined : d.anchors.get(anchor);
      if (target) {
        p = [...target, ...p.slice(n)];
        changed = true;
        break;
      }
    }
    if (!changed) return p;
  }
  return p;
}

/** Where a node's content starts (as `yaml` reports it: after any anchor or tag; quotes included). */
function nodeStart(ev: Event): number {
  if (ev.type === SCALAR) return ev.style === SINGLE_QUOTED || ev.style === DOUBLE_QUOTED ? ev.valueStart - 1 : ev.valueStart;
  if (ev.type === MAPPING || ev.type === SEQUENCE) return ev.start;
  if (ev.type === ALIAS) return ev.anchorStart - 1;
  return -1;
}

function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}
