import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createDockerDriver } from '@blaupause/engine';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureDocker, ensureTestImages } from '../../../scripts/docker-env.mjs';
import { run } from '../src/cli';
import type { EngineDeps } from '../src/engine-deps';
import type { Io } from '../src/io';
import { IMAGE, tempDir } from './engine-helpers';

/** scale / canary / promote / abort through the command line, in process, against the real engine. */
const dir = tempDir();
const P = `bporc-cli-${Math.random().toString(16).slice(2, 8)}`;
const docker = createDockerDriver().docker;
const deps: EngineDeps = {
  driver: async () => createDockerDriver({ stopTimeoutSeconds: 1 }),
  signal: new AbortController().signal,
  runProcess: async () => 1,
  exists: () => false,
  here: dir,
};

function capture(): { io: Io; out: () => string; err: () => string } {
  let out = '';
  let err = '';
  return {
    io: {
      stdout: {
        write: (t) => {
          out += t;
        },
        isTTY: false,
      },
      stderr: {
        write: (t) => {
          err += t;
        },
        isTTY: false,
      },
      noColor: true,
    },
    out: () => out,
    err: () => err,
  };
}

async function cli(argv: string[]) {
  const c = capture();
  const status = await run(argv, c.io, deps);
  return { status, stdout: c.out(), stderr: c.err() };
}

const file = (version: string) => {
  const f = join(dir, `web-${version}.blueprint.yaml`);
  writeFileSync(
    f,
    `apiVersion: blaupause.dev/v1
kind: Blueprint
metadata: { name: ${P} }
services:
  web:
    replicas: 2
    containers:
      web:
        image: ${IMAGE}
        command: [sh, -c, 'trap "exit 0" TERM; touch /tmp/ok; sleep 3600 & wait']
        env: { VERSION: "${version}" }
        healthcheck: { test: { exec: [test, -f, /tmp/ok] }, interval: 500ms, retries: 2 }
`,
  );
  return f;
};

const names = async () =>
  (await docker.listContainers({ all: true, filters: { label: [`com.docker.compose.project=${P}`] } }))
    .map((c) => `${(c.Names[0] ?? '').slice(1)}:${c.State}`)
    .sort();

beforeAll(async () => {
  const env = await ensureDocker();
  await ensureTestImages(env.socket);
}, 120_000);
afterAll(async () => {
  await cli(['down', P]);
}, 60_000);

describe('blaupause scale / canary / promote / abort', () => {
  it('scales, runs a canary, aborts it, runs it again and promotes it', async () => {
    expect((await cli(['deploy', file('1')])).status).toBe(0);

    const up = await cli(['scale', P, 'web=3']);
    expect(up.status).toBe(0);
    expect(up.stdout).toMatch(/added\s+web #3/);
    expect(await names()).toEqual([`${P}-web-1:running`, `${P}-web-2:running`, `${P}-web-3:running`]);

    const canary = await cli(['canary', file('2'), '--service', 'web']);
    expect(canary.status).toBe(0);
    expect(canary.stdout).toMatch(/canary\s+web #3/);
    expect(canary.stdout).toContain(`blaupause promote ${P} web`);
    expect(await names()).toContain(`${P}-web-3_prev:exited`);

    const abort = await cli(['abort', P, 'web', '--json']);
    expect(abort.status).toBe(0);
    expect(JSON.parse(abort.stdout)).toMatchObject({ ok: true, project: P, service: 'web', events: [{ phase: 'restored', replica: 3 }] });
    expect(await names()).toEqual([`${P}-web-1:running`, `${P}-web-2:running`, `${P}-web-3:running`]);

    expect((await cli(['canary', file('2'), '-s', 'web'])).status).toBe(0);
    const promote = await cli(['promote', P, 'web']);
    expect(promote.status).toBe(0);
    expect(await names()).toEqual([`${P}-web-1:running`, `${P}-web-2:running`, `${P}-web-3:running`]);

    // Exit code 1 and the error's code when there is nothing to promote.
    const again = await cli(['promote', P, 'web']);
    expect(again.status).toBe(1);
    expect(again.stderr).toContain('error NOT_FOUND');
  }, 180_000);
});
