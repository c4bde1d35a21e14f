import { importAny } from '@blaupause/compiler';
import { type Blueprint, type Diagnostic, loadBlueprint } from '@blaupause/model';

// For useOpenFile, which loads this module on first use: validation stays out of the initial chunk.
export { validate } from '@blaupause/model';

export interface Opened {
  /** Absent when the file could not be read as a blueprint, a Compose file or Kubernetes YAML. */
  blueprint?: Blueprint;
  /** What reading, importing or validating reported: keys that could not be carried, errors. */
  diagnostics: Diagnostic[];
  /** What the file was. */
  format: 'blueprint' | 'imported';
}

/**
 * A file's text as a document: a blueprint is loaded as it is; a Compose file or Kubernetes YAML
 * is imported (every key that cannot be carried is reported). Never throws.
 */
export function openText(text: string, file: string): Opened {
  const imported = importAny(text, { file });
  if (imported.ok) return { blueprint: imported.value, diagnostics: imported.diagnostics, format: 'imported' };
  if (!imported.diagnostics.some((d) => d.code === 'WRONG_FORMAT')) return { diagnostics: imported.diagnostics, format: 'imported' };
  const loaded = loadBlueprint(text, { file });
  return { ...(loaded.blueprint ? { blueprint: loaded.blueprint } : {}), diagnostics: loaded.diagnostics, format: 'blueprint' };
}
