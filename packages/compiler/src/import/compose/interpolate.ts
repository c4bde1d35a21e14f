import type { Path } from '@blaupause/model';
import type { ImportContext, Obj } from './context';
import { bracedTemplate, evaluate, parseTemplate, references } from './template';

/**
 * Phase 2: interpolation of every string value (keys are never interpolated; `x-` extensions
 * are user metadata and left alone). Without an env the text stays as written, since blueprint
 * strings share the syntax (only `$NAME` gets its braces), and every variable becomes a parameter. With an env the values come
 * from it only (never the process environment) and the result is still a template: "$$" stays.
 */
export function interpolate(root: Obj, ctx: ImportContext): Obj {
  const env = ctx.options.env;
  const visit = (s: string, path: Path): string => {
    if (env === undefined) {
      const parsed = parseTemplate(s);
      if (!parsed.ok) syntaxError(ctx, path, s, parsed.error);
      else for (const ref of references(s)) ctx.declare(ref.name, ref.op, ref.arg);
      return bracedTemplate(s);
    }
    const r = evaluate(s, {
      lookup: (name) => (Object.hasOwn(env, name) ? env[name] : undefined),
      mode: 'template',
      onUnset: (name) =>
        ctx.report(
          'INTERPOLATION_UNSET',
          'warning',
          path,
          `The variable ${name} is not set; ${path.join('.')} uses an empty string in its place.`,
          `Give ${name} a value, or write \${${name}:-default}.`,
        ),
      onRequired: (name, message) =>
        ctx.error(
          'INTERPOLATION_REQUIRED',
          path,
          `The variable ${name} must be set for ${path.join('.')}${message ? `: ${message}` : '.'}`,
          `Give ${name} a value.`,
        ),
    });
    if (r.ok) return r.value;
    syntaxError(ctx, path, s, r.error);
    return s;
  };
  // The walk only ever changes strings holding a "$"; a text without one (nor one escaped in a
  // double-quoted scalar) has none, and one native scan of the text replaces a walk over every value.
  if (!mayHoldDollar(ctx.text)) return root;
  return walk(root, [], visit) as Obj;
}

/** Whether some string read from `text` may contain "$": written as such, or as \x24, \u0024 or \U00000024. */
export function mayHoldDollar(text: string): boolean {
  return text.includes('$') || (text.includes('\\') && /\\(?:x24|u0024|U00000024)/.test(text));
}

function syntaxError(ctx: ImportContext, path: Path, s: string, error: string): void {
  ctx.error(
    'INTERPOLATION_SYNTAX',
    path,
    `Invalid interpolation in ${path.join('.')}: ${error} (in ${JSON.stringify(s)}).`,
    'Write ${NAME} or ${NAME:-default}; escape a literal "$" as "$$".',
  );
}

/** Rebuilds only what changed: an unchanged subtree is returned as the same object (no cloning). */
function walk(v: unknown, path: (string | number)[], visit: (s: string, path: Path) => string): unknown {
  if (typeof v === 'string') return v.includes('$') ? visit(v, [...path]) : v;
  if (Array.isArray(v)) {
    let out: unknown[] | undefined;
    for (let i = 0; i < v.length; i++) {
      path.push(i);
      const x = walk(v[i], path, visit);
      path.pop();
      if (x === v[i]) continue;
      out ??= [...v];
      out[i] = x;
    }
    return out ?? v;
  }
  if (v !== null && typeof v === 'object') {
    let out: Obj | undefined;
    // Keys, not entries: this runs on every mapping of the file, and entries() builds a pair per key.
    for (const k of Object.keys(v)) {
      if (k.startsWith('x-')) continue;
      const child = (v as Obj)[k];
      path.push(k);
      const x = walk(child, path, visit);
      path.pop();
      if (x === child) continue;
      out ??= { ...(v as Obj) };
      out[k] = x;
    }
    return out ?? v;
  }
  return v;
}
