import { scalar, scalarRest } from './scalar';
import { type SourceRange, tag, tagOf } from './source-tag';
import { Filled } from './template';

/**
 * Shapes: an emitter's fast path for its usual objects (a Compose service entry, a Kubernetes
 * document) that never builds the object. The emitter's code decides the shape from the planned
 * service and records it into a Recorder — structure tokens (a key opening a mapping or a list, a
 * `key: value` pair, a list item, the end of a mapping or list, an element id) and, in order,
 * the keys and scalar values ("slots") and element ids. A ShapeSet (one per compile) finds the
 * Shape made for the same tokens, or makes it: the tokens replayed into an object of placeholders,
 * written once by the Writer and cut at the placeholders, so a use reads exactly as writing the
 * object with its values would. Per use, a slot whose value equals the shape's first use stays
 * part of the constant text; one that differs becomes a hole for good (the constant runs are made
 * again): a use is the runs with the holes' renderings between them, a few pieces per service
 * instead of a line at a time. A use whose hole cannot take its value (multi-line text, written as
 * a literal block) is written as the object its fallback builds. Shapes are per compile: no text
 * outlives the compile that wrote it.
 */

// Structure tokens.
const MAP_KEY = 1; // key slot, opens a mapping value
const LIST_KEY = 2; // key slot, opens a sequence value
const KV = 3; // key slot, value slot
const ITEM = 4; // value slot, an item of the open sequence
const ITEM_MAP = 5; // opens a mapping item of the open sequence
const END = 6; // closes the open mapping or sequence
const ID = 7; // an element id of the open mapping or sequence (its source range)

const SLOT = '__blaupause_slot_';
const ID_MARK = '__blaupause_id_';
const slotMark = (i: number) => `${SLOT}${i}__`;
const idMark = (i: number) => `${ID_MARK}${i}__`;

/** Records one use (see above). Reused: begin() starts the next. */
export class Recorder {
  tokens: number[] = [];
  nt = 0;
  slots: unknown[] = [];
  ns = 0;
  ids: string[] = [];
  ni = 0;
  hash = 0;

  begin(): this {
    this.nt = 0;
    this.ns = 0;
    this.ni = 0;
    this.hash = 0;
    return this;
  }

  private token(t: number): void {
    this.tokens[this.nt++] = t;
    this.hash = (Math.imul(this.hash, 31) + t) | 0;
  }

  /** `key:` with a mapping under it (close it with end()). */
  map(key: string): void {
    this.token(MAP_KEY);
    this.slots[this.ns++] = key;
  }

  /** `key:` with a sequence under it (close it with end()). */
  list(key: string): void {
    this.token(LIST_KEY);
    this.slots[this.ns++] = key;
  }

  /** `key: value`, a one-line scalar (string, number, boolean or null; never undefined). */
  kv(key: string, value: unknown): void {
    this.token(KV);
    this.slots[this.ns++] = key;
    this.slots[this.ns++] = value;
  }

  /** `key: value` when the value is defined. */
  opt(key: string, value: unknown): void {
    if (value !== undefined) this.kv(key, value);
  }

  /** `- value`, a scalar item of the open sequence. */
  item(value: unknown): void {
    this.token(ITEM);
    this.slots[this.ns++] = value;
  }

  /** `- ` a mapping item of the open sequence (close it with end()). */
  itemMap(): void {
    this.token(ITEM_MAP);
  }

  end(): void {
    this.token(END);
  }

  /** The open mapping or sequence comes from this element (a source range over its lines). */
  id(elementId: string): void {
    this.token(ID);
    this.ids[this.ni++] = elementId;
  }

  /** `key:` and the list's string items (`key: []` when empty). */
  strings(key: string, items: readonly string[]): void {
    this.list(key);
    for (let i = 0; i < items.length; i++) this.item(items[i]);
    this.end();
  }

