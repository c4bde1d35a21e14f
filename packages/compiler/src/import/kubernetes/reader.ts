import type { Path } from '@blaupause/model';

export type Obj = Record<string, unknown>;

export const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/** A value of the wrong type (e.g. `replicas: "three"`): reported, not imported. */
export interface TypeProblem {
  path: Path;
  expected: string;
}

/** A key counts as a server default when its value equals one of these (or passes the predicate). */
export type DefaultSpec = unknown[] | ((v: unknown) => boolean);

/**
 * Reads one mapping of a Kubernetes object and remembers which keys were used. Whatever was
 * never used is, by construction, what the importer did not carry: `unread()` lists those
 * keys by exact path, so the report cannot drift from the code that does the importing.
 */
export class Cursor {
  private readonly used = new Set<string>();
  private readonly children: Cursor[] = [];

  constructor(
    readonly value: Obj,
    readonly path: Path,
    private readonly problems: TypeProblem[],
  ) {}

  has(key: string): boolean {
    return Object.hasOwn(this.value, key) && this.value[key] !== undefined;
  }

  peek(key: string): unknown {
    return Object.hasOwn(this.value, key) ? this.value[key] : undefined;
  }

  keys(): string[] {
    return Object.keys(this.value);
  }

  /** Marks a key as carried (or deliberately dropped) without looking inside it. */
  take(key: string): unknown {
    this.used.add(key);
    return this.peek(key);
  }

  /** Marks keys whose value equals what the API server fills in by default: nothing to carry. */
  defaults(table: Record<string, DefaultSpec>): void {
    for (const [key, spec] of Object.entries(table)) {
      if (!this.has(key)) continue;
      const v = this.value[key];
      if (typeof spec === 'function' ? spec(v) : spec.some((d) => deepEqual(d, v))) this.used.add(key);
    }
  }

  str(key: string): string | undefined {
    return this.typed(key, 'a string', (v): v is string => typeof v === 'string');
  }

  int(key: string): number | undefined {
    return this.typed(key, 'an integer', (v): v is number => Number.isInteger(v));
  }

  bool(key: string): boolean | undefined {
    return this.typed(key, 'true or false', (v): v is boolean => typeof v === 'boolean');
  }

  /** An integer or a string (Kubernetes IntOrString: ports by name, percentages). */
  intOrStr(key: string): number | string | undefined {
    return this.typed(key, 'an integer or a string', (v): v is number | string => Number.isInteger(v) || typeof v === 'string');
  }

  strList(key: string): string[] | undefined {
    return this.typed(key, 'a list of strings', (v): v is string[] => Array.isArray(v) && v.every((s) => typeof s === 'string'));
  }

  /** A string → string mapping (labels, annotations, selectors); whole, all keys carried. */
  strMap(key: string): Record<string, string> | undefined {
    return this.typed(
      key,
      'a mapping of strings',
      (v): v is Record<string, string> => isObj(v) && Object.values(v).every((s) => typeof s === 'string'),
    );
  }

  /** A nested mapping read key by key; its unread keys are reported. Null counts as empty. */
  map(key: string): Cursor | undefined {
    const v = this.peek(key);
    this.used.add(key);
    if (v === undefined || v === null) return undefined;
    if (!isObj(v)) return this.problem(key, 'a mapping');
    return this.child(v, [...this.path, key]);
  }

  /** A list of mappings, each read key by key. */
  list(key: string): Cursor[] {
    const v = this.peek(key);
    this.used.add(key);
    if (v === undefined || v === null) return [];
    if (!Array.isArray(v)) return this.problem(key, 'a list') ?? [];
    const out: Cursor[] = [];
    v.forEach((item, i) => {
      if (isObj(item)) out.push(this.child(item, [...this.path, key, i]));
      else this.problems.push({ path: [...this.path, key, i], expected: 'a mapping' });
    });
    return out;
  }

  /** Paths of every key never used, here and in the mappings read below. */
  unread(out: Path[] = []): Path[] {
    for (const key of Object.keys(this.value)) if (!this.used.has(key)) out.push([...this.path, key]);
    for (const c of this.children) c.unread(out);
    return out;
  }

  private child(v: Obj, path: Path): Cursor {
    const c = new Cursor(v, path, this.problems);
    this.children.push(c);
    return c;
  }

  private typed<T>(key: string, expected: string, ok: (v: unknown) => v is T): T | undefined {
    const v = this.peek(key);
    this.used.add(key);
    if (v === undefined || v === null) return undefined;
    if (ok(v)) return v;
    return this.problem(key, expected);
  }

  private problem(key: string, expected: string): undefined {
    this.problems.push({ path: [...this.path, key], expected });
    return undefined;
  }
}

/** Structural equality of plain YAML values (small objects: probes, default values). */
export function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a)) return Array.isArray(b) && a.length === b.length && a.every((x, i) => deepEqual(x, b[i]));
  if (!isObj(a) || !isObj(b) || Array.isArray(b)) return false;
  const ka = Object.keys(a);
  if (ka.length !== Object.keys(b).length) return false;
  return ka.every((k) => Object.hasOwn(b, k) && deepEqual(a[k], b[k]));
}
