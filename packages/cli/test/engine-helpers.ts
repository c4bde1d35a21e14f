import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { distFile } from '../scripts/build.mjs';
import type { CliRun } from './helpers';

/** The local test image (scripts/docker-env.mjs builds it from Debian's busybox-static; no registry). */
export const IMAGE = 'blaupause-test/busybox:1';

export const uniqueProject = (name: string): string => `bpcli-${name}-${randomBytes(3).toString('hex')}`;
export const tempDir = (): string => mkdtempSync(join(tmpdir(), 'blaupause-cli-'));

/** A port nobody listens on right now (the engine binds it a moment later). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

/** The built CLI as a child process (argv array, no shell), without blocking the test's event loop. */
export function startCli(args: readonly string[], opts: { cwd: string; env?: Record<string, string> }): ChildProcess {
  const child = spawn(process.execPath, ['--', distFile, ...args], {
    cwd: opts.cwd,
    env: { PATH: process.env.PATH ?? '', ...opts.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  // Everything printed so far, so a wait started late still sees lines that came before it.
  printed.set(child, '');
  child.stdout?.on('data', (c: Buffer) => printed.set(child, (printed.get(child) ?? '') + c.toString()));
  return child;
}

const printed = new WeakMap<ChildProcess, string>();

export function finished(child: ChildProcess, timeoutMs = 90_000): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (c: Buffer) => {
    stdout += c.toString();
  });
  child.stderr?.on('data', (c: Buffer) => {
    stderr += c.toString();
  });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`the CLI did not finish within ${timeoutMs} ms\nstdout: ${stdout}\nstderr: ${stderr}`));
    }, timeoutMs);
    child.on('close', (status) => {
      clearTimeout(timer);
      resolve({ status, stdout, stderr });
    });
  });
}

export const cli = (args: readonly string[], opts: { cwd: string; env?: Record<string, string> }): Promise<CliRun> =>
  finished(startCli(args, opts));

/** Resolves once the child's stdout (from its start) contains `text`, e.g. the watch has printed its snapshot. */
export function stdoutContains(child: ChildProcess, text: string | RegExp, timeoutMs = 30_000): Promise<string> {
  const found = () => {
    const seen = printed.get(child) ?? '';
    return typeof text === 'string' ? seen.includes(text) : text.test(seen);
  };
  return new Promise((resolve, reject) => {
    if (found()) return resolve(printed.get(child) ?? '');
    const timer = setTimeout(() => reject(new Error(`stdout never showed ${String(text)}; it was:\n${printed.get(child)}`)), timeoutMs);
    child.stdout?.on('data', () => {
      // setImmediate: the recording listener above runs first only by registration order; be sure.
      setImmediate(() => {
        if (!found()) return;
        clearTimeout(timer);
        resolve(printed.get(child) ?? '');
      });
    });
  });
}

export async function fetchText(url: string): Promise<string> {
  const r = await fetch(url, { signal: AbortSignal.timeout(5_000) });
  return r.text();
}
