import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import type { EngineDeps } from '../src/engine-deps';
import { type Io, run } from '../src/index';
import { fetchText, finished, freePort, startCli, stdoutContains, tempDir } from './engine-helpers';
import { buildCli } from './helpers';

beforeAll(buildCli, 60_000);

function memoryIo(): Io & { text: { stdout: string; stderr: string } } {
  const text = { stdout: '', stderr: '' };
  return {
    text,
    noColor: true,
    stdout: {
      write: (t) => {
        text.stdout += t;
      },
      isTTY: false,
    },
    stderr: {
      write: (t) => {
        text.stderr += t;
      },
      isTTY: false,
    },
  };
}

/** A checkout laid out on disk as serve expects it; runProcess records what would be started. */
function checkout(files: string[]): { deps: EngineDeps; started: string[][] } {
  const root = tempDir();
  for (const f of ['apps/server/package.json', ...files]) {
    mkdirSync(join(root, f, '..'), { recursive: true });
    writeFileSync(join(root, f), '');
  }
  const started: string[][] = [];
  const deps: EngineDeps = {
    driver: () => Promise.reject(new Error('serve needs no driver')),
    signal: new AbortController().signal,
    runProcess: async (argv) => {
      started.push([...argv]);
      // The build writes the bundle, as the real one does.
      if (argv[1]?.endsWith('build.mjs')) {
        mkdirSync(join(root, 'apps/server/dist'), { recursive: true });
        writeFileSync(join(root, 'apps/server/dist/server.mjs'), '');
      }
      return 0;
    },
    exists: existsSync,
    here: join(root, 'packages', 'cli', 'dist'),
  };
  return { deps, started };
}

describe('serve finds the server of its checkout', () => {
  test('runs apps/server/dist/server.mjs with --port, with this Node, no shell', async () => {
    const { deps, started } = checkout(['apps/server/dist/server.mjs', 'apps/web/dist/index.html']);
    const io = memoryIo();
    expect(await run(['serve', '--port', '8080'], io, deps)).toBe(0);
    const root = join(deps.here, '..', '..', '..');
    expect(started).toEqual([[process.execPath, join(root, 'apps/server/dist/server.mjs'), '--port', '8080']]);
    expect(io.text.stderr).toBe('');
  });

  test('builds the server first when its bundle is missing, and names the web build when the app is missing', async () => {
    const { deps, started } = checkout(['apps/server/scripts/build.mjs']);
    const io = memoryIo();
    expect(await run(['serve'], io, deps)).toBe(0);
    const root = join(deps.here, '..', '..', '..');
    expect(started).toEqual([
      [process.execPath, join(root, 'apps/server/scripts/build.mjs')],
      [process.execPath, join(root, 'apps/server/dist/server.mjs')],
    ]);
    expect(io.text.stderr).toContain('node scripts/pnpm.mjs --filter @blaupause/web build');
  });

  test('outside a checkout it says so (exit 1)', async () => {
    const { deps } = checkout([]);
    const io = memoryIo();
    expect(await run(['serve'], io, { ...deps, here: tempDir() })).toBe(1);
    expect(io.text.stderr).toContain('serve needs the Blaupause repository');
  });
});

describe('serve for real', () => {
  test('the bin starts the server on the port, it answers, and SIGTERM ends both', async () => {
    const port = await freePort();
    const child = startCli(['serve', '--port', String(port)], { cwd: tempDir(), env: { BLAUPAUSE_WORKSPACE: tempDir() } });
    const done = finished(child, 60_000);
    try {
      await stdoutContains(child, `Blaupause is running: http://127.0.0.1:${port}/#token=`, 45_000);
      // The app page when apps/web is built, else the server's own page saying how to build it (a
      // fresh clone runs these tests before the web build).
      const built = existsSync(join(import.meta.dirname, '..', '..', '..', 'apps', 'web', 'dist', 'index.html'));
      expect(await fetchText(`http://127.0.0.1:${port}/`)).toContain(built ? '<' : 'The web app is not built');
    } finally {
      // Also when an assertion failed: a server left running would outlive the test run.
      child.kill('SIGTERM');
    }
    const r = await done;
    expect(r.status).toBe(0);
    await expect(fetchText(`http://127.0.0.1:${port}/`)).rejects.toThrow();
  }, 60_000);
});
