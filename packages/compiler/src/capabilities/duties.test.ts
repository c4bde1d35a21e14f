import { readdirSync, readFileSync } from 'node:fs';
import { loadBlueprint } from '@blaupause/model';
import { describe, expect, it } from 'vitest';
import { compile, TARGETS } from '../compile';
import { dutyOfNote } from './duties';
import { capabilityMatrix } from './matrix';

describe('dutyOfNote', () => {
  it.each([
    [['services', 'web', 'scaling'], 'scaling'],
    [['services', 'web', 'placement', 'constraints', 0], 'scheduling'],
    [['services', 'api', 'links', 2, 'condition'], 'scheduling'],
    [['services', 'api', 'links', 0, 'env'], 'services'],
    [['services', 'web', 'ports', 0, 'publish'], 'networking'],
    [['services', 'web', 'ports', 0, 'ingress', 'tls'], 'services'],
    [['services', 'web', 'containers', 'git-sync'], 'scheduling'],
    [['services', 'web', 'containers', 'nginx', 'healthcheck', 'liveness'], 'healing'],
    [['services', 'web', 'containers', 'nginx', 'healthcheck', 'interval'], 'monitoring'],
    [['services', 'web', 'containers', 'nginx', 'restart'], 'healing'],
    [['services', 'web', 'containers', 'nginx', 'build'], 'logistics'],
    [['services', 'web', 'containers', 'nginx', 'mounts', 1], 'storage'],
    [['services', 'web', 'containers', 'nginx', 'user'], 'other'],
    [['services', 'web', 'rollout', 'failureAction'], 'rollout'],
    [['services', 'web'], 'services'],
    [['volumes', 'pgdata', 'size'], 'storage'],
    [['networks', 'shared', 'external'], 'networking'],
    [['secrets', 'token', 'environment'], 'packages'],
    [['options', 'kubernetesVersion'], 'other'],
  ] as const)('%j → %s', (path, duty) => {
    expect(dutyOfNote({ path })).toBe(duty);
  });
});

/** Host access, security and label settings are no orchestrator duty: only they may end up in "other". */
const OTHER_FIELDS = new Set(['devices', 'privileged', 'hostPid', 'hostIpc', 'user', 'labels', 'kubernetesVersion']);

describe('every golden blueprint', () => {
  const root = new URL('../../test/golden/', import.meta.url);
  const cases = readdirSync(root).filter((d) => readdirSync(new URL(`${d}/`, root)).includes('blueprint.yaml'));

  it.each(cases)('%s: each note in one cell of its target; "other" only for settings outside the duties', (dir) => {
    const bp = loadBlueprint(readFileSync(new URL(`${dir}/blueprint.yaml`, root), 'utf8')).blueprint;
    if (!bp) throw new Error(`${dir}: not loadable`);
    const m = capabilityMatrix(bp);
    for (const t of TARGETS) {
      const notes = compile(bp, t).diagnostics;
      const filed = m.rows.flatMap((r) => r.cells[t].evidence);
      expect(filed).toHaveLength(notes.length);
      for (const n of notes) {
        const row = m.rows.find(
          (r) =>
            r.cells[t].evidence.includes(n) || r.cells[t].evidence.some((e) => e.message === n.message && e.path.join() === n.path.join()),
        );
        expect(row?.duty).toBe(dutyOfNote(n));
        if (row?.duty === 'other') expect(OTHER_FIELDS.has(String(n.path[n.path.length - 1])), n.message).toBe(true);
        // A cell with evidence is never called automated.
        expect(row?.cells[t].level).not.toBe('automated');
      }
    }
  });
});