  /**
   * `key:` and a value of any kind, recorded by walking it as the writer would write it (for the
   * rarer parts, whose objects the emitter's helpers build anyway). Returns false when the value
   * holds something the recorder cannot take (a Map, a list in a list, a non-plain object); the
   * use must then go the object way.
   */
  value(key: string, v: unknown): boolean {
    if (v === undefined) return true;
    if (typeof v !== 'object' || v === null) {
      this.kv(key, v);
      return true;
    }
    if (Array.isArray(v)) {
      this.list(key);
      if (!this.listItems(v)) return false;
    } else {
      if (!plain(v)) return false;
      this.map(key);
      if (!this.entries(v as Record<string, unknown>)) return false;
    }
    this.end();
    return true;
  }

  /**
   * `key:` and a Map's entries (Compose's depends_on), each value walked as value() does. False
   * when a key is not a string or may be an array index (an object, as the writer writes such a
   * Map, would put it first), or a value cannot be recorded.
   */
  mapValue(key: string, m: ReadonlyMap<unknown, unknown>): boolean {
    this.map(key);
    this.ok = true;
    m.forEach(this.mapEntry, this);
    this.end();
    return this.ok;
  }

  private ok = true;

  private mapEntry(v: unknown, k: unknown): void {
    if (!this.ok) return;
    if (typeof k !== 'string') this.ok = false;
    else {
      const c = k.charCodeAt(0);
      this.ok = !(c >= 48 && c <= 57) && this.value(k, v);
    }
  }

  private entries(o: Record<string, unknown>): boolean {
    const id = tagOf(o);
    if (id !== undefined) this.id(id);
    for (const k in o) if (!this.value(k, o[k])) return false;
    return true;
  }

  private listItems(a: readonly unknown[]): boolean {
    const id = tagOf(a);
    if (id !== undefined) this.id(id);
    for (let i = 0; i < a.length; i++) {
      const v = a[i];
      if (typeof v !== 'object' || v === null) this.item(v === undefined ? null : v);
      else if (Array.isArray(v) || !plain(v)) return false;
      else {
        this.itemMap();
        if (!this.entries(v as Record<string, unknown>)) return false;
        this.end();
      }
    }
    return true;
  }

  /** The placeholder object of the recorded tokens (see Shape). */
  sample(): Record<string, unknown> {
    const root: Record<string, unknown> = {};
    const stack: (Record<string, unknown> | unknown[])[] = [root];
    let top: Record<string, unknown> | unknown[] = root;
    let s = 0;
    let idn = 0;
    for (let i = 0; i < this.nt; i++) {
      switch (this.tokens[i]) {
        case MAP_KEY:
        case LIST_KEY: {
          const child = this.tokens[i] === MAP_KEY ? {} : [];
          (top as Record<string, unknown>)[slotMark(s++)] = child;
          stack.push(child);
          top = child;
          break;
        }
        case KV:
          (top as Record<string, unknown>)[slotMark(s)] = slotMark(s + 1);
          s += 2;
          break;
        case ITEM:
          (top as unknown as unknown[]).push(slotMark(s++));
          break;
        case ITEM_MAP: {
          const child = {};
          (top as unknown as unknown[]).push(child);
          stack.push(child);
          top = child;
          break;
        }
        case END:
          stack.pop();
          top = stack[stack.length - 1] as Record<string, unknown>;
          break;
        case ID:
          tag(top, idMark(idn++));
          break;
      }
    }
    return root;
  }
}

/** Whether an object is written as its own enumerable keys (not a Map, a template use or another class). */
function plain(v: object): boolean {
  const p = Object.getPrototypeOf(v);
  return (p === Object.prototype || p === null) && !(v instanceof Filled);
}

/** Whether a slot's value can be written in place of its placeholder: a one-line scalar. */
function fits(v: unknown): boolean {
  return typeof v === 'string' ? !v.includes('\n') : typeof v === 'number' || typeof v === 'boolean' || v === null;
}

