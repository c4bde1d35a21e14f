import { compile } from '@blaupause/compiler';
import { describe, expect, it } from 'vitest';
import { templateBlueprint } from '../templates/templates';
import { oneLevel } from './one-level';
import { matches, twoLevel } from './two-level';

function compiled(template: string) {
  const bp = templateBlueprint(template);
  const compose = compile(bp, 'compose').files[0];
  const kubernetes = compile(bp, 'kubernetes').files[0];
  if (!compose || !kubernetes) throw new Error('no output');
  const one = oneLevel(compose);
  const two = twoLevel(kubernetes, new Map(one.containers.map((c) => [c.element, c.role])));
  return { compose, kubernetes, one, two };
}

const lineAt = (text: string, line: number) => text.split('\n')[line - 1];

describe('1-level: the Compose output as a container graph', () => {
  it('the seed example: weba and webb behind haproxy, links as wires', () => {
    const { compose, one } = compiled('seed-compose');
    expect(one.containers.map((c) => c.name)).toEqual(['weba', 'webb', 'haproxy']);
    const haproxy = one.containers.find((c) => c.name === 'haproxy');
    expect(haproxy).toMatchObject({ image: 'qaware/haproxy', element: 'container:haproxy/haproxy', published: ['80→80'] });
    expect(haproxy?.elements).toEqual(['container:haproxy/haproxy', 'service:haproxy']);
    expect(one.wires.map((w) => [w.from, w.to, w.kind, w.elements])).toEqual([
      ['haproxy', 'weba', 'link', ['link:haproxy->weba']],
      ['haproxy', 'webb', 'link', ['link:haproxy->webb']],
    ]);
    // Each node's lines are its own entry of compose.yaml.
    const weba = one.containers[0];
    const [from, to] = weba?.lines.ranges[0] ?? [0, 0];
    expect(lineAt(compose.content, from)).toBe('  weba:');
    expect(lineAt(compose.content, to + 1)).toBe('  webb:');
  });

  it('pod containers join the main container network; roles come from the labels', () => {
    const { one } = compiled('patterns');
    const sidecar = one.containers.find((c) => c.name === 'web-git-sync');
    expect(sidecar).toMatchObject({ role: 'sidecar', sharesNetworkOf: 'web', element: 'container:web/git-sync' });
    expect(one.wires).toContainEqual(expect.objectContaining({ from: 'web-git-sync', to: 'web', kind: 'namespace' }));
    expect(one.containers.find((c) => c.name === 'web')?.replicas).toBe(2);
    expect(one.wires).toContainEqual(expect.objectContaining({ from: 'web', to: 'redis', kind: 'link', elements: ['link:web->redis'] }));
  });
});

describe('2-level: the Kubernetes output as Kubernetes assembles it', () => {
  it('the seed example: three Deployments, Services matched to pods by their selectors', () => {
    const { kubernetes, two } = compiled('seed-compose');
    expect(two.workloads.map((w) => `${w.kind} ${w.name} ×${w.replicas}`)).toEqual([
      'Deployment weba ×1',
      'Deployment webb ×1',
      'Deployment haproxy ×1',
    ]);
    expect(Object.fromEntries(two.services.map((s) => [s.name, s.selects]))).toEqual({
      weba: ['weba'],
      webb: ['webb'],
      haproxy: ['haproxy'],
      'haproxy-published': ['haproxy'],
    });
    expect(two.services.find((s) => s.name === 'haproxy-published')?.type).toBe('LoadBalancer');
    expect(two.dns).toEqual([
      { from: 'haproxy', to: 'weba', elements: ['link:haproxy->weba'] },
      { from: 'haproxy', to: 'webb', elements: ['link:haproxy->webb'] },
    ]);
    expect(two.images.find((i) => i.image === 'qaware/nginx')?.elements).toEqual(['container:weba/nginx', 'container:webb/nginx']);
    const weba = two.workloads[0];
    expect(weba?.elements.sort()).toEqual(['container:weba/nginx', 'service:weba']);
    const [from, to] = weba?.lines.ranges[0] ?? [0, 0];
    expect(lineAt(kubernetes.content, from)).toBe('apiVersion: apps/v1');
    expect(
      kubernetes.content
        .split('\n')
        .slice(from - 1, to)
        .join('\n'),
    ).toContain('  name: weba');
    expect(lineAt(kubernetes.content, to + 1)).toBe('---');
    // The link's wait container is the link's, the main container the container's.
    const haproxy = two.workloads[2];
    expect(haproxy?.containers.map((c) => [c.name, c.role, c.element])).toEqual([
      ['haproxy', 'main', 'container:haproxy/haproxy'],
      ['wait-for-weba', 'wait', 'link:haproxy->weba'],
      ['wait-for-webb', 'wait', 'link:haproxy->webb'],
    ]);
    expect(lineAt(kubernetes.content, haproxy?.containers[0]?.line ?? 0)).toBe('      - name: haproxy');
  });

  it('the patterns example: an autoscaled Deployment, native sidecars, the other objects', () => {
    const { two } = compiled('patterns');
    const web = two.workloads.find((w) => w.name === 'web');
    expect(web).toMatchObject({ kind: 'Deployment', autoscaled: true, replicas: 2 });
    expect(web?.containers.map((c) => c.role).sort()).toEqual(['adapter', 'ambassador', 'main', 'sidecar', 'wait']);
    expect(two.others.map((o) => o.kind)).toEqual(expect.arrayContaining(['PersistentVolumeClaim', 'HorizontalPodAutoscaler', 'Ingress']));
  });

  it('selectors match the way Kubernetes matches them', () => {
    expect(matches({ a: '1' }, { a: '1', b: '2' })).toBe(true);
    expect(matches({ a: '1', b: '3' }, { a: '1', b: '2' })).toBe(false);
    expect(matches({}, { a: '1' })).toBe(false);
  });

  it('no output, no boxes', () => {
    expect(oneLevel(undefined)).toEqual({ containers: [], wires: [] });
    expect(twoLevel(undefined).workloads).toEqual([]);
  });
});
