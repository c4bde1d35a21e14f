import type { Blueprint } from '@blaupause/model';
import { describe, expect, it } from 'vitest';
import { DockerDriver } from './docker/driver';
import { PodmanKubeDriver } from './podman/driver';
import { checkProjectName } from './project-name';
import { SwarmDriver } from './swarm/driver';
import type { Result } from './types';

describe('checkProjectName', () => {
  it('accepts DNS-1123 labels up to the length limit', () => {
    for (const name of ['shop', 'a', 'web-1', 'x'.repeat(63)]) expect(checkProjectName(name)).toBeUndefined();
    expect(checkProjectName('x'.repeat(40), 40)).toBeUndefined();
  });

  it('refuses anything else with INVALID_NAME, naming the project and the limit', () => {
    for (const name of ['', 'Shop', '-shop', 'shop-', 'sh_op', 'shop.dev', 'x'.repeat(64)])
      expect(checkProjectName(name)).toEqual({
        code: 'INVALID_NAME',
        message: `"${name}" is not a valid project name.`,
        hint: 'Use lower-case letters, digits and "-", starting and ending with a letter or digit (at most 63).',
      });
    expect(checkProjectName('x'.repeat(41), 40)?.hint).toContain('(at most 40)');
  });
});

describe('the drivers check the project name before anything else', () => {
  // Nobody answers on this socket: a name that passes the check fails later, on the engine.
  const nowhere = '/nonexistent/blaupause-name-test.sock';
  const bp = { apiVersion: 'blaupause.dev/v1', kind: 'Blueprint', metadata: { name: 'x' }, services: {} } as unknown as Blueprint;
  const code = async (r: Promise<Result<unknown>>) => {
    const v = await r;
    return v.ok ? 'ok' : v.error.code;
  };

  it('Docker and Swarm: at most 63 characters', async () => {
    for (const d of [new DockerDriver({ socketPath: nowhere }), new SwarmDriver({ socketPath: nowhere })]) {
      expect(await code(d.plan(bp, { project: 'Bad_Name' }))).toBe('INVALID_NAME');
      expect(await code(d.plan(bp, { project: 'x'.repeat(64) }))).toBe('INVALID_NAME');
      expect(await code(d.plan(bp, { project: 'x'.repeat(63) }))).not.toBe('INVALID_NAME');
    }
  });

  it('Podman: at most 40 (its pod and network names append to it)', async () => {
    const d = new PodmanKubeDriver({ socket: nowhere });
    expect(await code(d.plan(bp, { project: 'x'.repeat(41) }))).toBe('INVALID_NAME');
    expect(await code(d.plan(bp, { project: 'x'.repeat(40) }))).not.toBe('INVALID_NAME');
    const destroyed: unknown[] = [];
    for await (const e of d.destroy('Bad_Name')) destroyed.push(e);
    expect(destroyed[0]).toMatchObject({ kind: 'error', error: { code: 'INVALID_NAME', hint: expect.stringContaining('(at most 40)') } });
  });
});
