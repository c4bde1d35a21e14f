import { describe, expect, it } from 'vitest';
import {
  type EngineResource,
  labelTestRun,
  STALE_MS,
  selectLeftovers,
  TEST_RUN_LABEL,
  withTestRunLabel,
} from '../../../../scripts/docker-env.mjs';
import { LABEL } from '../../src/docker/labels';

/**
 * What `npm test` sweeps before the tests (scripts/docker-env.mjs): what earlier, interrupted test
 * runs created — never a resource a test did not create, nor one of a run still going.
 */
const NOW = Date.parse('2026-11-30T10:00:00Z');
const HOST = 'ci-host';
const LIVE = 4242;
const alive = (pid: number) => pid === LIVE;
const minutesAgo = (m: number) => NOW - m * 60_000;

function res(name: string, labels: Record<string, string>, ageMinutes = 1, kind: EngineResource['kind'] = 'container'): EngineResource {
  return { kind, id: `id-${name}`, name, labels, createdMs: minutesAgo(ageMinutes) };
}
const project = (p: string, managed = true) => ({ [LABEL.project]: p, ...(managed ? { [LABEL.managed]: 'true' } : {}) });
const select = (rs: EngineResource[], engineStartedHere = false) => {
  const { sweep, keep } = selectLeftovers(rs, { host: HOST, alive, now: NOW, engineStartedHere });
  return { sweep: sweep.map((r) => r.name).sort(), keep: keep.map((r) => r.name).sort() };
};

describe('selectLeftovers', () => {
  it('sweeps what a test run labelled once that run has ended; keeps a run still going', () => {
    const rs = [
      res('bpt-x-abcdef-web-1', { ...project('bpt-x-abcdef'), [TEST_RUN_LABEL]: `${HOST}:99999` }),
      res('bpt-x-abcdef_default', { ...project('bpt-x-abcdef'), [TEST_RUN_LABEL]: `${HOST}:99999` }, 1, 'network'),
      res('bpt-x-abcdef_data', { ...project('bpt-x-abcdef'), [TEST_RUN_LABEL]: `${HOST}:99999` }, 1, 'volume'),
      // A foreign look-alike a test planted: labelled too, whatever else it carries.
      res('bpimg-foreign-abcdef', { [TEST_RUN_LABEL]: `${HOST}:99999` }),
      res('bpt-y-123456-web-1', { ...project('bpt-y-123456'), [TEST_RUN_LABEL]: `${HOST}:${LIVE}` }),
    ];
    expect(select(rs)).toEqual({
      sweep: ['bpimg-foreign-abcdef', 'bpt-x-abcdef-web-1', 'bpt-x-abcdef_data', 'bpt-x-abcdef_default'],
      keep: ['bpt-y-123456-web-1'],
    });
  });

  it("a live pid's label is a leftover after six hours (pids are reused); another host's after STALE_MS", () => {
    const rs = [
      res('old', { [TEST_RUN_LABEL]: `${HOST}:${LIVE}` }, 6 * 60 + 1),
      res('other-recent', { [TEST_RUN_LABEL]: 'other-host:1' }, STALE_MS / 60_000 - 1),
      res('other-stale', { [TEST_RUN_LABEL]: 'other-host:1' }, STALE_MS / 60_000 + 1),
      res('garbled', { [TEST_RUN_LABEL]: `${HOST}:x` }),
    ];
    expect(select(rs)).toEqual({ sweep: ['garbled', 'old', 'other-stale'], keep: ['other-recent'] });
  });

  it('unlabelled: only exact test projects of the child-process tests, when stale or the engine was started here', () => {
    const tests = [
      'bpcli-deploy-0a1b2c',
      'bpimg-cli-0a1b2c',
      'bporc-cli-0a1b2c',
      'bpsec-cli-mil0x3k2',
      'e2e-0a1b2c',
      'e2e-crash-0a1b2c',
      'e2e-sidecar-0a1b2c',
      'bpimg-e2e-0a1b2c',
      'bpmon-0a1b2c',
      'bpbench-recreate-0a1b2c-ours',
      'bpbenchrecreate0a1b2cv1',
    ];
    const users = ['shop', 'e2e', 'e2e-shop', 'bpcli-deploy', 'my-bpcli-deploy-0a1b2c', 'bpt-x-abcdef', 'bps-0a1b2c', 'e2e-0a1b2c-prod'];
    const recent = [...tests, ...users].map((p) => res(`${p}-web-1`, project(p), 5));
    const stale = [...tests, ...users].map((p) => res(`${p}-web-1`, project(p, false), STALE_MS / 60_000 + 5));
    const names = (ps: string[]) => ps.map((p) => `${p}-web-1`).sort();
    expect(select(recent)).toEqual({ sweep: [], keep: names([...tests, ...users]) });
    expect(select(recent, true)).toEqual({ sweep: names(tests), keep: names(users) });
    expect(select(stale)).toEqual({ sweep: names(tests), keep: names(users) });
  });

  it("keeps the engine's own networks and anything without a project or the test-run label", () => {
    const rs = [
      res('bridge', {}, 600, 'network'),
      res('host', {}, 600, 'network'),
      res('bpcli-deploy-0a1b2c-web-1', {}, 600),
      res('postgres_data', { owner: 'me' }, 600, 'volume'),
    ];
    expect(select(rs, true)).toEqual({ sweep: [], keep: rs.map((r) => r.name).sort() });
  });

  it('says why', () => {
    const { sweep, keep } = selectLeftovers([res('a', { [TEST_RUN_LABEL]: `${HOST}:99999` }), res('b', project('shop'))], {
      host: HOST,
      alive,
      now: NOW,
    });
    expect(sweep[0]?.why).toBe(`test run ${HOST}:99999 has ended`);
    expect(keep[0]?.why).toBe('not a test resource');
  });
});

