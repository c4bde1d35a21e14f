import { readdirSync, readFileSync } from 'node:fs';
import { type Blueprint, loadBlueprint } from '@blaupause/model';
import { describe, expect, it } from 'vitest';
import { compile, TARGETS } from '../compile';
import { DUTIES, dutyOfNote } from './duties';
import { type CapabilityMatrix, capabilityMatrix, capabilityMatrixOf } from './matrix';

const EXAMPLES = new URL('../../../../examples/', import.meta.url);
const load = (file: string): Blueprint => {
  const r = loadBlueprint(readFileSync(new URL(file, EXAMPLES), 'utf8'), { file });
  if (!r.blueprint) throw new Error(`${file}: ${r.diagnostics.map((d) => d.message).join('; ')}`);
  return r.blueprint;
};
const files = readdirSync(EXAMPLES).filter((f) => f.endsWith('.blueprint.yaml'));
const cell = (m: CapabilityMatrix, duty: string, column: 'docker' | 'compose' | 'swarm' | 'kubernetes') => {
  const row = m.rows.find((r) => r.duty === duty);
  if (!row) throw new Error(`no row ${duty}`);
  return row.cells[column];
};

/** Every note of every target is in exactly one cell: its target's column, its duty's row. */
function expectEveryNoteOnce(bp: Blueprint, m: CapabilityMatrix): number {
  let count = 0;
  for (const t of TARGETS)
    for (const note of compile(bp, t).diagnostics) {
      count++;
      const holders = m.rows.flatMap((r) =>
        Object.entries(r.cells)
          .filter(([, c]) => c.evidence.some((e) => e.message === note.message && e.target === t))
          .map(([col]) => `${r.duty}/${col}`),
      );
      expect(holders, `${t}: ${note.message}`).toEqual([`${dutyOfNote(note)}/${t}`]);
    }
  const placed = m.rows.reduce((n, r) => n + Object.values(r.cells).reduce((k, c) => k + c.evidence.length, 0), 0);
  expect(placed).toBe(count);
  return count;
}

describe('capabilityMatrix over the seed example', () => {
  const bp = load('seed-compose.blueprint.yaml');
  const m = capabilityMatrix(bp);

  it('has the lecture duties as rows and the four targets as columns', () => {
    expect(m.rows.map((r) => r.duty)).toEqual(DUTIES.map((d) => d.id));
    expect(m.columns.map((c) => c.label)).toEqual(['Docker via Blaupause', 'Compose', 'Swarm', 'Kubernetes']);
  });

  it('puts every fidelity note into the cell of its duty and drops none', () => {
    expect(expectEveryNoteOnce(bp, m)).toBe(3);
    // Swarm ignores the start order of haproxy's two links: a scheduling constraint.
    expect(cell(m, 'scheduling', 'swarm').evidence.map((d) => d.path.join('.'))).toEqual([
      'services.haproxy.links.0',
      'services.haproxy.links.1',
    ]);
    expect(cell(m, 'scheduling', 'swarm').level).toBe('partial');
    // Port 80 is published by a LoadBalancer Service on Kubernetes.
    expect(cell(m, 'networking', 'kubernetes').evidence.map((d) => d.message)).toEqual([
      expect.stringContaining('outside the NodePort range'),
    ]);
    expect(cell(m, 'networking', 'kubernetes').level).toBe('partial');
  });

  it('matches the facts: no scaling policy, no volumes, no canary', () => {
    expect(cell(m, 'scaling', 'kubernetes').level).toBe('manual');
    expect(cell(m, 'scaling', 'compose').level).toBe('manual');
    expect(cell(m, 'scaling', 'docker').level).toBe('manual');
    for (const c of ['docker', 'compose', 'swarm', 'kubernetes'] as const) expect(cell(m, 'storage', c).level).toBe('not-applicable');
    expect(cell(m, 'rollout', 'compose').level).toBe('manual');
    expect(cell(m, 'rollout', 'kubernetes').level).toBe('automated');
    // No restart policy in the seed example: plain Compose leaves an exited container down.
    expect(cell(m, 'healing', 'compose').level).toBe('manual');
    expect(cell(m, 'healing', 'docker').level).toBe('automated');
    expect(cell(m, 'scheduling', 'compose').level).toBe('automated');
    expect(cell(m, 'other', 'kubernetes').level).toBe('not-applicable');
  });

  it('gives every partial or manual cell a reason', () => {
    for (const r of m.rows) for (const c of Object.values(r.cells)) expect(c.why.length).toBeGreaterThan(20);
  });

  it('equals the matrix from results compiled already', () => {
    const compiled = { compose: compile(bp, 'compose'), swarm: compile(bp, 'swarm'), kubernetes: compile(bp, 'kubernetes') };
    expect(capabilityMatrixOf(bp, compiled)).toEqual(m);
  });
});

