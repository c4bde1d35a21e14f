import { compile } from '@blaupause/compiler';
import { type Blueprint, validate } from '@blaupause/model';
import { describe, expect, it } from 'vitest';
import { templateBlueprint } from '../templates/templates';
import { applyCommand } from './commands';
import { envNameProblem, mountsOf } from './container-commands';
import type { Command } from './types';

const sidecar = () => templateBlueprint('sidecar');

function apply(bp: Blueprint, ...cmds: Command[]): Blueprint {
  const r = applyCommand(bp, { kind: 'batch', commands: cmds });
  if (!r.ok) throw new Error(r.error);
  return r.value;
}

const errors = (bp: Blueprint) => validate(bp).filter((d) => d.severity === 'error');
const compose = (bp: Blueprint) => compile(bp, 'compose').files[0]?.content ?? '';
const refused = (bp: Blueprint, cmd: Command) =>
  expect(applyCommand(bp, cmd), JSON.stringify(cmd)).toMatchObject({ ok: false, error: expect.any(String) });

describe('container commands (the inspector’s pod rows)', () => {
  it('removes a helper container with its mounts; the volume stays; Compose loses its service', () => {
    const before = sidecar();
    expect(compose(before)).toMatch(/^ {2}web-git-sync:$/m);
    expect(mountsOf(before.services.web?.containers['git-sync'] ?? { role: 'sidecar' })).toEqual(['content at /content']);
    const bp = apply(before, { kind: 'removeContainer', service: 'web', name: 'git-sync' });
    expect(Object.keys(bp.services.web?.containers ?? {})).toEqual(['nginx']);
    expect(bp.volumes?.content).toEqual(before.volumes?.content);
    // nginx keeps its own mount of the volume
    expect(bp.services.web?.containers.nginx).toBe(before.services.web?.containers.nginx);
    expect(errors(bp)).toEqual([]);
    expect(compose(bp)).not.toMatch(/web-git-sync/);
  });

  it('never removes the main container, nor what is not there', () => {
    const bp = sidecar();
    refused(bp, { kind: 'removeContainer', service: 'web', name: 'nginx' });
    refused(bp, { kind: 'removeContainer', service: 'web', name: 'nope' });
    refused(bp, { kind: 'removeContainer', service: 'nope', name: 'git-sync' });
  });

  it('renames a container in place (the YAML order), and refuses taken and invalid names', () => {
    const bp = apply(sidecar(), { kind: 'renameContainer', service: 'web', from: 'git-sync', to: 'puller' });
    expect(Object.keys(bp.services.web?.containers ?? {})).toEqual(['nginx', 'puller']);
    expect(bp.services.web?.containers.puller).toEqual(sidecar().services.web?.containers['git-sync']);
    expect(compose(bp)).toMatch(/^ {2}web-puller:$/m);
    refused(bp, { kind: 'renameContainer', service: 'web', from: 'puller', to: 'nginx' });
    refused(bp, { kind: 'renameContainer', service: 'web', from: 'puller', to: 'Git Sync' });
    refused(bp, { kind: 'renameContainer', service: 'web', from: 'git-sync', to: 'x' });
    expect(apply(bp, { kind: 'renameContainer', service: 'web', from: 'nginx', to: 'server' }).services.web?.containers.server?.role).toBe(
      'main',
    );
  });

  it('gives a helper another helper role; the main container stays main, one per pod', () => {
    const bp = apply(sidecar(), { kind: 'setContainerRole', service: 'web', container: 'git-sync', role: 'init' });
    expect(bp.services.web?.containers['git-sync']?.role).toBe('init');
    expect(errors(bp)).toEqual([]);
    refused(bp, { kind: 'setContainerRole', service: 'web', container: 'git-sync', role: 'main' });
    refused(bp, { kind: 'setContainerRole', service: 'web', container: 'nginx', role: 'sidecar' });
    // the same role is no change
    const same = sidecar();
    expect(applyCommand(same, { kind: 'setContainerRole', service: 'web', container: 'nginx', role: 'main' })).toEqual({
      ok: true,
      value: same,
    });
  });

  it('a pod without a main container may get one back', () => {
    const bp = apply(sidecar(), { kind: 'removeContainer', service: 'web', name: 'git-sync' });
    const helperOnly = structuredClone(bp);
    const web = helperOnly.services.web;
    if (!web) throw new Error('no web');
    web.containers = { helper: { role: 'sidecar', image: 'busybox:1' } };
    expect(errors(helperOnly).map((d) => d.code)).toContain('NO_MAIN_CONTAINER');
    const fixed = apply(helperOnly, { kind: 'setContainerRole', service: 'web', container: 'helper', role: 'main' });
    expect(errors(fixed)).toEqual([]);
  });

  it('sets, renames in place and removes environment variables; the map keeps its order and goes when empty', () => {
    const at = { service: 'web', container: 'git-sync' } as const;
    let bp = apply(
      sidecar(),
      { kind: 'setEnv', ...at, name: 'GITSYNC_REPO', value: 'https://git.example.test/site.git' },
      { kind: 'setEnv', ...at, name: 'GITSYNC_PERIOD', value: '30s' },
      { kind: 'setEnv', ...at, name: 'GITSYNC_DEPTH', value: '1' },
    );
    expect(bp.services.web?.containers['git-sync']?.env).toEqual({
      GITSYNC_REPO: 'https://git.example.test/site.git',
      GITSYNC_PERIOD: '30s',
      GITSYNC_DEPTH: '1',
    });
    bp = apply(bp, { kind: 'setEnv', ...at, name: 'GITSYNC_WAIT', value: '60s', was: 'GITSYNC_PERIOD' });
    expect(Object.entries(bp.services.web?.containers['git-sync']?.env ?? {})).toEqual([
      ['GITSYNC_REPO', 'https://git.example.test/site.git'],
      ['GITSYNC_WAIT', '60s'],
      ['GITSYNC_DEPTH', '1'],
    ]);
    expect(compose(bp)).toMatch(/GITSYNC_WAIT: 60s/);
    expect(errors(bp)).toEqual([]);
    refused(bp, { kind: 'setEnv', ...at, name: 'GITSYNC_REPO', value: 'x', was: 'GITSYNC_DEPTH' });
    refused(bp, { kind: 'setEnv', ...at, name: 'A', value: 'x', was: 'MISSING' });
    refused(bp, { kind: 'setEnv', ...at, name: 'A=B', value: 'x' });
    refused(bp, { kind: 'setEnv', ...at, name: '', value: 'x' });
    refused(bp, { kind: 'setEnv', ...at, name: '__proto__', value: 'x' });
    refused(bp, { kind: 'removeEnv', ...at, name: 'MISSING' });
    bp = apply(
      bp,
      { kind: 'removeEnv', ...at, name: 'GITSYNC_REPO' },
      { kind: 'removeEnv', ...at, name: 'GITSYNC_WAIT' },
      { kind: 'removeEnv', ...at, name: 'GITSYNC_DEPTH' },
    );
    expect(bp.services.web?.containers['git-sync']).toEqual(sidecar().services.web?.containers['git-sync']);
  });

  it('names a variable as Compose and Kubernetes accept it', () => {
    for (const ok of ['LOG_LEVEL', 'a.b-c', 'X1']) expect(envNameProblem(ok), ok).toBeUndefined();
    for (const bad of ['', 'A B', 'A=1', 'ÄRGER', 'constructor', 'TAB\t']) expect(envNameProblem(bad), bad).toEqual(expect.any(String));
  });
});
