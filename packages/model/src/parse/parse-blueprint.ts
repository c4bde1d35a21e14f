import type { z } from 'zod';
import { type Diagnostic, diag, type Path, type Result } from '../diagnostics/diagnostic';
import { elementIdForPath } from '../ids';
import { Blueprint } from '../schema/blueprint';
import type { YamlSource } from '../source/read-yaml';

/**
 * Turns an untrusted value (parsed YAML or JSON) into a Blueprint: schema errors become
 * diagnostics with paths (and source positions when the YAML source is given); unknown keys
 * are warnings, dropped from the result, never fatal.
 */
export function parseBlueprint(value: unknown, source?: YamlSource): Result<Blueprint> {
  const diagnostics: Diagnostic[] = [];
  let input = value;
  // Unknown keys are warnings, never fatal, even beside real errors: report each, remove it from a
  // copy, and parse again (a few rounds at most, in case removing keys lets more of the document parse).
  for (let round = 0; round < 8; round++) {
    const r = Blueprint.safeParse(input);
    if (r.success) return { ok: true, value: r.data, diagnostics };
    const unknown = r.error.issues.filter((i) => i.code === 'unrecognized_keys');
    const others = r.error.issues.filter((i) => i.code !== 'unrecognized_keys');
    if (unknown.length > 0) input = structuredCloneJson(input);
    for (const issue of unknown) {
      for (const key of (issue as z.core.$ZodIssueUnrecognizedKeys).keys) {
        const path = [...issue.path.map(seg), key];
        diagnostics.push(
          withSource(
            diag('UNKNOWN_KEY', 'warning', path, `Unknown key "${key}" is ignored.`, {
              elementId: elementIdForPath(path, value),
              hint: 'Check the spelling against the blueprint format reference (docs/blueprint-format.md).',
            }),
            source,
          ),
        );
        deleteAt(input, path);
      }
    }
    if (others.length > 0 || unknown.length === 0) {
      for (const issue of others) diagnostics.push(...issueToDiagnostics(issue, value, source));
      return { ok: false, diagnostics };
    }
  }
  return { ok: false, diagnostics };
}

const seg = (p: PropertyKey): string | number => (typeof p === 'number' ? p : String(p));

function issueToDiagnostics(issue: z.core.$ZodIssue, doc: unknown, source?: YamlSource): Diagnostic[] {
  const path = issue.path.map(seg);
  if (issue.code === 'invalid_union' && issue.errors.length > 0) {
    // Report the branch that got furthest rather than one line per alternative.
    const best = [...issue.errors].sort((a, b) => a.length - b.length)[0] ?? [];
    if (best.length > 0 && best.every((i) => i.code !== 'invalid_union'))
      return best.flatMap((i) => issueToDiagnostics({ ...i, path: [...issue.path, ...i.path] }, doc, source));
  }
  // zod issues carry no input by default: whether the value is missing is read from the document.
  const code = !exists(doc, path) ? 'SCHEMA_REQUIRED' : issue.code === 'invalid_type' ? 'SCHEMA_TYPE' : 'SCHEMA_VALUE';
  const where = path.length ? path.join('.') : 'the document';
  const message = code === 'SCHEMA_REQUIRED' ? `${where} is required.` : `${where}: ${issue.message}`;
  return [withSource(diag(code, 'error', path, message, { elementId: elementIdForPath(path, doc) }), source)];
}

function exists(doc: unknown, path: Path): boolean {
  let node = doc;
  for (const key of path) {
    if (node === null || typeof node !== 'object' || !Object.hasOwn(node, key)) return false;
    node = (node as Record<string | number, unknown>)[key];
  }
  return node !== undefined;
}

function withSource(d: Diagnostic, source?: YamlSource): Diagnostic {
  const pos = source?.positionOf(d.path);
  return pos ? { ...d, source: pos } : d;
}

function structuredCloneJson<T>(v: T): T {
  return JSON.parse(JSON.stringify(v)) as T;
}

function deleteAt(root: unknown, path: Path): void {
  let node = root as Record<string | number, unknown> | undefined;
  for (let i = 0; i < path.length - 1; i++) node = node?.[path[i] as string] as Record<string | number, unknown> | undefined;
  if (node && typeof node === 'object') delete node[path[path.length - 1] as string];
}
