import { blueprintYaml } from '@blaupause/compiler';
import { type Blueprint, elementId, loadBlueprint, validate } from '@blaupause/model';
import { describe, expect, it } from 'vitest';
import { applyCommand } from '../model/commands';
import { readFragment } from './clipboard-text';
import { copyFragment } from './fragment';
import { PASTE_OFFSET, pastePlan } from './paste-plan';

const TEXT = `apiVersion: blaupause.dev/v1
kind: Blueprint
metadata: { name: shop }
services:
  web:
    ports: [{ port: 80, publish: 8080 }]
    links: [{ to: api }, { to: cache }]
    containers:
      nginx: { role: main, image: nginx:1.27 }
  api:
    links: [{ to: db, condition: healthy }]
    containers:
      app: { role: main, image: api:1, mounts: [{ type: volume, source: uploads, target: /uploads }] }
      log: { role: sidecar, image: fluent-bit:3 }
  db:
    containers:
      postgres: { role: main, image: postgres:17, healthcheck: { test: { exec: [pg_isready] } }, mounts: [{ type: volume, source: data, target: /var/lib/postgresql/data }] }
  cache:
    containers:
      redis: { role: main, image: redis:7 }
volumes:
  data: {}
  uploads: { access: shared }
layout:
  nodes:
    service:web: { x: 0, y: 0 }
    service:api: { x: 400, y: 0 }
    service:db: { x: 800, y: 0 }
    service:cache: { x: 400, y: 200 }
    volume:data: { x: 1200, y: 0 }
    volume:uploads: { x: 800, y: 200 }
`;

function load(text: string): Blueprint {
  const r = loadBlueprint(text);
  if (!r.blueprint) throw new Error(JSON.stringify(r.diagnostics));
  return r.blueprint;
}

function apply(bp: Blueprint, plan: ReturnType<typeof pastePlan>): Blueprint {
  if (!plan) throw new Error('no plan');
  const r = applyCommand(bp, plan.command);
  if (!r.ok) throw new Error(r.error);
  return r.value;
}

const bp = load(TEXT);
const EMPTY = load('apiVersion: blaupause.dev/v1\nkind: Blueprint\nmetadata: { name: other }\nservices: {}\n');

describe('copyFragment', () => {
  it('holds the selected services and volumes with their layout, and referenced volumes without', () => {
    const f = copyFragment(bp, ['service:api', 'service:db', 'volume:data', 'link:web->api']);
    expect(Object.keys(f?.services ?? {})).toEqual(['api', 'db']);
    expect(f?.services.api).toEqual(bp.services.api); // the pod verbatim, helpers included
    expect(Object.keys(f?.volumes ?? {}).sort()).toEqual(['data', 'uploads']);
    expect(Object.keys(f?.layout?.nodes ?? {}).sort()).toEqual(['service:api', 'service:db', 'volume:data']);
  });

  it('is nothing when no node is selected', () => {
    expect(copyFragment(bp, [])).toBeUndefined();
    expect(copyFragment(bp, ['link:web->api'])).toBeUndefined();
  });

  it('survives the clipboard: written as blueprint YAML and read back the same', async () => {
    const f = copyFragment(bp, ['service:web', 'service:api']);
    if (!f) throw new Error('no fragment');
    const text = blueprintYaml(f); // what copyText writes
    expect(text).toMatch(/^apiVersion: blaupause\.dev\/v1/);
    expect(text).toContain('service:web');
    const back = await readFragment(text);
    expect(back.ok && back.fragment.services).toEqual(f.services);
    expect(back.ok && back.fragment.layout).toEqual(f.layout);
  });
});

