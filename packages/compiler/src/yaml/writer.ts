import {
  cachedHead,
  DASH,
  DASH_LINES,
  DASH_LINES_MAX,
  DASHED_HEADS,
  ensureDepth,
  type Head,
  type Heads,
  INDENT,
  LINES_PER_HEAD,
  makeHead,
  PLAIN_HEADS,
} from './heads';
import { Output } from './output';
import { Rendered } from './rendered';
import { flat, literalBlock, scalarRest } from './scalar';
import { FIXED, HEAD_OPEN, headOf, ITEM, KEMPTY, KOPEN, KV, Line, type LineKind, RAW, Shape, same, VALUE as VALUE_HOLE } from './shape';
import { tagOf } from './source-tag';
import { StreamedMapping } from './streamed';
import { Filled, Form, type Template } from './template';

/** Shapes kept per depth (a safety cap: the usual output has a few dozen). */
const MAX_SHAPES = 512;

/** Whether the object has a defined value (else it is written `{}`). */
function hasDefined(o: Record<string, unknown>): boolean {
  for (const k in o) if (o[k] !== undefined) return true;
  return false;
}

function mapHasDefined(m: Map<unknown, unknown>): boolean {
  for (const v of m.values()) if (v !== undefined) return true;
  return false;
}

/**
 * A mapping to write as an object: a template use is written as the object it stands for where
 * no form applies, a Map as the object with its entries (see entry()).
 */
const objectOf = (v: object): Record<string, unknown> =>
  (v instanceof Filled ? v.template.build(...v.values) : v instanceof Map ? Object.fromEntries(v) : v) as Record<string, unknown>;

const ARRAY_INDEX = /^(0|[1-9][0-9]*)$/;

/** Whether an object with the Map's entries has its keys in the Map's order: none is an array index (those come first). */
function inObjectOrder(m: Map<unknown, unknown>): boolean {
  for (const k of m.keys()) {
    if (typeof k !== 'string') return false;
    const c = k.charCodeAt(0);
    if (c >= 48 && c <= 57 && ARRAY_INDEX.test(k)) return false;
  }
  return true;
}

/**
 * Writes values as YAML into an Output. Mappings are walked with for-in, which V8 serves from the
 * object's enum cache without allocating a key array; emitters build plain objects, so for-in
 * sees exactly their own keys.
 */
export class Writer extends Output {
  private range(v: object, start: number): void {
    const id = tagOf(v);
    if (id !== undefined) this.ranges.push({ elementId: id, startLine: start, endLine: this.line });
  }

  /** A document root. */
  root(v: unknown): void {
    if (typeof v !== 'object' || v === null) {
      this.scalarLine('', v, 1);
      return;
    }
    if (v instanceof StreamedMapping) {
      if (!this.streamed(v.entries, 0, undefined)) this.pushLine('{}\n');
      return;
    }
    const start = this.line + 1;
    if (Array.isArray(v)) {
      if (v.length === 0) this.pushLine('[]\n');
      else this.items(v, 0, DASH[0] as string);
    } else if (
      !(this.shapes && v.constructor === Object && this.shaped(v as Record<string, unknown>, 0, '', PLAIN_HEADS[0] as Heads)) &&
      !this.entries(objectOf(v), 0, '', PLAIN_HEADS[0], undefined)
    )
      this.pushLine('{}\n');
    this.range(v, start);
  }

  /**
   * Writes a scalar after `head` ("key: ", "- ", or "" at the root); multi-line text becomes a
   * literal block indented at `blockDepth` when that reads back exactly.
   */
  private scalarLine(head: string, v: unknown, blockDepth: number): void {
    if (typeof v === 'string' && v.includes('\n')) {
      ensureDepth(blockDepth);
      const block = literalBlock(v, INDENT[blockDepth] as string);
      if (block) {
        this.push(head, `${block[0]}\n`);
        for (let i = 1; i < block.length; i++) this.pushLine(`${block[i]}\n`);
        return;
      }
    }
    this.push(head, scalarRest(v));
  }

