/**
 * Compose interpolation syntax: $NAME, ${NAME}, ${NAME:-default}, ${NAME-default}, ${NAME:?error},
 * ${NAME?error}, ${NAME:+alt}, ${NAME+alt} (defaults may nest), and "$$" for a literal dollar.
 * Any other "$" is an error, as in compose-go ("You may need to escape any $ with another $").
 * Blueprint strings use the same syntax, so a template can be kept as written.
 */

export type Operator = ':-' | '-' | ':?' | '?' | ':+' | '+';

export type Part = { kind: 'text'; text: string } | { kind: 'dollar' } | { kind: 'var'; name: string; op?: Operator; arg?: string };

export type Parsed = { ok: true; parts: Part[] } | { ok: false; error: string };

const NAME = /^[A-Za-z_][A-Za-z0-9_]*/;
const OPERATORS: readonly Operator[] = [':-', ':?', ':+', '-', '?', '+'];

export function parseTemplate(s: string): Parsed {
  const parts: Part[] = [];
  let i = 0;
  while (i < s.length) {
    const j = s.indexOf('$', i);
    if (j < 0) {
      parts.push({ kind: 'text', text: s.slice(i) });
      break;
    }
    if (j > i) parts.push({ kind: 'text', text: s.slice(i, j) });
    const next = s[j + 1];
    if (next === '$') {
      parts.push({ kind: 'dollar' });
      i = j + 2;
    } else if (next === '{') {
      const end = closingBrace(s, j + 2);
      if (end < 0) return { ok: false, error: `"\${" at character ${j + 1} has no closing "}"` };
      const braced = parseBraced(s.slice(j + 2, end));
      if (!braced.ok) return braced;
      parts.push(braced.part);
      i = end + 1;
    } else {
      const m = NAME.exec(s.slice(j + 1));
      if (!m) return { ok: false, error: `"$" at character ${j + 1} starts no variable` };
      parts.push({ kind: 'var', name: m[0] });
      i = j + 1 + m[0].length;
    }
  }
  return { ok: true, parts };
}

function parseBraced(body: string): { ok: true; part: Part } | { ok: false; error: string } {
  const m = NAME.exec(body);
  if (!m) return { ok: false, error: `"\${${body}}" does not start with a variable name` };
  const rest = body.slice(m[0].length);
  if (rest === '') return { ok: true, part: { kind: 'var', name: m[0] } };
  const op = OPERATORS.find((o) => rest.startsWith(o));
  if (!op) return { ok: false, error: `"\${${body}}" has an unknown operator after ${m[0]}` };
  return { ok: true, part: { kind: 'var', name: m[0], op, arg: rest.slice(op.length) } };
}

/** Index of the "}" closing a "${" whose body starts at `from`; nested "${...}" and "$$" are skipped. */
function closingBrace(s: string, from: number): number {
  let depth = 0;
  for (let k = from; k < s.length; k++) {
    const c = s[k];
    if (c === '$' && (s[k + 1] === '$' || s[k + 1] === '{')) {
      if (s[k + 1] === '{') depth++;
      k++;
    } else if (c === '}') {
      if (depth === 0) return k;
      depth--;
    }
  }
  return -1;
}

export interface EvalHooks {
  /** The value of a variable; undefined when unset. */
  lookup(name: string): string | undefined;
  /**
   * literal: the result is plain text ("$$" becomes "$").
   * template: the result is still a template ("$$" stays, and a "$" inside a substituted value is escaped).
   */
  mode: 'literal' | 'template';
  onUnset?(name: string): void;
  onRequired?(name: string, message: string): void;
}

export type Evaluated = { ok: true; value: string } | { ok: false; error: string };

/** Substitutes every variable; unset ones become "" (after onUnset), as Compose does. */
export function evaluate(s: string, hooks: EvalHooks): Evaluated {
  const parsed = parseTemplate(s);
  if (!parsed.ok) return parsed;
  let out = '';
  for (const part of parsed.parts) {
    if (part.kind === 'text') out += part.text;
    else if (part.kind === 'dollar') out += hooks.mode === 'literal' ? '$' : '$$';
    else {
      const r = evalVar(part, hooks);
      if (!r.ok) return r;
      out += r.value;
    }
  }
  return { ok: true, value: out };
}

function evalVar(part: Extract<Part, { kind: 'var' }>, hooks: EvalHooks): Evaluated {
  const raw = hooks.lookup(part.name);
  const value = raw === undefined ? undefined : hooks.mode === 'template' ? raw.split('$').join('$$') : raw;
  const set = value !== undefined;
  const nonEmpty = set && value !== '';
  const arg = () => evaluate(part.arg ?? '', hooks);
  switch (part.op) {
    case undefined:
      if (!set) hooks.onUnset?.(part.name);
      return { ok: true, value: value ?? '' };
    case ':-':
      return nonEmpty ? { ok: true, value } : arg();
    case '-':
      return set ? { ok: true, value } : arg();
    case ':?':
    case '?':
      if (part.op === ':?' ? nonEmpty : set) return { ok: true, value: value as string };
      hooks.onRequired?.(part.name, part.arg ?? '');
      return { ok: true, value: '' };
    case ':+':
      return nonEmpty ? arg() : { ok: true, value: '' };
    case '+':
      return set ? arg() : { ok: true, value: '' };
  }
}

/** Every variable a template references, nested ones included, in order of appearance. */
export function references(s: string): Extract<Part, { kind: 'var' }>[] {
  const parsed = parseTemplate(s);
  if (!parsed.ok) return [];
  const out: Extract<Part, { kind: 'var' }>[] = [];
  for (const part of parsed.parts) {
    if (part.kind !== 'var') continue;
    out.push(part);
    if (part.arg && part.op !== '?' && part.op !== ':?') out.push(...references(part.arg));
  }
  return out;
}

/**
 * The template with every reference in braces: blueprints know `${NAME}` only (a bare `$NAME`
 * there is literal text), so `$HOME` becomes `${HOME}` to stay a reference.
 */
export function bracedTemplate(s: string): string {
  const parsed = parseTemplate(s);
  if (!parsed.ok) return s;
  let out = '';
  for (const part of parsed.parts) {
    if (part.kind === 'text') out += part.text;
    else if (part.kind === 'dollar') out += '$$';
    else {
      const message = part.op === '?' || part.op === ':?';
      const arg = part.arg === undefined ? '' : message ? part.arg : bracedTemplate(part.arg);
      out += `\${${part.name}${part.op ?? ''}${arg}}`;
    }
  }
  return out;
}