/** The text of one written shape: cut at its slots, its lines and ranges (element ids by index). */
export interface ShapeText {
  /** texts[i] comes before slot i, the last one after the last slot. */
  texts: string[];
  lines: number;
  ranges: { id: number; startLine: number; endLine: number }[];
}

/** What writes a shape's placeholder object at one depth (the Writer: entries of a mapping, or a document root). */
export type WriteSample = (sample: Record<string, unknown>, depth: number) => { text: string; lines: number; ranges: SourceRange[] };

export class Shape {
  /** The slot kinds: true for a key (written as `scalar(key)`, before its ":"), false for a value (its whole line's rest). */
  readonly isKey: boolean[] = [];
  /** The first use's slots: the constant text's values. */
  readonly first: unknown[];
  readonly hole: boolean[];
  /** Which slots are holes, in order, and the constant runs around them (runs[i] before holes[i]). */
  holes: number[] = [];
  runs: string[] = [];
  /** Text per depth written at (null: could not be cut). */
  private readonly texts: (ShapeText | null | undefined)[] = [];

  constructor(
    readonly tokens: readonly number[],
    slots: readonly unknown[],
    private readonly rec: { sample(): Record<string, unknown> },
  ) {
    for (const t of tokens) {
      if (t === MAP_KEY || t === LIST_KEY) this.isKey.push(true);
      else if (t === KV) this.isKey.push(true, false);
      else if (t === ITEM) this.isKey.push(false);
    }
    this.first = slots.slice();
    this.hole = this.isKey.map(() => false);
  }

  /** The shape's text at `depth`, cut at its slots; undefined when it cannot be cut. */
  text(depth: number, write: WriteSample): ShapeText | undefined {
    let t = this.texts[depth];
    if (t === undefined) {
      t = cut(write(this.rec.sample(), depth), this.isKey) ?? null;
      this.texts[depth] = t;
      this.runsStale = true;
    }
    return t ?? undefined;
  }

  runsStale = true;

  /** Makes the constant runs again from the text and the first use's values (after a new hole). */
  makeRuns(t: ShapeText): void {
    const holes: number[] = [];
    const runs: string[] = [];
    let run: string[] = [t.texts[0] as string];
    for (let i = 0; i < this.isKey.length; i++) {
      if (this.hole[i]) {
        holes.push(i);
        runs.push(run.join(''));
        run = [];
      } else run.push(render(this.first[i], this.isKey[i] as boolean));
      run.push(t.texts[i + 1] as string);
    }
    runs.push(run.join(''));
    this.holes = holes;
    this.runs = runs;
    this.runsStale = false;
  }
}

/** A slot's rendering: a key as its head writes it (before the ":"), a value as its line's rest. */
export function render(v: unknown, isKey: boolean): string {
  return isKey ? keyScalar(v as string) : scalarRest(v);
}

const keys = new Map<string, string>();
/** A key's rendering, cached as scalarRest caches values (keys in holes are names: services, variables). */
export function keyScalar(k: string): string {
  let r = keys.get(k);
  if (r === undefined) {
    r = scalar(k);
    if (keys.size >= 50_000) keys.clear();
    keys.set(k, r);
  }
  return r;
}

function cut(w: { text: string; lines: number; ranges: SourceRange[] }, isKey: readonly boolean[]): ShapeText | undefined {
  const { text } = w;
  const texts: string[] = [];
  let from = 0;
  for (let i = 0; i < isKey.length; i++) {
    const mark = slotMark(i);
    const at = text.indexOf(mark, from);
    const after = text.charCodeAt(at + mark.length);
    // A key's placeholder ends at its ":", a value's at its line break (its rendering includes the break).
    if (at < 0 || after !== (isKey[i] ? 58 : 10)) return undefined;
    texts.push(text.slice(from, at));
    from = at + mark.length + (isKey[i] ? 0 : 1);
  }
  texts.push(text.slice(from));
  if (texts.some((p) => p.includes(SLOT) || p.includes(ID_MARK))) return undefined;
  const ranges: ShapeText['ranges'] = [];
  for (const r of w.ranges) {
    if (!r.elementId.startsWith(ID_MARK)) return undefined;
    ranges.push({ id: Number(r.elementId.slice(ID_MARK.length, -2)), startLine: r.startLine, endLine: r.endLine });
  }
  return { texts, lines: w.lines, ranges };
}