  /**
   * Writes the defined entries of `o` at depth `d`; the first line starts with `first` (looked up in
   * `firstHeads` when that is a usual prefix), and `header` ("key:") goes before it. Returns false,
   * writing nothing, when no entry is defined.
   */
  private entries(
    o: Record<string, unknown>,
    d: number,
    first: string,
    firstHeads: Heads | undefined,
    header: string | undefined,
  ): boolean {
    let written = false;
    for (const k in o) {
      const v = o[k];
      if (v === undefined) continue;
      let head: Head;
      if (written) head = cachedHead(PLAIN_HEADS[d] as Heads, INDENT[d] as string, k);
      else {
        written = true;
        if (header !== undefined) this.pushLine(header);
        ensureDepth(d + 1);
        head = firstHeads ? cachedHead(firstHeads, first, k) : makeHead(first, k);
      }
      this.entry(head, v, d);
    }
    return written;
  }

  /**
   * Writes the entries of a streamed mapping at depth `d` as they come, as entries() writes those
   * of an object (a root, or a key's value when `header` is given). Returns false when none is defined.
   */
  private streamed(entries: Iterable<readonly [string, unknown]>, d: number, header: string | undefined): boolean {
    let written = false;
    ensureDepth(d + 1);
    for (const [k, v] of entries) {
      if (v === undefined) continue;
      if (v instanceof Rendered) {
        // Entries written earlier at this depth (the key is only a placeholder).
        if (v.lines === 0) continue;
        if (!written && header !== undefined) this.pushLine(header);
        written = true;
        this.pushRendered(v);
        continue;
      }
      if (!written && header !== undefined) this.pushLine(header);
      written = true;
      const head = cachedHead(PLAIN_HEADS[d] as Heads, INDENT[d] as string, k);
      if (this.shapes && typeof v === 'object' && v !== null && v.constructor === Object) {
        // A service of Compose's `services:`: its entries through a shape when one fits.
        const start = this.line + 1;
        ensureDepth(d + 2);
        if (this.shaped(v as Record<string, unknown>, d + 1, INDENT[d + 1] as string, PLAIN_HEADS[d + 1] as Heads, head.openLine)) {
          this.range(v, start);
          continue;
        }
      }
      if (!(v instanceof StreamedMapping)) this.entry(head, v, d);
      else if (!this.streamed(v.entries, d + 1, head.openLine)) this.push(head.inline, '{}\n');
    }
    return written;
  }

  private entry(head: Head, v: unknown, d: number): void {
    if (typeof v !== 'object' || v === null) {
      if (typeof v === 'string' || (typeof v === 'number' && !Object.is(v, -0)) || typeof v === 'boolean') {
        // One cached piece for the whole line when this key has had this value before (-0 is
        // left out: a Map takes it for 0, which is written differently).
        let line = head.lines.get(v);
        if (line === undefined && head.lines.size < LINES_PER_HEAD && (typeof v !== 'string' || !v.includes('\n'))) {
          line = flat(head.inline, scalarRest(v));
          head.lines.set(v, line);
        }
        if (line !== undefined) {
          this.pushLine(line);
          return;
        }
      }
      this.scalarLine(head.inline, v, d + 1);
      return;
    }
    const start = this.line + 1;
    const form = v instanceof Filled ? this.form(v, d + 1, 'entry') : undefined;
    if (form) {
      this.pushLine(head.openLine);
      this.fill(form, (v as Filled).values);
    } else if (v instanceof Map && inObjectOrder(v)) {
      // A mapping whose keys are data (service names): a Map writes as the object with its
      // entries would, without a hidden class per key order. Rendered values are not allowed in it.
      if (!this.mapEntries(v, d + 1, head.openLine)) this.push(head.inline, '{}\n');
    } else if (Array.isArray(v)) {
      // Compact form (as kubectl writes): the items of a mapping's sequence at the key's indent.
      if (v.length === 0) this.push(head.inline, '[]\n');
      else {
        this.pushLine(head.openLine);
        this.items(v, d, DASH[d] as string);
      }
    } else if (!this.entries(objectOf(v), d + 1, INDENT[d + 1] as string, PLAIN_HEADS[d + 1], head.openLine))
      this.push(head.inline, '{}\n');
    this.range(v, start);
  }

