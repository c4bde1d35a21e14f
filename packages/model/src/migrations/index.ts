import { type Diagnostic, diag, type Path } from '../diagnostics/diagnostic';
import { API_VERSION } from '../schema/blueprint';
import { isRecord, type Migration } from './types';
import { v1alpha1 } from './v1alpha1';

/** Every migration step, oldest first; each takes a document one version closer to API_VERSION. */
export const MIGRATIONS: readonly Migration[] = [v1alpha1];

export interface MigrateResult {
  value: unknown;
  diagnostics: Diagnostic[];
  /** Maps a path of the migrated document to the same thing in the input (identity without migration). */
  sourcePath: (path: Path) => Path;
  /** The input's apiVersion when a migration ran. */
  migratedFrom?: string;
}

const identity = (p: Path): Path => p;

/**
 * Brings a document of an older apiVersion to the current one, step by step. Documents of the
 * current version (and values that are no blueprint at all: the schema reports those) pass through
 * untouched; an unknown or newer apiVersion gives UNSUPPORTED_VERSION (an error: nothing else is read).
 */
export function migrate(value: unknown): MigrateResult {
  const version = isRecord(value) ? value.apiVersion : undefined;
  if (typeof version !== 'string' || version === API_VERSION) return { value, diagnostics: [], sourcePath: identity };
  const diagnostics: Diagnostic[] = [];
  let doc = value as Record<string, unknown>;
  let sourcePath = identity;
  const changes: string[] = [];
  for (let step = findStep(version); step; step = findStep(String(doc.apiVersion))) {
    const r = step.up(doc);
    const outer = sourcePath;
    // Diagnostics of a later step point into its input; map them back to the original document.
    diagnostics.push(...r.diagnostics.map((d) => ({ ...d, path: [...outer(d.path)] })));
    sourcePath = (p) => outer(r.sourcePath(p));
    changes.push(...r.changes);
    doc = r.value;
  }
  if (doc.apiVersion !== API_VERSION) return { value, diagnostics: [unsupported(version)], sourcePath: identity };
  diagnostics.push(
    diag(
      'MIGRATED',
      'info',
      ['apiVersion'],
      `The blueprint was migrated from ${version} to ${API_VERSION}${changes.length ? ` (${changes.join('; ')})` : ''}.`,
      {
        elementId: 'blueprint',
        hint: 'Save the blueprint to write it in the current format.',
      },
    ),
  );
  return { value: doc, diagnostics, sourcePath, migratedFrom: version };
}

const findStep = (version: string) => MIGRATIONS.find((m) => m.from === version);

const VERSION = /^blaupause\.dev\/v(\d+)(?:(alpha|beta)(\d+))?$/;

/** Kubernetes-style order: v1alpha1 < v1beta1 < v1 < v2alpha1 < v2. */
function rank(version: string): number | undefined {
  const m = VERSION.exec(version);
  if (!m) return undefined;
  const stage = m[2] === 'alpha' ? 0 : m[2] === 'beta' ? 1 : 2;
  return Number(m[1]) * 1e6 + stage * 1e3 + Number(m[3] ?? 0);
}

function unsupported(version: string): Diagnostic {
  const r = rank(version);
  const newer = r !== undefined && r > (rank(API_VERSION) ?? 0);
  const message = newer
    ? `The apiVersion ${version} is newer than this Blaupause reads (${API_VERSION}).`
    : r !== undefined
      ? `The apiVersion ${version} is not a version Blaupause knows (it reads ${API_VERSION} and migrates ${MIGRATIONS.map((m) => m.from).join(', ')}).`
      : `The apiVersion ${version} is not a blueprint version.`;
  const hint = newer
    ? 'Update Blaupause, or write the blueprint for apiVersion blaupause.dev/v1.'
    : r !== undefined
      ? `Set apiVersion: ${API_VERSION} and check the file against docs/blueprint-format.md.`
      : `A blueprint starts with apiVersion: ${API_VERSION}; Compose and Kubernetes files are imported instead (blaupause import).`;
  return diag('UNSUPPORTED_VERSION', 'error', ['apiVersion'], message, { elementId: 'blueprint', hint });
}
