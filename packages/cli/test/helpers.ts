import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, distFile } from '../scripts/build.mjs';

export const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), 'fixtures');
export const BIN = join(dirname(fileURLToPath(import.meta.url)), '..', 'bin', 'blaupause.mjs');

/** Builds the bundle the tests run (once per test file, in beforeAll). */
export const buildCli = (): Promise<string> => build();

export interface CliRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs the built CLI as a child process (argv array, no shell) in the fixtures folder, with an
 * environment that holds only PATH plus what the test adds: the CLI must not depend on more.
 */
export function runCli(args: readonly string[], opts: { cwd?: string; env?: Record<string, string> } = {}): CliRun {
  const r = spawnSync(process.execPath, ['--', distFile, ...args], {
    cwd: opts.cwd ?? FIXTURES,
    encoding: 'utf8',
    env: { PATH: process.env.PATH ?? '', ...opts.env },
    timeout: 20_000,
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** Output split into lines, without the empty string after the final newline. */
export const lines = (text: string): string[] => text.split('\n').filter((l, i, all) => l !== '' || i < all.length - 1);