  /**
   * The entries of a Map at depth `d` after `header`, as streamed() writes them, taken with
   * forEach: no iterator, no entry pair per key. Returns false when none is defined.
   */
  private mapEntries(m: Map<string, unknown>, d: number, header: string): boolean {
    let written = false;
    ensureDepth(d + 1);
    m.forEach((v, k) => {
      if (v === undefined) return;
      if (!written) this.pushLine(header);
      written = true;
      const head = cachedHead(PLAIN_HEADS[d] as Heads, INDENT[d] as string, k);
      if (!(v instanceof StreamedMapping)) this.entry(head, v, d);
      else if (!this.streamed(v.entries, d + 1, head.openLine)) this.push(head.inline, '{}\n');
    });
    return written;
  }

  /** Writes the entries of a streamed mapping at depth `d`, without a header (see renderEntries). */
  entriesAt(m: StreamedMapping, d: number): void {
    this.streamed(m.entries, d, undefined);
  }

  /** Items of a sequence at depth `d`; the first line starts with `first` (a "- " prefix). */
  private items(items: unknown[], d: number, first: string): void {
    ensureDepth(d + 1);
    for (let i = 0; i < items.length; i++) {
      const v = items[i];
      this.item(v === undefined ? null : v, d, i === 0 ? first : (DASH[d] as string));
    }
  }

  private item(v: unknown, d: number, dash: string): void {
    if (typeof v !== 'object' || v === null) {
      // As for keys: recurring string items at the usual indent ("- --port") are cached whole lines.
      if (typeof v === 'string' && dash === DASH[d]) {
        const lines = DASH_LINES[d] as Map<string, string>;
        let line = lines.get(v);
        if (line === undefined && lines.size < DASH_LINES_MAX && !v.includes('\n')) {
          line = flat(dash, scalarRest(v));
          lines.set(v, line);
        }
        if (line !== undefined) {
          this.pushLine(line);
          return;
        }
      }
      this.scalarLine(dash, v, d + 1);
      return;
    }
    const start = this.line + 1;
    if (Array.isArray(v)) {
      if (v.length === 0) this.push(dash, '[]\n');
      else this.items(v, d + 1, `${dash}- `);
    } else {
      const heads = dash === DASH[d] ? DASHED_HEADS[d + 1] : undefined;
      const form = v instanceof Filled && dash === DASH[d] ? this.form(v, d, 'item') : undefined;
      if (form) this.fill(form, (v as Filled).values);
      else if (!this.entries(objectOf(v), d + 1, dash, heads, undefined)) this.push(dash, '{}\n');
    }
    this.range(v, start);
  }

  /** Shapes in use (a plain compile's writer; see shape.ts). */
  shapes = false;
  private readonly families: (Map<number, Shape[]> | null | undefined)[] = [];
  private familySize: number[] = [];
  // What the last walk collected, per line: kind, lead, heads, fixed text, key, value.
  private readonly wKind: LineKind[] = [];
  private readonly wLead: string[] = [];
  private readonly wHeads: (Heads | undefined)[] = [];
  private readonly wPre: string[] = [];
  private readonly wKey: string[] = [];
  private readonly wVal: unknown[] = [];
  private wN = 0;
  private wHash = 0;
  /** Lines of text walked so far (a template use's pieces may hold several per collected line). */
  private wLine = 0;
  // Source ranges met by the walk, numbered from the shape's first line (1).
  private readonly wRangeId: string[] = [];
  private readonly wRangeStart: number[] = [];
  private readonly wRangeEnd: number[] = [];

