import { existsSync, realpathSync, statSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { resolveFileRef } from '@blaupause/model';
import { parseDotenv } from './dotenv';
import { readUserFile } from './files';
import { type LoadedInput, loadInput } from './load-input';
import { fileProblem, type Reported } from './report';

/**
 * A folder named where a file is expected: the Compose project kept the usual way. The Compose
 * file is found by Compose's own names (in its order of preference), `.env` beside it gives the
 * values for ${VAR} (never the process environment), services' `env_file`s are read inside the
 * folder (resolveFileRef: nothing outside, no link out), and the folder is the blueprint's base
 * for bind sources and config files. A file path is returned as it is.
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

/**
 * Reads and loads an opened input. For a folder, env_files are read there; `envFilesRead`
 * collects the references that were read (the bundle packs them).
 */
export function loadOpened(
  opened: Extract<OpenedInput, { ok: true }>,
  opts: { name?: string; envFilesRead?: string[] } = {},
): { input: LoadedInput; text?: string } {
  const { file } = opened;
  const read = readUserFile(file);
  if (!read.ok) return { input: { diagnostics: [read.diagnostic] } };
  const problems: Reported[] = [];
  const readEnvFile = opened.baseDir === undefined ? undefined : envFileReader(opened.baseDir, problems, opts.envFilesRead);
  const input = loadInput(file, read.text, {
    ...(opened.env ? { env: opened.env } : {}),
    ...(opts.name ? { name: opts.name } : {}),
    ...(readEnvFile ? { readEnvFile } : {}),
    ...(opened.baseDir !== undefined ? { folderName: basename(resolve(opened.baseDir)) } : {}),
  });
  return { input: { ...input, diagnostics: [...problems, ...input.diagnostics] }, text: read.text };
}

function envFileReader(baseDir: string, problems: Reported[], seen: string[] | undefined) {
  return (ref: string): Record<string, string> | undefined => {
    const r = resolveFileRef(ref, { baseDir: resolve(baseDir), realpath: realpathOf });
    if (!r.ok || !existsSync(r.path)) return undefined;
    const read = readUserFile(r.path);
    if (!read.ok) {
      problems.push(read.diagnostic);
      return undefined;
    }
    const parsed = parseDotenv(read.text, r.path);
    problems.push(...parsed.diagnostics);
    seen?.push(ref);
    return parsed.env;
  };
}

function realpathOf(path: string): string | undefined {
  try {
    return realpathSync(path);
  } catch {
    return undefined;
  }
}

function isDir(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}
