import { readDotenv } from '@blaupause/compiler';
import type { Reported } from './report';

/**
 * A .env file the user names with --env-file (or a folder's .env), read by the compiler's
 * readDotenv (Compose's format; a bare `KEY` line is an error, since the process environment is
 * never read); its problems as ENV_FILE_SYNTAX diagnostics at their line and column.
 */
export interface DotenvResult {
  env: Record<string, string>;
  diagnostics: Reported[];
}

export function parseDotenv(text: string, file: string): DotenvResult {
  const { env, problems } = readDotenv(text);
  const diagnostics: Reported[] = problems.map((p) => ({
    code: 'ENV_FILE_SYNTAX',
    severity: 'error',
    path: [],
    message: p.message,
    file,
    source: { file, line: p.line, col: p.col },
    ...(p.hint ? { hint: p.hint } : {}),
  }));
  return { env, diagnostics };
}