  /**
   * Writes the entries of `o` at depth `d` (first line after `first`, its head from `firstHeads`)
   * as entries() would, through a shape of this writer's (shape.ts). Returns false, writing
   * nothing, when the object cannot be written that way (then entries() writes it).
   */
  private shaped(o: Record<string, unknown>, d: number, first: string, firstHeads: Heads, header?: string): boolean {
    let family = this.families[d];
    if (family === null) return false;
    this.wN = 0;
    this.wHash = 0;
    this.wLine = 0;
    this.wRangeId.length = 0;
    this.wRangeStart.length = 0;
    this.wRangeEnd.length = 0;
    if (!this.wEntries(o, d, first, firstHeads) || this.wN === 0) return false;
    const n = this.wN;
    const h = this.wHash;
    if (family === undefined) family = this.families[d] = new Map();
    const candidates = family.get(h);
    if (candidates !== undefined) {
      for (const s of candidates) {
        if (s.lines.length === n && this.fits(s)) {
          this.writeShape(s, header);
          return true;
        }
      }
    }
    if ((this.familySize[d] ?? 0) >= MAX_SHAPES) return false;
    for (let i = 0; i < n; i++) {
      const v = this.wVal[i];
      if (typeof v === 'string' && v.includes('\n')) return false;
    }
    const lines: Line[] = [];
    for (let i = 0; i < n; i++)
      lines.push(
        new Line(
          this.wKind[i] as LineKind,
          this.wLead[i] as string,
          this.wHeads[i],
          this.wPre[i] as string,
          this.wKey[i] as string,
          this.wVal[i],
        ),
      );
    const s = new Shape(lines, this.wLine);
    // The shape's text is the plain writer's, checked once per shape; were it not, shapes stay off here.
    const plain = new Writer();
    plain.entries(o, d, first, firstHeads, undefined);
    if (plain.text() !== s.runs[0] || plain.line !== s.lineCount || !this.sameRanges(plain.ranges)) {
      this.families[d] = null;
      return false;
    }
    if (candidates) candidates.push(s);
    else family.set(h, [s]);
    this.familySize[d] = (this.familySize[d] ?? 0) + 1;
    this.writeShape(s, header);
    return true;
  }

  private sameRanges(ranges: readonly { elementId: string; startLine: number; endLine: number }[]): boolean {
    if (ranges.length !== this.wRangeId.length) return false;
    for (let i = 0; i < ranges.length; i++) {
      const r = ranges[i] as { elementId: string; startLine: number; endLine: number };
      if (r.elementId !== this.wRangeId[i] || r.startLine !== this.wRangeStart[i] || r.endLine !== this.wRangeEnd[i]) return false;
    }
    return true;
  }

  /** Whether the walked lines fit shape `s`; keys and values that differ from its own become holes. */
  private fits(s: Shape): boolean {
    const lines = s.lines;
    const n = this.wN;
    for (let i = 0; i < n; i++) {
      const l = lines[i] as Line;
      if (l.kind !== this.wKind[i] || l.lead !== this.wLead[i] || l.heads !== this.wHeads[i] || l.pre !== this.wPre[i]) return false;
    }
    let changed = false;
    for (let i = 0; i < n; i++) {
      const l = lines[i] as Line;
      const v = this.wVal[i];
      if (l.valueHole) {
        if (typeof v === 'string' && v.includes('\n')) return false;
      } else if (!same(l.value, v)) {
        if (typeof v === 'string' && v.includes('\n')) return false;
        changed = true;
      }
      if (!l.keyHole && l.key !== this.wKey[i]) changed = true;
    }
    if (changed) {
      for (let i = 0; i < n; i++) {
        const l = lines[i] as Line;
        if (!l.valueHole && !same(l.value, this.wVal[i])) l.valueHole = true;
        if (!l.keyHole && l.key !== this.wKey[i]) l.keyHole = true;
      }
      s.build();
    }
    return true;
  }

