import { type Blueprint, diag, type ReadLimits, type Result, readYamlDocuments } from '@blaupause/model';
import { importCompose } from './compose/import-compose';
import { detectFormat, FORMAT_NAMES } from './detect';
import { importKubernetesDocuments } from './kubernetes/import-kubernetes';

export { type DotenvParsed, type DotenvProblem, readDotenv } from './compose/dotenv';
export { importCompose, importComposeWithReport } from './compose/import-compose';
export { detectFormat, FORMAT_NAMES, type SourceFormat } from './detect';
export { importKubernetes, importKubernetesDocuments, type KubernetesImportOptions } from './kubernetes/import-kubernetes';

export interface ImportOptions {
  file?: string;
  /** Compose interpolation variables. */
  env?: Record<string, string>;
  /** Blueprint name (default: from the file). */
  name?: string;
  limits?: Partial<ReadLimits>;
  /** Compose `env_file` contents, by the reference as written (see ImportComposeOptions). */
  readEnvFile?: (ref: string) => Record<string, string> | undefined;
  /** The Compose project folder's name (the default blueprint name, as Compose's project name). */
  folderName?: string;
}

/**
 * Imports a Compose file or Kubernetes YAML, whichever the first document is. A blueprint is
 * refused with WRONG_FORMAT: it needs no import (the caller loads it as it is).
 */
export function importAny(text: string, opts: ImportOptions = {}): Result<Blueprint> {
  const read = readYamlDocuments(text, { ...(opts.file ? { file: opts.file } : {}), ...(opts.limits ? { limits: opts.limits } : {}) });
  if (!read.ok) return read;
  const at = opts.file ? { source: { file: opts.file, line: 1, col: 1 } } : {};
  const first = read.value[0];
  if (!first)
    return {
      ok: false,
      diagnostics: [
        ...read.diagnostics,
        diag('EMPTY_DOCUMENT', 'error', [], 'The file holds no document (it is empty or only comments).', at),
      ],
    };
  const format = detectFormat(first.value);
  switch (format) {
    case 'kubernetes':
      return importKubernetesDocuments(read.value, opts, read.diagnostics);
    case 'compose':
      // The Compose importer reads the text itself (interpolation happens before parsing).
      return importCompose(text, {
        ...(opts.file ? { file: opts.file } : {}),
        ...(opts.env ? { env: opts.env } : {}),
        ...(opts.name ? { name: opts.name } : {}),
        ...(opts.limits ? { limits: opts.limits } : {}),
        ...(opts.readEnvFile ? { readEnvFile: opts.readEnvFile } : {}),
        ...(opts.folderName ? { folderName: opts.folderName } : {}),
      });
    case 'blueprint':
      return {
        ok: false,
        diagnostics: [
          ...read.diagnostics,
          diag('WRONG_FORMAT', 'error', [], `The file is ${FORMAT_NAMES.blueprint}, not a file to import.`, {
            hint: 'Open or load it as a blueprint; only Compose files and Kubernetes YAML are imported.',
            ...at,
          }),
        ],
      };
    default:
      return {
        ok: false,
        diagnostics: [
          ...read.diagnostics,
          diag('UNKNOWN_FORMAT', 'error', [], 'The file is neither a blueprint, a Compose file nor Kubernetes YAML.', {
            hint: 'A Compose file has a services: mapping; Kubernetes YAML has apiVersion and kind.',
            ...at,
          }),
        ],
      };
  }
}
