import type { Path } from '../diagnostics/diagnostic';
import type { Blueprint } from '../schema/blueprint';
import type { Service } from '../schema/service';
import type { Ctx } from './context';

/** Whether a string holds a ${...} reference (the "$${" escape excluded). */
export function hasReference(s: string): boolean {
  const r = scanReferences(s);
  return r.names.length > 0 || r.malformed;
}

const NAME_START = /[A-Za-z_]/;
const NAME_CHAR = /[A-Za-z0-9_]/;
const AFTER_NAME = new Set(['}', ':', '-', '?', '+']);

/**
 * The parameter names a string references, Compose interpolation syntax: ${NAME}, ${NAME:-default},
 * ${NAME-default}, ${NAME:?error}, ${NAME?error}, ${NAME:+alt}, ${NAME+alt}, nested in defaults;
 * "$$" escapes a dollar. `malformed` when a ${ is not followed by a name and a closing brace.
 */
export function scanReferences(s: string): { names: string[]; malformed: boolean } {
  const names: string[] = [];
  let malformed = false;
  if (!s.includes('$')) return { names, malformed };
  for (let i = 0; i < s.length; i++) {
    if (s[i] !== '$') continue;
    if (s[i + 1] === '$') {
      i++;
      continue;
    }
    if (s[i + 1] !== '{') continue;
    let j = i + 2;
    if (!NAME_START.test(s[j] ?? '')) {
      malformed = true;
      continue;
    }
    while (j < s.length && NAME_CHAR.test(s[j] as string)) j++;
    if (!AFTER_NAME.has(s[j] ?? '') || s.indexOf('}', j) < 0) malformed = true;
    else names.push(s.slice(i + 2, j));
    i = j - 1;
  }
  return { names, malformed };
}

/** Parts of the blueprint that reach a target and are interpolated there; metadata and layout are not. */
const INTERPOLATED = ['services', 'volumes', 'networks', 'configs', 'secrets'] as const;

/** ${NAME} references must name a declared parameter; otherwise the value depends on the deploy environment. */
export function checkParameters(ctx: Ctx): void {
  const declared = declaredParameters(ctx.bp);
  // The same visits as walking the section: service by service, in document order.
  for (const [name, service] of ctx.services) serviceParameters(ctx, declared, name, service);
  documentParameters(ctx, declared);
}

/** The names of the blueprint's parameters. */
export const declaredParameters = (bp: Blueprint): ReadonlySet<string> => new Set(Object.keys(bp.parameters ?? {}));

/** checkParameters about one service (and the parameters `declared`). */
export function serviceParameters(ctx: Ctx, declared: ReadonlySet<string>, name: string, service: Service): void {
  for (const [s, below] of dollarStrings(service)) checkString(ctx, declared, s, ['services', name, ...below]);
}

/** checkParameters about the volumes, networks, configs and secrets. */
export function documentParameters(ctx: Ctx, declared: ReadonlySet<string>): void {
  for (const top of INTERPOLATED) {
    if (top === 'services') continue;
    const section = ctx.bp[top];
    if (section) walkStrings(section, [top], (s, path) => checkString(ctx, declared, s, path));
  }
}

/**
 * The strings holding a "$" under one service, with their paths below it — kept per service
 * object: documents are immutable (every edit makes new objects along its path), and the canvas's
 * analysis validates the whole document after each edit, where only the edited service is new.
 */
const dollarsOf = new WeakMap<object, ReadonlyArray<readonly [string, Path]>>();

function dollarStrings(service: object): ReadonlyArray<readonly [string, Path]> {
  let found = dollarsOf.get(service);
  if (!found) {
    const list: Array<readonly [string, Path]> = [];
    walkStrings(service, [], (s, path) => list.push([s, path]));
    found = list;
    dollarsOf.set(service, found);
  }
  return found;
}

function checkString(ctx: Ctx, declared: ReadonlySet<string>, s: string, path: Path): void {
  const { names, malformed } = scanReferences(s);
  for (const name of new Set(names))
    if (!declared.has(name))
      ctx.report(
        'UNKNOWN_PARAMETER',
        'warning',
        path,
        `\${${name}} at ${path.join('.')} names no parameter of the blueprint.`,
        `Declare it under parameters (parameters.${name}.default sets a value), or write $\${${name}} for a literal "\${${name}}".`,
      );
  if (malformed)
    ctx.report(
      'INTERPOLATION_SYNTAX',
      'warning',
      path,
      `The value at ${path.join('.')} holds a malformed \${...} expression.`,
      'Write ${NAME} or ${NAME:-default} with a closing brace, or "$$" for a literal dollar sign.',
    );
}

/**
 * Calls `visit` for every string value (not keys) under `value` that holds a "$", with its path.
 * The path is one mutable stack, copied only for the few strings visited: this runs on every value.
 */
function walkStrings(value: unknown, path: (string | number)[], visit: (s: string, path: Path) => void): void {
  if (typeof value === 'string') {
    if (value.includes('$')) visit(value, [...path]);
  } else if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      path.push(i);
      walkStrings(value[i], path, visit);
      path.pop();
    }
  } else if (value !== null && typeof value === 'object') {
    for (const k of Object.keys(value)) {
      path.push(k);
      walkStrings((value as Record<string, unknown>)[k], path, visit);
      path.pop();
    }
  }
}
