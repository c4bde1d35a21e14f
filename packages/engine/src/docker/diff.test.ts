import { describe, expect, it } from 'vitest';
import { allContainers } from './desired';
import { diff } from './diff';
import type { Observed, ObservedContainer } from './observed';
import { bp, byName, desired, observedFrom } from './testing';

const blueprint = (replicas = 1, image = 'web') =>
  bp({
    services: {
      web: { replicas, containers: { app: { image }, log: { role: 'sidecar', image: 'log' } } },
      job: { containers: { setup: { role: 'init', image: 'init' }, run: { image: 'run' } } },
    },
    volumes: { data: {} },
  });
const all = new Set(['web', 'log', 'init', 'run', 'web2']);

/** Observed state as if `d` had been deployed: helpers joined to their main's id. */
function deployed(d: ReturnType<typeof desired>, over: (o: ObservedContainer) => Partial<ObservedContainer> = () => ({})): Observed {
  const containers: ObservedContainer[] = [];
  for (const c of allContainers(d)) containers.push(observedFrom(c, c.role === 'init' ? { state: 'exited', exitCode: 0 } : {}));
  for (const o of containers) {
    const main = containers.find((m) => `${m.composeService}#${m.replica}` === allContainers(d).find((c) => c.slot === o.slot)?.joins);
    if (main) o.networkMode = `container:${main.id}`;
    Object.assign(o, over(o));
  }
  return {
    containers,
    foreign: [],
    networks: [{ name: 'p_default', id: 'n1', key: 'default' }],
    volumes: [{ name: 'p_data', key: 'data' }],
  };
}
const kinds = (r: ReturnType<typeof diff>) => r.plan.actions.map((a) => `${a.kind} ${a.service}/${a.container}#${a.replica}`).sort();

