import { type Diagnostic, hasErrors, type Path, sortDiagnostics } from './diagnostics/diagnostic';
import { migrate } from './migrations';
import { parseBlueprint } from './parse/parse-blueprint';
import type { Blueprint } from './schema/blueprint';
import type { ReadLimits } from './source/limits';
import { readYaml, type YamlSource } from './source/read-yaml';
import { validate } from './validate/validate';

export interface LoadOptions {
  /** File name put into every diagnostic's source position. */
  file?: string;
  limits?: Partial<ReadLimits>;
}

/**
 * What loading a blueprint gives. Unlike Result, the blueprint comes back whenever the document
 * passed the schema, even when semantic checks found errors: the canvas keeps showing an
 * invalid-but-parseable blueprint with its problems, while the CLI and the server refuse to
 * compile or deploy when `ok` is false.
 */
export interface LoadResult {
  /** No error among the diagnostics (reading, migration, schema or semantics). */
  ok: boolean;
  /** The blueprint in the current format; absent only when reading, migrating or the schema failed. */
  blueprint?: Blueprint;
  /** Every diagnostic, sorted (sortDiagnostics), with source positions when read from text. */
  diagnostics: Diagnostic[];
  /** The apiVersion the document was migrated from, when it was older than the current one. */
  migratedFrom?: string;
}

/** Text (YAML or JSON) → read with budgets → migrate → schema → semantic validation. Never throws. */
export function loadBlueprint(text: string, opts: LoadOptions = {}): LoadResult {
  const read = readYaml(text, opts);
  if (!read.ok) return { ok: false, diagnostics: sortDiagnostics(read.diagnostics) };
  const r = loadBlueprintValue(read.value.value, read.value);
  const diagnostics = sortDiagnostics([...read.diagnostics, ...r.diagnostics]);
  return { ...r, ok: !hasErrors(diagnostics), diagnostics };
}

/**
 * The same pipeline for a value already parsed (a JSON body, the canvas's document). With the
 * YamlSource it came from, diagnostics get source positions.
 */
export function loadBlueprintValue(value: unknown, source?: YamlSource): LoadResult {
  const m = migrate(value);
  const migratedFrom = m.migratedFrom ? { migratedFrom: m.migratedFrom } : {};
  // Migration diagnostics point into the input; later ones into the migrated document.
  const early = m.diagnostics.map((d) => located(d, d.path, source));
  if (hasErrors(m.diagnostics) && m.diagnostics.some((d) => d.code === 'UNSUPPORTED_VERSION'))
    return { ok: false, diagnostics: sortDiagnostics(early) };
  const parsed = parseBlueprint(m.value);
  const schema = parsed.diagnostics.map((d) => located(d, m.sourcePath(d.path), source));
  if (!parsed.ok) return { ok: false, diagnostics: sortDiagnostics([...early, ...schema]), ...migratedFrom };
  const semantic = validate(parsed.value).map((d) => located(d, m.sourcePath(d.path), source));
  const diagnostics = sortDiagnostics([...early, ...schema, ...semantic]);
  return { ok: !hasErrors(diagnostics), blueprint: parsed.value, diagnostics, ...migratedFrom };
}

function located(d: Diagnostic, sourcePath: Path, source?: YamlSource): Diagnostic {
  const pos = source?.positionOf(sourcePath);
  return pos ? { ...d, source: pos } : d;
}
