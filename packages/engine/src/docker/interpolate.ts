import type { Blueprint } from '@blaupause/model';

/**
 * Compose-style ${NAME} interpolation with the blueprint's parameter defaults, done here because
 * the Engine API takes final values (the compiler leaves references for Compose to resolve).
 * Supports ${NAME}, ${NAME:-default}, ${NAME-default}, ${NAME:+alt}, ${NAME+alt}, ${NAME:?err},
 * ${NAME?err} and the "$$" escape. The environment of the backend is deliberately not read: a
 * deploy must not depend on who started the server.
 */
export type Values = ReadonlyMap<string, string>;

export function parameterValues(bp: Blueprint): Map<string, string> {
  const out = new Map<string, string>();
  for (const [k, p] of Object.entries(bp.parameters ?? {})) if (p.default !== undefined) out.set(k, p.default);
  return out;
}

export class InterpolationError extends Error {}

export function interpolate(s: string, values: Values): string {
  if (!s.includes('$')) return s;
  let out = '';
  let i = 0;
  while (i < s.length) {
    const ch = s[i] as string;
    if (ch !== '$') {
      out += ch;
      i++;
    } else if (s[i + 1] === '$') {
      out += '$';
      i += 2;
    } else if (s[i + 1] === '{') {
      const end = closingBrace(s, i + 2);
      if (end < 0) throw new InterpolationError(`unclosed "\${" in "${s}"`);
      out += resolve(s.slice(i + 2, end), values);
      i = end + 1;
    } else {
      out += ch;
      i++;
    }
  }
  return out;
}

/** The brace closing the reference at `from`, skipping nested ${...} inside defaults. */
function closingBrace(s: string, from: number): number {
  let depth = 1;
  for (let j = from; j < s.length; j++) {
    if (s[j] === '$' && s[j + 1] === '{') {
      depth++;
      j++;
    } else if (s[j] === '}' && --depth === 0) return j;
  }
  return -1;
}

function resolve(expr: string, values: Values): string {
  const m = /^([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-+?])([\s\S]*))?$/.exec(expr);
  if (!m) throw new InterpolationError(`invalid reference "\${${expr}}"`);
  const [, name = '', op, rest = ''] = m;
  const value = values.get(name);
  const empty = value === undefined || (op?.startsWith(':') === true && value === '');
  switch (op) {
    case ':-':
    case '-':
      return empty ? interpolate(rest, values) : (value as string);
    case ':+':
    case '+':
      return empty ? '' : interpolate(rest, values);
    case ':?':
    case '?':
      if (empty) throw new InterpolationError(`parameter ${name}: ${rest || 'required'}`);
      return value as string;
    default:
      return value ?? '';
  }
}

/** A deep copy of the blueprint's deployable sections with every string interpolated. */
export function interpolateBlueprint(bp: Blueprint, values: Values = parameterValues(bp)): Blueprint {
  const walk = (v: unknown): unknown => {
    if (typeof v === 'string') return interpolate(v, values);
    if (Array.isArray(v)) return v.map(walk);
    if (v && typeof v === 'object') {
      const o: Record<string, unknown> = {};
      for (const [k, x] of Object.entries(v)) o[k] = walk(x);
      return o;
    }
    return v;
  };
  return {
    ...bp,
    services: walk(bp.services) as Blueprint['services'],
    ...(bp.volumes ? { volumes: walk(bp.volumes) as Blueprint['volumes'] } : {}),
    ...(bp.networks ? { networks: walk(bp.networks) as Blueprint['networks'] } : {}),
    ...(bp.configs ? { configs: walk(bp.configs) as Blueprint['configs'] } : {}),
    ...(bp.secrets ? { secrets: walk(bp.secrets) as Blueprint['secrets'] } : {}),
  };
}
