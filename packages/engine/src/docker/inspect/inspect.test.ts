import { describe, expect, it } from 'vitest';
import type { ProgressEvent } from '../../types';
import { diagnoseRun } from './diagnosis';
import { MASK, maskEnv, secretEnvNames } from './mask';

describe('maskEnv', () => {
  it('masks secret-looking names, named secrets, and secret values quoted elsewhere', () => {
    const env = maskEnv(['PGPASSWORD=s3cret-pw', 'app_key=k', 'SMTP=relay', 'URL=https://u:s3cret-pw@h', 'EMPTY', 'X=a=b'], ['SMTP']);
    expect(env).toEqual([
      { name: 'PGPASSWORD', value: MASK, masked: true },
      { name: 'app_key', value: MASK, masked: true },
      { name: 'SMTP', value: MASK, masked: true },
      { name: 'URL', value: `https://u:${MASK}@h`, masked: true },
      { name: 'EMPTY', value: '', masked: false },
      { name: 'X', value: 'a=b', masked: false },
    ]);
  });

  it('names the blueprint secrets as variables', () => {
    const names = secretEnvNames({ secrets: { 'db-password': { file: 'x' }, smtp: { environment: 'smtp_login' } } } as never);
    expect(names).toEqual(['DB_PASSWORD', 'SMTP', 'SMTP_LOGIN']);
  });
});

describe('diagnoseRun', () => {
  const at = 1;
  it('names the failed build step and what to try', () => {
    const action = { kind: 'create', resource: 'image', name: 'p-web:bp-1', reason: 'build' } as const;
    const events: ProgressEvent[] = [
      { kind: 'step', action, phase: 'started', at },
      { kind: 'step', action, phase: 'failed', message: 'COPY failed', at },
      {
        kind: 'error',
        error: { code: 'BUILD_FAILED', message: 'COPY failed', step: 'Step 2/3 : COPY x /x', elementId: 'container:web/web' },
        at,
      },
      { kind: 'done', ok: false, durationMs: 5, at },
    ];
    const d = diagnoseRun(events);
    expect(d).toMatchObject({ ok: false, failedStep: { what: 'create image p-web:bp-1 (build)', message: 'COPY failed' }, logTail: [] });
    expect(d.tryNext.join(' ')).toContain('Step 2/3 : COPY x /x');
  });

  it('explains exit codes and OOM kills, preferring the container’s fresh log lines', () => {
    const events: ProgressEvent[] = [
      { kind: 'error', error: { code: 'CRASH_LOOP', message: 'loops', exitCode: 137, logTail: ['old'] }, at },
      { kind: 'done', ok: false, durationMs: 5, at },
    ];
    const d = diagnoseRun(events, { name: 'c', status: 'restarting', exitCode: 137, restarts: 3, oomKilled: true, logTail: ['new'] });
    expect(d).toMatchObject({ exitCode: 137, logTail: ['new'], failedStep: { what: 'after its start: the container keeps restarting' } });
    expect(d.tryNext.join(' ')).toMatch(/OOM.*memory/);
    expect(d.tryNext.join(' ')).toMatch(/restarts and fails again/);
  });

  it('gives the error’s own hint without a near-identical general line after it (pull, port in use)', () => {
    const pull: ProgressEvent[] = [
      { kind: 'error', error: { code: 'IMAGE_PULL_FAILED', message: 'no such host', hint: 'No network to the registry: …' }, at },
    ];
    expect(diagnoseRun(pull).tryNext).toEqual(['No network to the registry: …']);
    const port: ProgressEvent[] = [
      { kind: 'error', error: { code: 'PORT_IN_USE', message: 'port 8181', hint: 'Stop what listens on port 8181, or …' }, at },
    ];
    expect(diagnoseRun(port).tryNext).toEqual(['Stop what listens on port 8181, or …']);
    // Without a hint of its own, the general line still says what to try.
    expect(diagnoseRun([{ kind: 'error', error: { code: 'PORT_IN_USE', message: 'port 8181' }, at }]).tryNext).toHaveLength(1);
  });

  it('says nothing failed for a successful run', () => {
    expect(diagnoseRun([{ kind: 'done', ok: true, durationMs: 1, at }])).toEqual({ ok: true, errors: [], logTail: [], tryNext: [] });
  });
});
