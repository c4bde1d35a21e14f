import { detectFormat, importAny } from '@blaupause/compiler';
import {
  type Blueprint,
  type Diagnostic,
  diag,
  loadBlueprint,
  loadBlueprintValue,
  type Path,
  readYaml,
  readYamlDocuments,
  type SourcePosition,
  type YamlSource,
} from '@blaupause/model';
import { type Reported, reported } from './report';

/**
 * One input file, whatever it is: a blueprint is loaded (read, migrated, parsed, validated);
 * a Compose or Kubernetes file is imported first and the blueprint it gives is validated.
 * This is the only module that knows the model's and the importers' entry points.
 */
export type InputKind = 'blueprint' | 'compose' | 'kubernetes';

export interface LoadedInput {
  kind?: InputKind;
  /** The blueprint in canonical form (defaults filled in): what the compiler takes. */
  blueprint?: Blueprint;
  /** Imports only: the blueprint as the importer wrote it (without defaults), what `import` prints. */
  document?: Blueprint;
  diagnostics: Reported[];
  /** Blueprints only: where a document path is in the file (fidelity notes carry paths only). */
  positionOf?: (path: Path) => SourcePosition | undefined;
}

export interface LoadOptions {
  /** Values for ${VAR} in Compose files (from --env-file); never the process environment. */
  env?: Record<string, string>;
  /** The blueprint name for an import. */
  name?: string;
  /** Compose env_file contents (a folder opened in place: folder.ts). */
  readEnvFile?: (ref: string) => Record<string, string> | undefined;
  /** The Compose project folder's name (default blueprint name). */
  folderName?: string;
}

const BLUEPRINT_FILE = /\.blueprint\.(ya?ml|json)$/i;

export function loadInput(file: string, text: string, opts: LoadOptions = {}): LoadedInput {
  if (BLUEPRINT_FILE.test(file)) return loadBlueprintFile(file, text);
  const sniffed = sniff(file, text);
  if ('diagnostics' in sniffed) return { diagnostics: sniffed.diagnostics };
  return sniffed.kind === 'blueprint' ? loadBlueprintFile(file, text) : importFile(file, text, sniffed.kind, opts);
}

/** Looks at the first document: the importers' detectFormat decides what the file is. */
function sniff(file: string, text: string): { kind: InputKind } | { diagnostics: Reported[] } {
  const docs = readYamlDocuments(text, { file });
  if (!docs.ok) return { diagnostics: reported(file, docs.diagnostics) };
  const first = docs.value[0];
  const at = first?.positionOf([]) ?? { file, line: 1, col: 1 };
  if (first === undefined)
    return { diagnostics: [problem(file, 'EMPTY_DOCUMENT', 'The file holds no document (it is empty or only comments).', at)] };
  const format = detectFormat(first.value);
  if (format !== 'unknown') return { kind: format };
  const hint =
    'A blueprint starts with "apiVersion: blaupause.dev/v1"; a Compose file has "services:"; Kubernetes YAML has apiVersion and kind.';
  return { diagnostics: [problem(file, 'UNKNOWN_FORMAT', 'This is neither a blueprint, a Compose file nor Kubernetes YAML.', at, hint)] };
}

const problem = (file: string, code: 'EMPTY_DOCUMENT' | 'UNKNOWN_FORMAT', message: string, source: SourcePosition, hint?: string) =>
  reported(file, [diag(code, 'error', [], message, { source, ...(hint ? { hint } : {}) })])[0] as Reported;

function loadBlueprintFile(file: string, text: string): LoadedInput {
  const loaded = loadBlueprint(text, { file });
  return {
    kind: 'blueprint',
    ...(loaded.blueprint ? { blueprint: loaded.blueprint } : {}),
    diagnostics: reported(file, loaded.diagnostics),
    positionOf: lazyPositions(text, file),
  };
}

/** Positions for paths that only the compiler names (fidelity notes): the file is read again only if asked. */
function lazyPositions(text: string, file: string): (path: Path) => SourcePosition | undefined {
  let source: YamlSource | undefined | null = null;
  return (path) => {
    if (source === null) {
      const read = readYaml(text, { file });
      source = read.ok ? read.value : undefined;
    }
    return source?.positionOf(path);
  };
}

/**
 * Compose or Kubernetes → blueprint, then the blueprint's own checks: an import can succeed and
 * still give a blueprint with problems (a name clash, a dangerous setting), and the user should
 * see those before compiling it. Their paths are blueprint paths, so they carry no position.
 */
function importFile(file: string, text: string, kind: InputKind, opts: LoadOptions): LoadedInput {
  const imported = importAny(text, {
    file,
    ...(opts.env ? { env: opts.env } : {}),
    ...(opts.name ? { name: opts.name } : {}),
    ...(opts.readEnvFile ? { readEnvFile: opts.readEnvFile } : {}),
    ...(opts.folderName ? { folderName: opts.folderName } : {}),
  });
  if (!imported.ok) return { kind, diagnostics: reported(file, imported.diagnostics) };
  const checked = loadBlueprintValue(imported.value);
  const diagnostics = dedupe([...imported.diagnostics, ...checked.diagnostics]);
  return {
    kind,
    document: imported.value,
    ...(checked.blueprint ? { blueprint: checked.blueprint } : {}),
    diagnostics: reported(file, diagnostics),
  };
}

function dedupe(ds: readonly Diagnostic[]): Diagnostic[] {
  const seen = new Set<string>();
  return ds.filter((d) => {
    const key = `${d.code}\u0000${d.path.join('\u0000')}\u0000${d.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