  /** Writes the walked object through shape `s`: its constant runs with the holes' renderings between them. */
  private writeShape(s: Shape, header: string | undefined): void {
    if (header !== undefined) this.pushLine(header);
    const base = this.line;
    const { runs, holeLine, holeKind, lines } = s;
    const first = runs[0] as string;
    if (first.length > 0) this.piece(first);
    for (let i = 0; i < holeLine.length; i++) {
      const at = holeLine[i] as number;
      const kind = holeKind[i];
      if (kind === VALUE_HOLE) this.piece(scalarRest(this.wVal[at]));
      else {
        const head = headOf(lines[at] as Line, this.wKey[at] as string);
        this.piece(kind === HEAD_OPEN ? head.openLine : head.inline);
      }
      const r = runs[i + 1] as string;
      if (r.length > 0) this.piece(r);
    }
    this.line += s.lineCount;
    for (let i = 0; i < this.wRangeId.length; i++)
      this.ranges.push({
        elementId: this.wRangeId[i] as string,
        startLine: base + (this.wRangeStart[i] as number),
        endLine: base + (this.wRangeEnd[i] as number),
      });
  }

  /** Collects one line of the walk. */
  private wPush(kind: LineKind, lead: string, heads: Heads | undefined, pre: string, key: string, value: unknown): void {
    const i = this.wN++;
    this.wKind[i] = kind;
    this.wLead[i] = lead;
    this.wHeads[i] = heads;
    this.wPre[i] = pre;
    this.wKey[i] = key;
    this.wVal[i] = value;
    this.wHash = (Math.imul(this.wHash, 31) + kind * 1009 + lead.length * 97 + pre.length) | 0;
  }

  private wRange(v: object, start: number): void {
    const id = tagOf(v);
    if (id !== undefined) {
      this.wRangeId.push(id);
      this.wRangeStart.push(start);
      this.wRangeEnd.push(this.wLine);
    }
  }

  /** The walk of entries(): the lines it would write, collected (false: a value no shape can take). */
  private wEntries(o: Record<string, unknown>, d: number, first: string, firstHeads: Heads | undefined): boolean {
    let written = false;
    for (const k in o) {
      const v = o[k];
      if (v === undefined) continue;
      let lead: string;
      let heads: Heads | undefined;
      if (written) {
        lead = INDENT[d] as string;
        heads = PLAIN_HEADS[d];
      } else {
        written = true;
        ensureDepth(d + 1);
        lead = first;
        heads = firstHeads;
      }
      if (!this.wEntry(lead, heads, k, v, d)) return false;
    }
    return true;
  }

  /** The walk of entry(). */
  private wEntry(lead: string, heads: Heads | undefined, k: string, v: unknown, d: number): boolean {
    if (typeof v !== 'object' || v === null) {
      if (typeof v === 'function' || typeof v === 'symbol') return false;
      this.wPush(KV, lead, heads, '', k, v);
      this.wLine++;
      return true;
    }
    if (v instanceof Rendered || v instanceof StreamedMapping) return false;
    const start = this.wLine + 1;
    const form = v instanceof Filled ? this.form(v, d + 1, 'entry') : undefined;
    if (form) {
      this.wPush(KOPEN, lead, heads, '', k, undefined);
      this.wLine++;
      this.wFill(form, (v as Filled).values);
    } else if (v instanceof Map && inObjectOrder(v)) {
      if (!mapHasDefined(v)) {
        this.wPush(KEMPTY, lead, heads, '{}\n', k, undefined);
        this.wLine++;
      } else {
        this.wPush(KOPEN, lead, heads, '', k, undefined);
        this.wLine++;
        ensureDepth(d + 2);
        let ok = true;
        const at = d + 1;
        v.forEach((x, key) => {
          if (!ok || x === undefined) return;
          if (x instanceof StreamedMapping) ok = false;
          else ok = this.wEntry(INDENT[at] as string, PLAIN_HEADS[at], key, x, at);
        });
        if (!ok) return false;
      }
    } else if (Array.isArray(v)) {
      if (v.length === 0) {
        this.wPush(KEMPTY, lead, heads, '[]\n', k, undefined);
        this.wLine++;
      } else {
        this.wPush(KOPEN, lead, heads, '', k, undefined);
        this.wLine++;
        if (!this.wItems(v, d, DASH[d] as string)) return false;
      }
    } else {
      const o = objectOf(v);
      if (!hasDefined(o)) {
        this.wPush(KEMPTY, lead, heads, '{}\n', k, undefined);
        this.wLine++;
      } else {
        this.wPush(KOPEN, lead, heads, '', k, undefined);
        this.wLine++;
        if (!this.wEntries(o, d + 1, INDENT[d + 1] as string, PLAIN_HEADS[d + 1])) return false;
      }
    }
    this.wRange(v, start);
    return true;
  }

