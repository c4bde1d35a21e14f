import { DURATION, type Path } from '@blaupause/model';
import { dotted, type ImportContext, isObj, type Obj } from './context';
import { evaluate, references } from './template';

/**
 * Typed readers for Compose values. Wrong types are errors (Compose itself refuses the file);
 * scalars where a string is expected are stringified, as compose-go does.
 */

export function describe(v: unknown): string {
  if (v === null) return 'null';
  if (ArrayBuffer.isView(v)) return 'binary data';
  if (Array.isArray(v)) return 'a list';
  if (typeof v === 'object') return 'a mapping';
  return `${typeof v} ${JSON.stringify(v)}`;
}

export function typeError(ctx: ImportContext, path: Path, expected: string, v: unknown): void {
  ctx.error('SCHEMA_TYPE', path, `${dotted(path)} must be ${expected}, not ${describe(v)}.`);
}

/** A string field that keeps templates as written (image, env values, commands, paths). */
export function readText(ctx: ImportContext, v: unknown, path: Path): string | undefined {
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (v !== null && v !== undefined) typeError(ctx, path, 'a string', v);
  return undefined;
}

/**
 * The plain value where the blueprint needs a number, a choice or a name: no ${VAR} can stay
 * there, so a variable takes its default (reported as an approximation) and "$$" becomes "$".
 */
export function readLiteral(ctx: ImportContext, v: unknown, path: Path): string | undefined {
  const s = readText(ctx, v, path);
  if (s === undefined || !s.includes('$')) return s;
  const names = [...new Set(references(s).map((r) => r.name))];
  const r = evaluate(s, { lookup: () => undefined, mode: 'literal' });
  if (!r.ok) return undefined; // the interpolation phase reported the syntax error
  if (names.length === 0) return r.value;
  const vars = names.map((n) => `\${${n}}`).join(', ');
  const hint = 'Import with the variables given (an env file) to use their values.';
  if (r.value === '') {
    ctx.approximated(path, `${vars} cannot stay a parameter in this field and has no default; the setting was left out.`, hint);
    return undefined;
  }
  ctx.approximated(
    path,
    `${vars} cannot stay a parameter in this field; the value ${JSON.stringify(r.value)} (the default) was used.`,
    hint,
  );
  return r.value;
}

const TRUE_WORDS = new Set(['yes', 'y', 'on']);
const FALSE_WORDS = new Set(['no', 'n', 'off']);

export function readBool(ctx: ImportContext, v: unknown, path: Path): boolean | undefined {
  if (typeof v === 'boolean') return v;
  if (v === null || v === undefined) return undefined;
  const s = typeof v === 'string' ? readLiteral(ctx, v, path)?.toLowerCase() : undefined;
  if (typeof v === 'string' && s === undefined) return undefined;
  if (s === 'true' || s === 'false') return s === 'true';
  if (s !== undefined && (TRUE_WORDS.has(s) || FALSE_WORDS.has(s))) {
    const value = TRUE_WORDS.has(s);
    ctx.report(
      'AMBIGUOUS_BOOLEAN',
      'warning',
      path,
      `${dotted(path)}: "${v}" is a YAML 1.1 boolean word; it was read as ${value}.`,
      `Write ${value} instead.`,
    );
    return value;
  }
  typeError(ctx, path, 'true or false', v);
  return undefined;
}

export interface IntRange {
  min: number;
  max: number;
}

export function readInt(ctx: ImportContext, v: unknown, path: Path, range: IntRange): number | undefined {
  if (v === null || v === undefined) return undefined;
  let n: number | undefined;
  if (typeof v === 'number') n = v;
  else if (typeof v === 'string') {
    const s = readLiteral(ctx, v, path)?.trim();
    if (s === undefined) return undefined; // a ${VAR} without default: reported, left out
    if (/^[+-]?\d+$/.test(s)) n = Number(s);
  }
  if (n === undefined || !Number.isInteger(n)) {
    typeError(ctx, path, 'a whole number', v);
    return undefined;
  }
  if (n < range.min || n > range.max) {
    ctx.error('OUT_OF_RANGE', path, `${dotted(path)} is ${n}; it must lie between ${range.min} and ${range.max}.`);
    return undefined;
  }
  return n;
}

export function readNumber(ctx: ImportContext, v: unknown, path: Path): number | undefined {
  if (v === null || v === undefined) return undefined;
  const s = typeof v === 'number' ? v : typeof v === 'string' ? readLiteral(ctx, v, path)?.trim() : undefined;
  if (typeof v === 'string' && s === undefined) return undefined;
  const n = typeof s === 'number' ? s : s !== undefined && /^\d+(\.\d+)?$/.test(s) ? Number(s) : Number.NaN;
  if (Number.isFinite(n)) return n;
  typeError(ctx, path, 'a number', v);
  return undefined;
}