describe('capabilityMatrix over the pattern examples', () => {
  it.each(files)('%s: every note in exactly the cell of its duty', (file) => {
    const bp = load(file);
    expectEveryNoteOnce(bp, capabilityMatrix(bp));
  });

  it('scaling: Kubernetes automates it only with a scaling policy, and says when the HPA cannot act', () => {
    const bp = load('patterns.blueprint.yaml');
    const m = capabilityMatrix(bp);
    const k = cell(m, 'scaling', 'kubernetes');
    expect(k.why).toContain('HorizontalPodAutoscaler scales web');
    // The HPA is written, but git-sync, redis-proxy and metrics have no CPU request.
    expect(k.level).toBe('partial');
    expect(k.evidence.map((d) => d.message)).toEqual([expect.stringContaining('the autoscaler cannot act')]);
    expect(cell(m, 'scaling', 'compose')).toMatchObject({
      level: 'manual',
      evidence: [expect.objectContaining({ code: 'FIDELITY_LOST' })],
    });
    expect(cell(m, 'scaling', 'swarm').evidence[0]?.message).toContain('Swarm has no autoscaling');
    expect(cell(m, 'rollout', 'compose').evidence[0]?.path).toEqual(['services', 'web', 'rollout']);
    expect(cell(m, 'services', 'compose').evidence[0]?.message).toContain('Compose has no ingress');
    expect(cell(m, 'storage', 'compose').evidence.length).toBe(2);

    const noPolicy = structuredClone(bp);
    for (const s of Object.values(noPolicy.services)) delete s.scaling;
    expect(cell(capabilityMatrix(noPolicy), 'scaling', 'kubernetes')).toMatchObject({ level: 'manual', evidence: [] });
  });

  it('three-tier: per-node volumes on Swarm, healthchecks as monitoring evidence', () => {
    const m = capabilityMatrix(load('three-tier.blueprint.yaml'));
    expect(cell(m, 'storage', 'swarm').level).toBe('partial');
    expect(cell(m, 'healing', 'compose').level).toBe('manual');
    const restarting = load('three-tier.blueprint.yaml');
    const api = restarting.services.api?.containers.api;
    if (api) api.restart = 'always';
    expect(cell(capabilityMatrix(restarting), 'healing', 'compose')).toMatchObject({
      level: 'partial',
      why: expect.stringContaining('The restart policies of api/api restart them'),
    });
    if (api) api.restart = 'no';
    expect(cell(capabilityMatrix(restarting), 'healing', 'swarm')).toMatchObject({
      level: 'partial',
      why: expect.stringContaining('not those of api/api'),
    });
    expect(cell(m, 'healing', 'swarm').level).toBe('automated');
    expect(cell(m, 'storage', 'kubernetes').level).toBe('automated');
    expect(cell(m, 'monitoring', 'compose').evidence.every((d) => d.path.includes('healthcheck'))).toBe(true);
    expect(cell(m, 'monitoring', 'compose').evidence.length).toBe(2);
  });

  it('a blueprint without services has nothing to automate', () => {
    const m = capabilityMatrix({ ...load('seed-compose.blueprint.yaml'), services: {} });
    for (const r of m.rows) for (const c of Object.values(r.cells)) expect(c.level).toBe('not-applicable');
  });
});
