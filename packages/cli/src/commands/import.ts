import { blueprintYaml } from '@blaupause/compiler';
import { parseDotenv } from '../dotenv';
import { readUserFile } from '../files';
import { loadOpened, openInput } from '../folder';
import type { Outcome } from '../outcome';

export interface ImportArgs {
  file: string;
  envFile?: string;
  name?: string;
}

/**
 * Compose or Kubernetes → blueprint YAML; the blueprint is written whenever the importer made one.
 * A folder: its Compose file, with its `.env` (or --env-file) for ${VAR}.
 */
export function importCommand(args: ImportArgs): Outcome {
  const opened = openInput(args.file, args.envFile);
  if (!opened.ok) return { diagnostics: opened.diagnostics, files: [args.file] };
  const { file } = opened;
  const envFile = opened.envFile ?? args.envFile;
  const files = envFile ? [file, envFile] : [file];
  let { env } = opened;
  if (opened.baseDir === undefined && args.envFile) {
    const envRead = readUserFile(args.envFile);
    if (!envRead.ok) return { diagnostics: [envRead.diagnostic], files };
    const parsed = parseDotenv(envRead.text, args.envFile);
    if (parsed.diagnostics.length) return { diagnostics: parsed.diagnostics, files };
    env = parsed.env;
  }
  const { input } = loadOpened({ ...opened, ...(env ? { env } : {}) }, args.name ? { name: args.name } : {});
  if (input.kind === 'blueprint')
    return {
      diagnostics: [
        {
          code: 'WRONG_FORMAT',
          severity: 'error',
          path: [],
          message: 'This file is already a blueprint; import reads Compose files and Kubernetes YAML.',
          hint: 'Use "blaupause validate" or "blaupause compile" on a blueprint.',
          file,
          source: { file, line: 1, col: 1 },
        },
      ],
      files,
    };
  const made = input.document ?? input.blueprint;
  return { diagnostics: input.diagnostics, files, ...(made ? { output: blueprintYaml(made) } : {}) };
}