export function readList(ctx: ImportContext, v: unknown, path: Path): unknown[] | undefined {
  if (Array.isArray(v)) return v;
  if (v !== null && v !== undefined) typeError(ctx, path, 'a list', v);
  return undefined;
}

/** A mapping; null (a key written without a value) reads as absent. */
export function readMap(ctx: ImportContext, v: unknown, path: Path): Obj | undefined {
  if (isObj(v)) return v;
  if (v !== null && v !== undefined) typeError(ctx, path, 'a mapping', v);
  return undefined;
}

/** A string or a list of strings (Compose's string_or_list). */
export function readStringList(ctx: ImportContext, v: unknown, path: Path): string[] | undefined {
  if (typeof v === 'string') return [v];
  const list = readList(ctx, v, path);
  if (!list) return undefined;
  const out: string[] = [];
  list.forEach((item, i) => {
    const s = readText(ctx, item, [...path, i]);
    if (s !== undefined) out.push(s);
  });
  return out;
}

export interface Entry {
  key: string;
  /** Undefined for `KEY` without a value (list form) or `KEY:` with null (mapping form). */
  value: string | undefined;
  /** Path of the entry as written: the list item or the mapping key. */
  at: Path;
}

/** Compose's list_or_dict (environment, labels, build args): ["K=V", "K"] or {K: V}. */
export function readListOrDict(ctx: ImportContext, v: unknown, path: Path): Entry[] {
  const out: Entry[] = [];
  if (Array.isArray(v)) {
    v.forEach((item, i) => {
      const s = readText(ctx, item, [...path, i]);
      if (s === undefined) return;
      const eq = s.indexOf('=');
      out.push({ key: eq < 0 ? s : s.slice(0, eq), value: eq < 0 ? undefined : s.slice(eq + 1), at: [...path, i] });
    });
  } else if (isObj(v)) {
    for (const [key, value] of Object.entries(v)) {
      out.push({ key, value: value === null ? undefined : readText(ctx, value, [...path, key]), at: [...path, key] });
    }
  } else if (v !== null && v !== undefined) typeError(ctx, path, 'a list of KEY=VALUE or a mapping', v);
  return out;
}

export function readDuration(ctx: ImportContext, v: unknown, path: Path): string | undefined {
  const s = readLiteral(ctx, v, path)?.trim();
  if (s === undefined) return undefined;
  if (DURATION.test(s)) return s;
  ctx.error('SCHEMA_VALUE', path, `${dotted(path)} is "${s}", not a duration.`, 'Write a duration such as 10s, 1m30s or 500ms.');
  return undefined;
}

const BYTES = /^(\d+)(?:\.(\d+))?\s*([kmgtp])?i?b?$/i;
const UNIT: Record<string, bigint> = { '': 1n, k: 1024n, m: 1024n ** 2n, g: 1024n ** 3n, t: 1024n ** 4n, p: 1024n ** 5n };

/** A Docker byte value (units binary, as go-units' RAMInBytes reads them): 512m, 1.5G, 1073741824. */
export function parseBytes(s: string): bigint | undefined {
  const m = BYTES.exec(s.trim());
  if (!m) return undefined;
  const [, whole = '0', fraction = '', unit = ''] = m;
  const scale = 10n ** BigInt(fraction.length);
  return ((BigInt(whole) * scale + BigInt(fraction || '0')) * (UNIT[unit.toLowerCase()] as bigint)) / scale;
}

const QUANTITY_UNITS: readonly [string, bigint][] = [
  ['Gi', 1024n ** 3n],
  ['Mi', 1024n ** 2n],
  ['Ki', 1024n],
];

/** Bytes as a blueprint quantity: the largest binary unit that divides exactly (Docker's "g" is Kubernetes' Gi). */
export function bytesToQuantity(bytes: bigint): string {
  if (bytes === 0n) return '0';
  for (const [unit, size] of QUANTITY_UNITS) if (bytes % size === 0n) return `${bytes / size}${unit}`;
  return String(bytes);
}

export function readSize(ctx: ImportContext, v: unknown, path: Path): string | undefined {
  const s = readLiteral(ctx, v, path);
  if (s === undefined) return undefined;
  const bytes = parseBytes(s);
  if (bytes !== undefined) return bytesToQuantity(bytes);
  ctx.error('SCHEMA_VALUE', path, `${dotted(path)} is "${s}", not a size.`, 'Write a size such as 512m, 1g or 1073741824.');
  return undefined;
}