describe('pastePlan', () => {
  it('pastes into the same document under free names, keeping links among the copies and to services still there', () => {
    const f = copyFragment(bp, ['service:web', 'service:api']);
    const plan = pastePlan(bp, f ?? EMPTY);
    expect(plan?.ids).toEqual(['service:web-2', 'service:api-2']);
    const next = apply(bp, plan);
    expect(next.services['web-2']?.links?.map((l) => l.to)).toEqual(['api-2', 'cache']);
    expect(next.services['api-2']?.links).toEqual([{ to: 'db', condition: 'healthy' }]);
    expect(next.services['api-2']?.containers).toEqual(bp.services.api?.containers); // shares the volume it referred to
    expect(Object.keys(next.volumes ?? {})).toEqual(['data', 'uploads']);
    // the originals are untouched; the host port the original publishes is not published twice
    expect(next.services.web).toBe(bp.services.web);
    expect(next.services['web-2']?.ports).toEqual([{ port: 80, protocol: 'tcp' }]);
    expect(validate(next).filter((d) => d.severity === 'error')).toEqual([]);
  });

  it('offsets positions, and a second paste lands one more step away', () => {
    const f = copyFragment(bp, ['service:web', 'service:api']) ?? EMPTY;
    const once = apply(bp, pastePlan(bp, f));
    expect(once.layout?.nodes['service:web-2']).toEqual({ x: PASTE_OFFSET, y: PASTE_OFFSET });
    expect(once.layout?.nodes['service:api-2']).toEqual({ x: 400 + PASTE_OFFSET, y: PASTE_OFFSET });
    const twice = apply(once, pastePlan(once, f));
    expect(twice.layout?.nodes['service:web-3']).toEqual({ x: 2 * PASTE_OFFSET, y: 2 * PASTE_OFFSET });
  });

  it('puts the top-left pasted node at a given point', () => {
    const f = copyFragment(bp, ['service:web', 'service:api']) ?? EMPTY;
    const next = apply(bp, pastePlan(bp, f, { x: 1000, y: 600 }));
    expect(next.layout?.nodes['service:web-2']).toEqual({ x: 1000, y: 600 });
    expect(next.layout?.nodes['service:api-2']).toEqual({ x: 1400, y: 600 });
  });

  it('copies selected volumes under a new name, with the mounts of the copied services following', () => {
    const f = copyFragment(bp, ['service:db', 'volume:data']) ?? EMPTY;
    const plan = pastePlan(bp, f);
    expect(plan?.ids.sort()).toEqual(['service:db-2', 'volume:data-2']);
    const next = apply(bp, plan);
    expect(next.services['db-2']?.containers.postgres?.mounts?.[0]).toMatchObject({ type: 'volume', source: 'data-2' });
    expect(next.volumes?.['data-2']).toEqual(bp.volumes?.data);
    expect(next.layout?.nodes['volume:data-2']).toEqual({ x: 1200 + PASTE_OFFSET, y: PASTE_OFFSET });
  });

  it('into another document: keeps names, drops links to services that are not there, adds referenced volumes', () => {
    const f = copyFragment(bp, ['service:web', 'service:api']) ?? EMPTY;
    const next = apply(EMPTY, pastePlan(EMPTY, f));
    expect(Object.keys(next.services)).toEqual(['web', 'api']);
    expect(next.services.web?.links).toEqual([{ to: 'api', condition: 'started' }]);
    expect(next.services.api?.links).toBeUndefined();
    expect(next.services.web?.ports).toEqual([{ port: 80, protocol: 'tcp', publish: 8080 }]);
    expect(Object.keys(next.volumes ?? {})).toEqual(['uploads']);
    expect(next.layout?.nodes[elementId.volume('uploads')]).toBeDefined();
    expect(validate(next).filter((d) => d.severity === 'error')).toEqual([]);
  });

  it('is one command: applying it to a document that changed meanwhile fails instead of overwriting', () => {
    const f = copyFragment(bp, ['service:web']) ?? EMPTY;
    const plan = pastePlan(EMPTY, f);
    expect(plan?.command.kind).toBe('insertElements');
    const r = applyCommand(bp, plan?.command ?? { kind: 'batch', commands: [] });
    expect(r).toMatchObject({ ok: false, error: expect.stringContaining('exists') });
  });
});

describe('readFragment', () => {
  it('imports Compose text, and says what it cannot read', async () => {
    const compose = await readFragment('services:\n  web:\n    image: nginx\n    depends_on: [db]\n  db:\n    image: postgres\n');
    expect(compose.ok && compose.imported).toBe(true);
    expect(compose.ok && Object.keys(compose.fragment.services).sort()).toEqual(['db', 'web']);
    expect(await readFragment('hello: world')).toMatchObject({ ok: false });
    expect(await readFragment('  ')).toMatchObject({ ok: false, error: 'The clipboard is empty.' });
  });
});
