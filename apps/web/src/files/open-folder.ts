import { importAny, readDotenv } from '@blaupause/compiler';
import { type Diagnostic, diag, resolveFileRef } from '@blaupause/model';
import type { Opened } from './open-text';

/** Compose's own names for its file, in its order of preference. */
export const COMPOSE_NAMES = ['compose.yaml', 'compose.yml', 'docker-compose.yml', 'docker-compose.yaml'] as const;

/** A file of the picked folder: its path inside the folder ("conf/app.env") and its text. */
export interface FolderFile {
  path: string;
  text: string;
}

/**
 * A Compose project folder the user picked (`<input webkitdirectory>`), opened as the CLI opens
 * one: its Compose file, `.env` for ${VAR} (never anything else), services' env_files read inside
 * the folder (the model's resolveFileRef: nothing outside). No server involved.
 */
export function openFolderFiles(files: readonly FolderFile[], folderName?: string): Opened & { file?: string } {
  const byPath = new Map(files.map((f) => [f.path, f.text]));
  const file = COMPOSE_NAMES.find((n) => byPath.has(n));
  if (!file)
    return {
      format: 'imported',
      diagnostics: [
        diag('FILE_UNREADABLE', 'error', [], `The folder holds no Compose file (${COMPOSE_NAMES.join(', ')}).`, {
          hint: 'Pick the folder that holds compose.yaml, or open the file itself.',
        }),
      ],
    };
  const diagnostics: Diagnostic[] = [];
  let env: Record<string, string> | undefined;
  const dotenv = byPath.get('.env');
  if (dotenv !== undefined) {
    const read = readDotenv(dotenv);
    env = read.env;
    for (const p of read.problems)
      diagnostics.push(
        diag('ENV_FILE_SYNTAX', 'error', [], p.message, {
          source: { file: '.env', line: p.line, col: p.col },
          ...(p.hint ? { hint: p.hint } : {}),
        }),
      );
    if (read.problems.length) return { format: 'imported', diagnostics, file };
  }
  const readEnvFile = (ref: string) => {
    const r = resolveFileRef(ref, { baseDir: '/project' });
    const text = r.ok ? byPath.get(r.path.slice('/project/'.length)) : undefined;
    if (text === undefined) return undefined;
    const read = readDotenv(text);
    for (const p of read.problems)
      diagnostics.push(diag('ENV_FILE_SYNTAX', 'error', [], p.message, { source: { file: ref, line: p.line, col: p.col } }));
    return read.env;
  };
  const imported = importAny(byPath.get(file) ?? '', { file, ...(env ? { env } : {}), ...(folderName ? { folderName } : {}), readEnvFile });
  return {
    ...(imported.ok ? { blueprint: imported.value } : {}),
    diagnostics: [...diagnostics, ...imported.diagnostics],
    format: 'imported',
    file,
  };
}
