import { appendFileSync } from 'node:fs';
import type { Context } from './trpc';

/**
 * `BLAUPAUSE_AUDIT_LOG=FILE`: one line per procedure the server runs (`<ISO time> <type> <path>`),
 * appended before its input is parsed — nothing else (no input, no token, no address). What a
 * refused request never reaches; the cross-origin browser test reads it to prove zero executions.
 */
export function auditLog(file: string | undefined): Context['audit'] | undefined {
  if (!file) return undefined;
  return ({ path, type }) => appendFileSync(file, `${new Date().toISOString()} ${type} ${path}\n`, { mode: 0o600 });
}
