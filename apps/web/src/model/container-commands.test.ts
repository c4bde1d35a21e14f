import { compile } from '@blaupause/compiler';
import { type Blueprint, Healthcheck, validate } from '@blaupause/model';
import { describe, expect, it } from 'vitest';
import { templateBlueprint } from '../templates/templates';
import { applyCommand } from './commands';
import { envNameProblem, healthcheckProblem, mountsOf } from './container-commands';
import type { Command } from './types';

const sidecar = () => templateBlueprint('sidecar');

function apply(bp: Blueprint, ...cmds: Command[]): Blueprint {
  const r = applyCommand(bp, { kind: 'batch', commands: cmds });
  if (!r.ok) throw new Error(r.error);
  return r.value;
}

const errors = (bp: Blueprint) => validate(bp).filter((d) => d.severity === 'error');
const compose = (bp: Blueprint) => compile(bp, 'compose').files[0]?.content ?? '';
const kubernetes = (bp: Blueprint) =>
  compile(bp, 'kubernetes')
    .files.map((f) => f.content)
    .join('\n');
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

  it('sets a container’s command and arguments word by word; Compose and Kubernetes show them; empty takes them away', () => {
    const at = { service: 'web', container: 'nginx' } as const;
    const bp = apply(
      sidecar(),
      { kind: 'setWords', ...at, field: 'command', words: ['/bin/sh', '-c'] },
      { kind: 'setWords', ...at, field: 'args', words: ['exec git-sync --period="30s" && echo $HOME'] },
    );
    expect(bp.services.web?.containers.nginx).toMatchObject({
      command: ['/bin/sh', '-c'],
      args: ['exec git-sync --period="30s" && echo $HOME'],
    });
    expect(errors(bp)).toEqual([]);
    // Compose: entrypoint and command, "$" escaped for its interpolation; Kubernetes: command and args.
    const c = compose(bp);
    expect(c).toMatch(/entrypoint:\n\s+- \/bin\/sh\n\s+- "-c"\n\s+command:\n\s+- "exec git-sync/);
    expect(c).toContain('--period=\\"30s\\" && echo $$HOME"');
    const k = kubernetes(bp);
    expect(k).toMatch(/command:\n\s+- \/bin\/sh\n\s+- "-c"\n\s+args:\n\s+- "exec git-sync/);
    expect(k).toContain('&& echo $HOME"');
    // the same words are no change; an empty list removes the key
    expect(applyCommand(bp, { kind: 'setWords', ...at, field: 'command', words: ['/bin/sh', '-c'] })).toEqual({ ok: true, value: bp });
    const back = apply(bp, { kind: 'setWords', ...at, field: 'command', words: [] }, { kind: 'setWords', ...at, field: 'args', words: [] });
    expect(back.services.web?.containers.nginx).toEqual(sidecar().services.web?.containers.nginx);
    expect(compose(back)).not.toMatch(/entrypoint:/);
    refused(bp, { kind: 'setWords', service: 'web', container: 'nope', field: 'args', words: ['x'] });
  });

  it('sets and removes a healthcheck, checked with the schema’s rules; Compose and Kubernetes probe with it', () => {
    const at = { service: 'web', container: 'nginx' } as const;
    const bp = apply(sidecar(), {
      kind: 'setHealthcheck',
      ...at,
      healthcheck: { test: { http: { port: 80, path: '/healthz' } }, interval: '10s', timeout: '2s', retries: 3, startPeriod: '1m30s' },
    });
    expect(errors(bp)).toEqual([]);
    const c = compose(bp);
    expect(c).toContain('wget -q -O /dev/null http://127.0.0.1:80/healthz || exit 1');
    expect(c).toMatch(/interval: 10s\n\s+timeout: 2s\n\s+retries: 3\n\s+start_period: 1m30s/);
    const k = kubernetes(bp);
    expect(k).toMatch(
      /readinessProbe:\n\s+httpGet:\n\s+path: \/healthz\n\s+port: 80\n\s+periodSeconds: 10\n\s+timeoutSeconds: 2\n\s+failureThreshold: 3/,
    );
    const shell = apply(bp, { kind: 'setHealthcheck', ...at, healthcheck: { test: { shell: 'curl -f localhost' } } });
    expect(compose(shell)).toMatch(/- CMD-SHELL\n\s+- curl -f localhost/);
    // the errors name the field
    const wrong = (healthcheck: Healthcheck) => applyCommand(bp, { kind: 'setHealthcheck', ...at, healthcheck });
    expect(wrong({ test: { tcp: { port: 0 } } })).toMatchObject({ ok: false, error: expect.stringMatching(/^Port:/) });
    expect(wrong({ test: { exec: [] } })).toMatchObject({ ok: false, error: expect.stringMatching(/^Program:/) });
    expect(wrong({ test: { shell: 'true' }, interval: '10 s' })).toMatchObject({ ok: false, error: expect.stringMatching(/^Interval:/) });
    expect(wrong({ test: { shell: 'true' }, startPeriod: '1d' })).toMatchObject({
      ok: false,
      error: expect.stringMatching(/^Start period:/),
    });
    expect(wrong({ test: { shell: 'true' }, retries: 0 })).toMatchObject({ ok: false, error: expect.stringMatching(/^Retries:/) });
    expect(wrong({ test: { http: { port: 80, path: 'healthz' } } })).toMatchObject({ ok: false, error: expect.stringMatching(/^Path:/) });
    const removed = apply(bp, { kind: 'setHealthcheck', ...at, healthcheck: null });
    const { healthcheck: _template, ...without } = sidecar().services.web?.containers.nginx ?? { role: 'main' };
    expect(removed.services.web?.containers.nginx).toEqual(without);
    expect(kubernetes(removed)).not.toMatch(/readinessProbe/);
  });

  it('refuses exactly the healthchecks the schema refuses', () => {
    const samples: unknown[] = [
      { test: { exec: ['pg_isready'] } },
      { test: { exec: [] } },
      { test: { exec: [''] } },
      { test: { shell: '' } },
      { test: { shell: 'x' }, interval: '1h30m', timeout: '500ms', startPeriod: '0.5s', retries: 1000 },
      { test: { shell: 'x' }, interval: '1 h' },
      { test: { shell: 'x' }, timeout: '' },
      { test: { shell: 'x' }, timeout: '10' },
      { test: { shell: 'x' }, retries: 1001 },
      { test: { shell: 'x' }, retries: 1.5 },
      { test: { http: { port: 65535 } } },
      { test: { http: { port: 65536 } } },
      { test: { http: { port: 8080, path: '/', scheme: 'https' } } },
      { test: { http: { port: 8080, path: 'x' } } },
      { test: { tcp: { port: 1 } } },
      { test: { tcp: { port: 0.5 } } },
    ];
    for (const sample of samples) {
      const schema = Healthcheck.safeParse(sample).success;
      expect(healthcheckProblem(sample as Healthcheck) === undefined, JSON.stringify(sample)).toBe(schema);
    }
  });
});
