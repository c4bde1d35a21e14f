import {
  type Blueprint,
  diag,
  loadBlueprint,
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
  blueprint?: Blueprint;
  diagnostics: Reported[];
  /** Blueprints only: where a document path is in the file (fidelity notes carry paths only). */
  positionOf?: (path: Path) => SourcePosition | undefined;
}

export interface LoadOptions {
  /** Values for ${VAR} in Compose files (from --env-file); never the process environment. */
  env?: Record<string, string>;
  /** The blueprint name for an import. */
  name?: string;
}

const BLUEPRINT_FILE = /\.blueprint\.(ya?ml|json)$/i;

export function loadInput(file: string, text: string, opts: LoadOptions = {}): LoadedInput {
  if (BLUEPRINT_FILE.test(file)) return loadBlueprintFile(file, text);
  const sniffed = sniff(file, text);
  if ('diagnostics' in sniffed) return { diagnostics: sniffed.diagnostics };
  return sniffed.kind === 'blueprint' ? loadBlueprintFile(file, text) : importFile(file, text, sniffed.kind, opts);
}

/** Looks at the first document: our apiVersion means a blueprint, else the importers decide. */
function sniff(file: string, text: string): { kind: InputKind } | { diagnostics: Reported[] } {
  const docs = readYamlDocuments(text, { file });
  if (!docs.ok) return { diagnostics: reported(file, docs.diagnostics) };
  const first = docs.value[0]?.value;
  if (first === undefined)
    return {
      diagnostics: reported(file, [
        diag('EMPTY_DOCUMENT', 'error', [], 'The file holds no document (it is empty or only comments).', {
          source: { file, line: 1, col: 1 },
        }),
      ]),
    };
  const apiVersion = (first as { apiVersion?: unknown } | null)?.apiVersion;
  if (typeof apiVersion === 'string' && apiVersion.startsWith('blaupause.dev/')) return { kind: 'blueprint' };
  const format = detect(first);
  if (format) return { kind: format };
  return {
    diagnostics: reported(file, [
      diag('UNKNOWN_FORMAT', 'error', [], 'This is neither a blueprint, a Compose file nor Kubernetes YAML.', {
        hint: 'A blueprint starts with "apiVersion: blaupause.dev/v1"; a Compose file has "services:"; Kubernetes YAML has apiVersion and kind.',
        source: docs.value[0]?.positionOf([]) ?? { file, line: 1, col: 1 },
      }),
    ]),
  };
}

// TODO(cli): replace with detectFormat from @blaupause/compiler once the importers land.
function detect(value: unknown): 'compose' | 'kubernetes' | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  const v = value as Record<string, unknown>;
  if (typeof v.apiVersion === 'string' && typeof v.kind === 'string') return 'kubernetes';
  if (typeof v.services === 'object' && v.services !== null) return 'compose';
  return undefined;
}

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

// TODO(cli): replace with importAny from @blaupause/compiler once it lands.
function importFile(file: string, _text: string, kind: InputKind, _opts: LoadOptions): LoadedInput {
  return {
    kind,
    diagnostics: [{ code: 'UNKNOWN_FORMAT', severity: 'error', path: [], message: `Importing ${kind} files is not available yet.`, file }],
  };
}