describe('diff: desired against observed', () => {
  it('creates everything on an empty engine, with networks and volumes', () => {
    const r = diff(desired(blueprint()), { containers: [], foreign: [], networks: [], volumes: [] }, all);
    expect(kinds(r)).toEqual(['create job/run#1', 'create job/setup#1', 'create web/app#1', 'create web/log#1']);
    expect(r.plan.resources.filter((x) => x.kind === 'create').map((x) => x.name)).toEqual(['p_default', 'p_data']);
    expect(r.plan.noop).toBe(false);
  });

  it('is a no-op when everything runs as desired (a completed init counts as done)', () => {
    const d = desired(blueprint());
    const r = diff(d, deployed(d), all);
    expect(r.plan.noop).toBe(true);
    expect(r.plan.actions.every((a) => a.kind === 'unchanged')).toBe(true);
  });

  it('recreates a changed main and, with it, the helpers in its network namespace; leaves other services alone', () => {
    const before = desired(blueprint());
    const r = diff(desired(blueprint(1, 'web2')), deployed(before), all);
    expect(kinds(r)).toEqual(['recreate web/app#1', 'recreate web/log#1', 'unchanged job/run#1', 'unchanged job/setup#1']);
  });

  it('names what changed on a recreate (image, env keys, ports, command…), not just that the config hash differs', () => {
    const svc = (image: string, env: Record<string, string>, port: number, command: string[]) =>
      bp({ services: { api: { ports: [{ port }], containers: { api: { image, env, command } } } } });
    const before = desired(svc('api:1', { A: '1', B: '2' }, 80, ['serve']));
    const reason = (after: ReturnType<typeof desired>, observed = deployed(before)) =>
      diff(after, observed, new Set(['api:1', 'api:2'])).plan.actions.find((a) => a.service === 'api')?.reason;
    expect(reason(desired(svc('api:2', { A: '1', B: '2' }, 80, ['serve'])))).toBe('changed: image');
    expect(reason(desired(svc('api:1', { A: '1', B: '3', C: 'x' }, 80, ['serve'])))).toBe('changed: env B, C');
    expect(reason(desired(svc('api:2', { B: '2' }, 81, ['serve', '-v'])))).toBe('changed: image; env A; command; ports');
    // A container made before the parts were recorded: said so, not a bare "config hash changed".
    const old = deployed(before, (o) => ({
      labels: Object.fromEntries(Object.entries(o.labels).filter(([k]) => k !== 'dev.blaupause.config-parts')),
    }));
    expect(reason(desired(svc('api:2', { A: '1', B: '2' }, 80, ['serve'])), old)).toBe(
      'configuration changed (the old container does not record which part)',
    );
  });

  it('starts stopped containers whose configuration is unchanged instead of recreating them', () => {
    const d = desired(blueprint());
    const r = diff(
      d,
      deployed(d, (o) => (o.composeService.startsWith('job') ? {} : { state: 'exited', exitCode: 137 })),
      all,
    );
    expect(kinds(r)).toEqual(['start web/app#1', 'start web/log#1', 'unchanged job/run#1', 'unchanged job/setup#1']);
    expect(r.plan.noop).toBe(false);
  });

  it('recreates a running helper whose main is started again (its network namespace is new)', () => {
    const d = desired(blueprint());
    const r = diff(
      d,
      deployed(d, (o) => (o.composeService === 'web' ? { state: 'exited', exitCode: 137 } : {})),
      all,
    );
    expect(kinds(r)).toEqual(['recreate web/log#1', 'start web/app#1', 'unchanged job/run#1', 'unchanged job/setup#1']);
  });

  it('scales up and down by replica number without touching the others', () => {
    const one = desired(blueprint(1));
    const three = desired(blueprint(3));
    expect(kinds(diff(three, deployed(one), all)).filter((k) => !k.startsWith('unchanged'))).toEqual([
      'scale-up web/app#2',
      'scale-up web/app#3',
      'scale-up web/log#2',
      'scale-up web/log#3',
    ]);
    const down = diff(one, deployed(three), all);
    expect(kinds(down).filter((k) => !k.startsWith('unchanged'))).toEqual([
      'scale-down web/app#2',
      'scale-down web/app#3',
      'scale-down web/log#2',
      'scale-down web/log#3',
    ]);
    // Helpers go before the mains whose network namespace they use.
    expect(down.removals.map((s) => s.action.container)).toEqual(['log', 'log', 'app', 'app']);
  });

  it('removes services no longer drawn and networks no longer used, never volumes', () => {
    const d = desired(blueprint());
    const only = desired(
      bp({ services: { job: { containers: { setup: { role: 'init', image: 'init' }, run: { image: 'run' } } } }, networks: { x: {} } }),
    );
    const observed = deployed(d);
    const r = diff({ ...only, networks: [] }, observed, all);
    expect(kinds(r).filter((k) => k.startsWith('remove'))).toEqual(['remove web/app#1', 'remove web/log#1']);
    expect(r.plan.resources).toContainEqual({
      kind: 'remove',
      resource: 'network',
      name: 'p_default',
      reason: 'no longer in the blueprint',
    });
    expect(r.plan.resources.some((x) => x.resource === 'volume' && x.kind === 'remove')).toBe(false);
  });

  it('removes the second container of a slot left by an interrupted recreate, keeping the canonical one', () => {
    const d = desired(blueprint());
    const observed = deployed(d);
    const main = byName(d, 'p-web-1');
    observed.containers.push(observedFrom(main, { name: `abcdef123456_${main.name}`, hash: 'new' }));
    const r = diff(d, observed, all);
    expect(r.removals.map((s) => `${s.action.kind} ${s.observed?.name}`)).toEqual([`remove abcdef123456_p-web-1`]);
    expect(r.byService.get('web')?.[0]?.action.kind).toBe('unchanged');
  });

  it('plans a pull for images the engine does not hold', () => {
    const r = diff(desired(blueprint()), { containers: [], foreign: [], networks: [], volumes: [] }, new Set(['web', 'log', 'run']));
    expect(r.plan.resources.filter((x) => x.resource === 'image' && x.kind === 'create')).toEqual([
      { kind: 'create', resource: 'image', name: 'init', reason: 'pull' },
    ]);
  });
});
