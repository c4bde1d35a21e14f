import { cachedHead, DASH, DASHED_HEADS, ensureDepth, type Head, INDENT, makeHead, PLAIN_HEADS } from './heads';
import type { Rendered } from './rendered';
import { Writer } from './writer';

/**
 * A key known to the emitter that writes it, with its line heads per depth made once: writing
 * `key: value` through it looks nothing up by name (see YamlOut.field).
 */
export class Key {
  readonly plain: Head[] = [];
  readonly dashed: Head[] = [];
  constructor(readonly name: string) {}
}

const MAP = 0;
const SEQ = 1;
const ITEM = 2;
const ROOT = 3;

/** An open mapping, sequence, sequence item or document root. */
interface Frame {
  kind: 0 | 1 | 2 | 3;
  d: number;
  /** MAP and SEQ: the key's head at depth d. */
  head: Head | undefined;
  /** ITEM: whether a key took the item's "- " (its first key, written or pending). */
  dashTaken: boolean;
  /** First line of the value, once written. */
  start: number;
  id: string | undefined;
}

/**
 * The writer with an API for writing output directly, without building the objects first.
 * Emitters open mappings, sequences and items and write fields; a value goes through the same
 * code as the object writer's, so the text, the source ranges and their order are exactly those
 * of writing the object the calls describe:
 *   - a field whose value is undefined writes nothing, any other value is written as by emitYaml
 *     (objects and arrays included, tagged ones with their ranges);
 *   - a mapping's or sequence's header line waits until something is written inside it: ending
 *     it with nothing inside writes `key: {}` / `key: []` (and `- {}` for an item), as an empty
 *     object or array would;
 *   - `id` gives the value a source range, as tag() does for an object.
 * Depths are those of the object writer: a document's keys are at 0, a mapping's entries one
 * deeper than its key, a sequence's items at its key's depth, an item's keys one deeper.
 */
export class YamlOut extends Writer {
  private readonly frames: Frame[] = [];
  /** Frames below this index have their first line written. */
  private written = 0;
  /** Documents begun so far (the separator goes before each but the first). */
  private docs = 0;

  /** Starts a document: "---" before every one but the first. */
  beginDoc(): void {
    if (this.docs++ > 0) this.pushLine('---\n');
  }

  /** Copies in a Rendered run of documents (its own separators inside). */
  renderedDocs(r: Rendered): void {
    if (r.lines === 0) return;
    this.beginDoc();
    this.pushRendered(r);
  }

  /** A document's root mapping (after beginDoc). */
  docRoot(id?: string): void {
    this.open(ROOT, 0, undefined, id);
  }

  /** Opens mapping `key:` at depth d; its entries are at d + 1. */
  map(d: number, key: Key, id?: string): void {
    this.open(MAP, d, this.headOf(d, key), id);
  }

  /** Opens sequence `key:` at depth d; its items are at d. */
  seq(d: number, key: Key, id?: string): void {
    this.open(SEQ, d, this.headOf(d, key), id);
  }

  /** Opens a mapping item of the sequence at depth d; its keys are at d + 1. */
  mapItem(d: number, id?: string): void {
    this.open(ITEM, d, undefined, id);
  }

  /** `key: value` at depth d (nothing when value is undefined). */
  field(d: number, key: Key, v: unknown): void {
    if (v === undefined) return;
    const head = this.headOf(d, key);
    this.flushFrames();
    this.entry(head, v, d);
  }

  /** As field, for a key not known in advance (label names, service names). */
  fieldNamed(d: number, name: string, v: unknown): void {
    if (v === undefined) return;
    const head = this.namedHead(d, name);
    this.flushFrames();
    this.entry(head, v, d);
  }

  /** An item of the sequence at depth d holding `v` (undefined is written as null, as in an array). */
  value(d: number, v: unknown): void {
    this.flushFrames();
    ensureDepth(d + 1);
    this.item(v === undefined ? null : v, d, DASH[d] as string);
  }

  /** Ends what was opened last. */
  end(): void {
    const f = this.frames.pop() as Frame;
    if (this.written > this.frames.length) this.written = this.frames.length;
    else {
      // Nothing was written inside: the value is an empty mapping or sequence.
      this.flushFrames();
      f.start = this.line + 1;
      if (f.kind === ROOT) this.pushLine('{}\n');
      else if (f.kind === ITEM) this.push(DASH[f.d] as string, '{}\n');
      else this.push((f.head as Head).inline, f.kind === SEQ ? '[]\n' : '{}\n');
    }
    if (f.id !== undefined) this.ranges.push({ elementId: f.id, startLine: f.start, endLine: this.line });
  }

  private open(kind: Frame['kind'], d: number, head: Head | undefined, id: string | undefined): void {
    this.frames.push({ kind, d, head, dashTaken: false, start: 0, id });
  }

  /** The head of `key` at depth d: after "- " when it is the first key of an open item. */
  private headOf(d: number, key: Key): Head {
    ensureDepth(d + 1);
    const dashed = this.takesDash(d);
    const heads = dashed ? key.dashed : key.plain;
    let head = heads[d];
    if (head === undefined) {
      head = makeHead(dashed ? (DASH[d - 1] as string) : (INDENT[d] as string), key.name);
      heads[d] = head;
    }
    return head;
  }

  private namedHead(d: number, name: string): Head {
    ensureDepth(d + 1);
    if (this.takesDash(d)) return cachedHead(DASHED_HEADS[d] as Map<string, Head>, DASH[d - 1] as string, name);
    return cachedHead(PLAIN_HEADS[d] as Map<string, Head>, INDENT[d] as string, name);
  }

  private takesDash(d: number): boolean {
    const top = this.frames[this.frames.length - 1];
    if (top === undefined || top.kind !== ITEM || top.dashTaken || top.d !== d - 1) return false;
    top.dashTaken = true;
    return true;
  }

  /** Writes the first lines of the frames that have none yet: the headers of what now has content. */
  private flushFrames(): void {
    const frames = this.frames;
    for (let i = this.written; i < frames.length; i++) {
      const f = frames[i] as Frame;
      f.start = this.line + 1;
      if (f.kind === MAP || f.kind === SEQ) this.pushLine((f.head as Head).openLine);
    }
    this.written = frames.length;
  }
}

/** Output that writes itself: `write` begins each of its documents with beginDoc(). */
export class DirectDocs {
  constructor(readonly write: (out: YamlOut) => void) {}
}
