import { type SourceRange, tag, tagOf } from './source-tag';

/**
 * An object of fixed shape whose scalar leaves vary: `build(...values)` makes it. The writer
 * writes it once with placeholder values, keeps that text cut at the placeholders, and from
 * then on writes each use as the constant pieces with the values' own renderings between them:
 * a few pieces instead of a line (and its cache lookups) at a time, and no object built. The
 * text is the writer's own rendering, so a use reads exactly as writing `build(...values)`
 * would; a use the cut text cannot give (a value that is not a one-line scalar, or a position
 * no form was made for) is written as that object. `build` must give the same shape for every
 * value it is meant for, and the values must be its only varying parts.
 *
 * Forms are made per position and depth: an item of a block sequence (`- key: …`, the
 * Kubernetes wait containers) or a key's value (`labels:` and the entries under it).
 */
const PLACEHOLDER = '__blaupause_template_hole_';

export class Template<A extends unknown[]> {
  /** Forms by the depth of the sequence they are items of (null: the text could not be cut). */
  readonly itemForms: (Form | null | undefined)[] = [];
  /** Forms by the depth of their entries, as the value of a key one level up (the key's line is not part of them). */
  readonly entryForms: (Form | null | undefined)[] = [];

  constructor(
    readonly build: (...values: A) => object,
    readonly holes: number,
  ) {}

  /** One use: written as `build(...values)` would be. Tag it to give the object a source range. */
  fill(...values: A): Filled {
    return new Filled(this as unknown as Template<unknown[]>, values);
  }

  /** Placeholder i: a plain scalar (so written as it is) no real value will be. */
  static placeholder(i: number): string {
    return `${PLACEHOLDER}${i}__`;
  }

  /** The placeholder object. */
  sample(): object {
    const values: unknown[] = [];
    for (let i = 0; i < this.holes; i++) values.push(Template.placeholder(i));
    return this.build(...(values as A));
  }
}

/** A use of a template. */
export class Filled {
  constructor(
    readonly template: Template<unknown[]>,
    readonly values: readonly unknown[],
  ) {}

  /** Whether every value can go where its placeholder was: one-line scalars only (undefined would drop its key). */
  fits(): boolean {
    for (const v of this.values) {
      if (typeof v === 'string') {
        if (v.includes('\n')) return false;
      } else if (typeof v !== 'number' && typeof v !== 'boolean') return false;
    }
    return true;
  }
}

/** A template written at one position: the text around its placeholders, its lines and ranges. */
export class Form {
  constructor(
    /** pieces[i] comes before value i; the last one after the last value (each value's rendering ends its line). */
    readonly pieces: readonly string[],
    readonly lines: number,
    readonly ranges: readonly SourceRange[],
  ) {}

  /** Cuts the placeholder rendering `text` at the placeholders; undefined when they do not appear once each, in order. */
  static cut(text: string, lines: number, ranges: readonly SourceRange[], holes: number): Form | undefined {
    if (lines === 0) return undefined; // an empty mapping: written as `{}` after its key
    const pieces: string[] = [];
    let from = 0;
    for (let i = 0; i < holes; i++) {
      const mark = `${Template.placeholder(i)}\n`;
      const at = text.indexOf(mark, from);
      if (at < 0 || text.indexOf(mark, at + 1) >= 0) return undefined;
      pieces.push(text.slice(from, at));
      from = at + mark.length;
    }
    pieces.push(text.slice(from));
    // A placeholder anywhere else (a key, inside a longer string) would be written as it is.
    if (pieces.some((p) => p.includes(PLACEHOLDER))) return undefined;
    return new Form(pieces, lines, ranges);
  }
}

/**
 * For code that reads emitter output as data (tests): `value` with every template use in it
 * replaced, in place, by the object it stands for (tagged as the use was).
 */
export function materialize<T>(value: T): T {
  if (value instanceof Filled) {
    const built = materialize(value.template.build(...value.values));
    const id = tagOf(value);
    return (id === undefined ? built : tag(built, id)) as T;
  }
  if (typeof value === 'object' && value !== null) {
    const o = value as Record<string, unknown>;
    for (const k in o) o[k] = materialize(o[k]);
  }
  return value;
}
