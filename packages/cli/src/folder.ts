import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parseDotenv } from './dotenv';
import { readUserFile } from './files';
import { fileProblem, type Reported } from './report';

/**
 * A folder named where a file is expected: the Compose project kept the usual way. The Compose
 * file is found by Compose's own names (in its order of preference), `.env` beside it gives the
 * values for ${VAR} (never the process environment), and the folder is the blueprint's base for
 * bind sources and config files. A file path is returned as it is.
 */
export const COMPOSE_NAMES = ['compose.yaml', 'compose.yml', 'docker-compose.yml', 'docker-compose.yaml'] as const;

export type OpenedInput =
  | { ok: true; file: string; baseDir?: string; env?: Record<string, string>; envFile?: string }
  | { ok: false; diagnostics: Reported[] };

export function openInput(path: string, envFile?: string): OpenedInput {
  if (!isDir(path)) return { ok: true, file: path };
  const found = COMPOSE_NAMES.map((n) => join(path, n)).find((f) => existsSync(f));
  if (!found)
    return {
      ok: false,
      diagnostics: [
        fileProblem(
          path,
          'FILE_UNREADABLE',
          `This folder holds no Compose file (${COMPOSE_NAMES.join(', ')}).`,
          'Name the blueprint or Compose file itself, or a folder holding compose.yaml.',
        ),
      ],
    };
  const dotenv = envFile ?? join(path, '.env');
  if (envFile === undefined && !existsSync(dotenv)) return { ok: true, file: found, baseDir: path };
  const read = readUserFile(dotenv);
  if (!read.ok) return { ok: false, diagnostics: [read.diagnostic] };
  const parsed = parseDotenv(read.text, dotenv);
  if (parsed.diagnostics.length) return { ok: false, diagnostics: parsed.diagnostics };
  return { ok: true, file: found, baseDir: path, env: parsed.env, envFile: dotenv };
}

function isDir(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}