describe('the test-run label on creates', () => {
  it('goes on container, network and volume creates only, without changing the caller’s object', () => {
    const body = { Image: 'x', Labels: { a: '1' } };
    const req = { method: 'POST', path: '/containers/create?', options: body };
    expect(withTestRunLabel(req, 'h:1').options).toEqual({ Image: 'x', Labels: { a: '1', [TEST_RUN_LABEL]: 'h:1' } });
    expect(body.Labels).toEqual({ a: '1' });
    expect(withTestRunLabel({ method: 'POST', path: '/networks/create?', options: { Name: 'n' } }, 'h:1').options).toEqual({
      Name: 'n',
      Labels: { [TEST_RUN_LABEL]: 'h:1' },
    });
    expect(withTestRunLabel({ method: 'POST', path: '/volumes/create?', options: { _body: { Name: 'v' } } }, 'h:1').options).toEqual({
      _body: { Name: 'v', Labels: { [TEST_RUN_LABEL]: 'h:1' } },
    });
    for (const other of [
      { method: 'POST', path: '/containers/abc/start?', options: {} },
      { method: 'GET', path: '/containers/json?', options: { all: true } },
      { method: 'POST', path: '/images/create?', options: { fromImage: 'x' } },
    ])
      expect(withTestRunLabel(other, 'h:1')).toBe(other);
  });

  it('labelTestRun wraps a dockerode dialer once', () => {
    const seen: unknown[] = [];
    const docker = { modem: { dial: (o: unknown) => seen.push(o) } };
    labelTestRun(labelTestRun(docker));
    (docker.modem.dial as (o: unknown, cb?: unknown) => void)({ method: 'POST', path: '/volumes/create?', options: { Name: 'v' } });
    expect(seen).toEqual([
      { method: 'POST', path: '/volumes/create?', options: { Name: 'v', Labels: { [TEST_RUN_LABEL]: expect.any(String) } } },
    ]);
  });
});