/**
 * One use of a shape, rendered when recorded: the constant runs and the holes' renderings, for
 * the entries of a mapping at `depth` (its first line is the first slot's key) or a document
 * root (depth 0). The runs in it stay right when a later use makes more holes: this use's values
 * equal the first use's at every slot that was constant when it was rendered.
 */
export class Shaped {
  constructor(
    /** The constant runs and which slots are holes, as they were when this use was recorded (both are replaced, never changed, when a hole is added). */
    readonly runs: readonly string[],
    readonly holes: readonly number[],
    readonly isKey: readonly boolean[],
    /** The holes' values, in order. */
    readonly values: unknown[],
    readonly depth: number,
    readonly text: ShapeText,
    readonly ids: string[],
  ) {}
}

/** The shapes of one compile. */
export class ShapeSet {
  private readonly byHash = new Map<number, Shape[]>();
  /** The recorder of the emitters' uses, reused (a use is recorded and taken by use() before the next begins). */
  readonly rec = new Recorder();

  constructor(private readonly write: WriteSample) {}

  /**
   * The use just recorded, rendered for `depth`; undefined when it must be written as an object
   * (a value that only a block can hold, or a text that could not be cut).
   */
  use(depth: number): Shaped | undefined {
    const rec = this.rec;
    let list = this.byHash.get(rec.hash);
    let shape: Shape | undefined;
    if (list) {
      for (const s of list)
        if (sameTokens(s.tokens, rec)) {
          shape = s;
          break;
        }
    } else {
      list = [];
      this.byHash.set(rec.hash, list);
    }
    const slots = rec.slots;
    const n = rec.ns;
    if (shape === undefined) {
      // The first use's values become the constant text: only one-line scalars can.
      for (let i = 0; i < n; i++) if (!fits(slots[i])) return undefined;
      const tokens = rec.tokens.slice(0, rec.nt);
      const replay = new Recorder();
      replay.tokens = tokens;
      replay.nt = tokens.length;
      shape = new Shape(tokens, slots.slice(0, n), replay);
      list.push(shape);
    } else if (!prepare(shape, slots, n)) return undefined;
    const t = shape.text(depth, this.write);
    if (t === undefined) return undefined;
    if (shape.runsStale) shape.makeRuns(t);
    const holes = shape.holes;
    const values = new Array<unknown>(holes.length);
    for (let i = 0; i < holes.length; i++) values[i] = slots[holes[i] as number];
    let ids = NO_IDS;
    if (rec.ni > 0) {
      ids = new Array<string>(rec.ni);
      for (let i = 0; i < rec.ni; i++) ids[i] = rec.ids[i] as string;
    }
    return new Shaped(shape.runs, holes, shape.isKey, values, depth, t, ids);
  }
}

const NO_IDS: string[] = [];

function sameTokens(a: readonly number[], rec: Recorder): boolean {
  if (a.length !== rec.nt) return false;
  const b = rec.tokens;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/**
 * Marks the slots that differ from the shape's first use as holes (for good), and checks that
 * every hole can take its value. False: write the use as its object.
 */
function prepare(shape: Shape, slots: readonly unknown[], n: number): boolean {
  const first = shape.first;
  const hole = shape.hole;
  for (let i = 0; i < n; i++) {
    const v = slots[i];
    if (hole[i]) {
      if (typeof v === 'string' ? v.includes('\n') : !fits(v)) return false;
    } else if (v !== first[i] || (v === 0 && !Object.is(v, first[i]))) {
      if (!fits(v)) return false;
      hole[i] = true;
      shape.runsStale = true;
    }
  }
  return true;
}
