import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { loadBlueprint } from '@blaupause/model';
import { afterAll, describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { compile } from '../../compile';
import { type KustomizeFile, kustomize } from './kustomize';

const run = promisify(execFile);
const KUBECTL = '/usr/bin/kubectl';
const root = join(__dirname, '../../../../..');
const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

function manifestsOf(example: string, namespace?: string): string {
  const loaded = loadBlueprint(readFileSync(join(root, 'examples', example), 'utf8'));
  if (!loaded.blueprint) throw new Error(`${example} does not load`);
  return compile(loaded.blueprint, 'kubernetes', namespace ? { namespace } : {}).files[0]?.content ?? '';
}

function write(files: readonly KustomizeFile[]): string {
  const dir = mkdtempSync(join(tmpdir(), 'bp-kustomize-'));
  dirs.push(dir);
  for (const f of files) {
    mkdirSync(dirname(join(dir, f.path)), { recursive: true });
    writeFileSync(join(dir, f.path), f.content);
  }
  return dir;
}

const objects = (text: string) => parseAllDocuments(text).map((d) => d.toJS() as Record<string, unknown>);
const key = (o: Record<string, unknown>) => {
  const m = o.metadata as { name: string; namespace?: string };
  return `${o.kind}/${m.namespace ?? ''}/${m.name}`;
};
/** Objects as a set: sorted by kind/namespace/name, compared deeply. */
const asSet = (os: Record<string, unknown>[]) => [...os].sort((a, b) => key(a).localeCompare(key(b)));
const render = async (dir: string) => (await run(KUBECTL, ['kustomize', dir], { maxBuffer: 64 << 20 })).stdout;

describe('kustomize export', () => {
  for (const [example, ns] of [
    ['three-tier.blueprint.yaml', undefined],
    ['patterns.blueprint.yaml', 'shop'],
    ['sidecar.blueprint.yaml', undefined],
  ] as const) {
    it(`kubectl kustomize base of ${example} equals the plain manifests`, async () => {
      const plain = manifestsOf(example, ns);
      const result = kustomize(plain);
      if (!result.ok) throw new Error(JSON.stringify(result.problems));
      const dir = write(result.files);
      const rendered = objects(await render(join(dir, 'base')));
      expect(rendered.length).toBeGreaterThan(2);
      expect(asSet(rendered)).toEqual(asSet(objects(plain)));
    }, 60_000);
  }

  it('an overlay renders with its replicas, image tag and resources patches applied', async () => {
    const plain = manifestsOf('three-tier.blueprint.yaml');
    const result = kustomize(plain, {
      dev: { replicas: { web: 1, api: 1 }, images: { 'shop/web': '1.1-dev' } },
      prod: {
        replicas: { web: 5 },
        images: { 'shop/api': '2.0' },
        resources: { api: { api: { limits: { cpu: '2', memory: '1Gi' }, requests: { cpu: '500m' } } } },
      },
    });
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    const dir = write(result.files);
    const find = (os: Record<string, unknown>[], name: string) =>
      os.find((o) => o.kind === 'Deployment' && (o.metadata as { name: string }).name === name) as {
        spec: { replicas: number; template: { spec: { containers: { name: string; image: string; resources?: unknown }[] } } };
      };
    const dev = objects(await render(join(dir, 'overlays/dev')));
    expect(find(dev, 'web').spec.replicas).toBe(1);
    expect(find(dev, 'api').spec.replicas).toBe(1);
    expect(find(dev, 'web').spec.template.spec.containers[0]?.image).toBe('shop/web:1.1-dev');
    const prod = objects(await render(join(dir, 'overlays/prod')));
    expect(find(prod, 'web').spec.replicas).toBe(5);
    const api = find(prod, 'api').spec.template.spec.containers.find((c) => c.name === 'api');
    expect(api?.image).toBe('shop/api:2.0');
    expect(api?.resources).toEqual({ limits: { cpu: '2', memory: '1Gi' }, requests: { cpu: '500m' } });
    // Everything not patched is the base's.
    expect(find(prod, 'db')).toEqual(find(objects(plain), 'db'));
  }, 60_000);

  it('default overlays: dev at one replica, prod pinned to the blueprint', async () => {
    const result = kustomize(manifestsOf('three-tier.blueprint.yaml'));
    if (!result.ok) throw new Error('failed');
    expect(result.files.map((f) => f.path)).toContain('overlays/dev/kustomization.yaml');
    const dir = write(result.files);
    const dev = objects(await render(join(dir, 'overlays/dev')));
    const web = dev.find((o) => (o.metadata as { name: string }).name === 'web' && o.kind === 'Deployment') as {
      spec: { replicas: number };
    };
    expect(web.spec.replicas).toBe(1);
  }, 60_000);

  it('names an unknown workload, container or image in an overlay', () => {
    const result = kustomize(manifestsOf('three-tier.blueprint.yaml'), {
      prod: { replicas: { nope: 2 }, images: { 'other/img': '1' }, resources: { api: { ghost: { limits: { cpu: '1' } } } } },
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems.map((p) => `${p.code} ${p.path.join('.')}`)).toEqual([
      'KUSTOMIZE_UNKNOWN_WORKLOAD prod.replicas.nope',
      'KUSTOMIZE_UNKNOWN_IMAGE prod.images.other/img',
      'KUSTOMIZE_UNKNOWN_CONTAINER prod.resources.api.ghost',
    ]);
  });
});
