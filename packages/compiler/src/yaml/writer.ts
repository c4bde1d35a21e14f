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
import { tagOf } from './source-tag';
import { StreamedMapping } from './streamed';
import { Filled, Form, type Template } from './template';

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
    } else if (!this.entries(objectOf(v), 0, '', PLAIN_HEADS[0], undefined)) this.pushLine('{}\n');
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