  /** The walk of items(). */
  private wItems(items: unknown[], d: number, first: string): boolean {
    ensureDepth(d + 1);
    for (let i = 0; i < items.length; i++) {
      const v = items[i];
      if (!this.wItem(v === undefined ? null : v, d, i === 0 ? first : (DASH[d] as string))) return false;
    }
    return true;
  }

  /** The walk of item(). */
  private wItem(v: unknown, d: number, dash: string): boolean {
    if (typeof v !== 'object' || v === null) {
      if (typeof v === 'function' || typeof v === 'symbol') return false;
      this.wPush(ITEM, '', undefined, dash, '', v);
      this.wLine++;
      return true;
    }
    if (v instanceof Rendered || v instanceof StreamedMapping) return false;
    const start = this.wLine + 1;
    if (Array.isArray(v)) {
      if (v.length === 0) {
        this.wPush(FIXED, '', undefined, `${dash}[]\n`, '', undefined);
        this.wLine++;
      } else if (!this.wItems(v, d + 1, `${dash}- `)) return false;
    } else {
      const heads = dash === DASH[d] ? DASHED_HEADS[d + 1] : undefined;
      const form = v instanceof Filled && dash === DASH[d] ? this.form(v, d, 'item') : undefined;
      if (form) this.wFill(form, (v as Filled).values);
      else {
        const o = objectOf(v);
        if (!hasDefined(o)) {
          this.wPush(FIXED, '', undefined, `${dash}{}\n`, '', undefined);
          this.wLine++;
        } else if (!this.wEntries(o, d + 1, dash, heads)) return false;
      }
    }
    this.wRange(v, start);
    return true;
  }

  /** The walk of fill(): a template use's pieces and values. */
  private wFill(form: Form, values: readonly unknown[]): void {
    const { pieces } = form;
    for (let i = 0; i < values.length; i++) this.wPush(RAW, '', undefined, pieces[i] as string, '', values[i]);
    this.wPush(FIXED, '', undefined, pieces[values.length] as string, '', undefined);
    const offset = this.wLine;
    for (const x of form.ranges) {
      this.wRangeId.push(x.elementId);
      this.wRangeStart.push(x.startLine + offset);
      this.wRangeEnd.push(x.endLine + offset);
    }
    this.wLine += form.lines;
  }

  /**
   * The form of a template use as an item of a sequence at depth d (`- ` at DASH[d]) or as the
   * entries at depth d of a key's value, made on first use; undefined when the use cannot take it.
   */
  private form(f: Filled, d: number, at: 'item' | 'entry'): Form | undefined {
    if (!f.fits()) return undefined;
    const t: Template<unknown[]> = f.template;
    const forms = at === 'item' ? t.itemForms : t.entryForms;
    let form = forms[d];
    if (form === undefined) {
      const w = new Writer();
      ensureDepth(d + 1);
      if (at === 'item') w.item(t.sample(), d, DASH[d] as string);
      else w.entries(t.sample() as Record<string, unknown>, d, INDENT[d] as string, PLAIN_HEADS[d], undefined);
      form = Form.cut(w.text(), w.line, w.ranges, t.holes) ?? null;
      forms[d] = form;
    }
    return form ?? undefined;
  }
}
