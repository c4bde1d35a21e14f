import { describe, expect, it } from 'vitest';
import { loadBlueprint } from '../../src/load';
import { isReservedLabel } from '../../src/reserved-labels';
import { check, of, svc } from '../helpers';

describe('RESERVED_LABEL', () => {
  it('refuses ownership labels set by the user, naming each path', () => {
    const body = [
      'services:',
      svc('web', '    labels:\n      dev.blaupause.managed: "true"\n      com.docker.compose.project: other\n      team: shop\n'),
      'volumes:',
      '  data:',
      '    labels:',
      '      network.blaupause.dev/front: "true"',
      'networks:',
      '  back:',
      '    labels:',
      '      applyset.kubernetes.io/part-of: x',
      '',
    ].join('\n');
    const ds = of(check(body), 'RESERVED_LABEL');
    expect(ds.map((d) => d.path.join('.')).sort()).toEqual([
      'networks.back.labels.applyset.kubernetes.io/part-of',
      'services.web.labels.com.docker.compose.project',
      'services.web.labels.dev.blaupause.managed',
      'volumes.data.labels.network.blaupause.dev/front',
    ]);
    expect(ds.every((d) => d.severity === 'error' && d.hint)).toBe(true);
    expect(ds.find((d) => d.path.includes('dev.blaupause.managed'))).toMatchObject({
      elementId: 'service:web',
      message: expect.stringContaining('"dev.blaupause.managed" is reserved'),
    });
  });

  it('refuses them in the metadata labels too, and leaves other labels alone', () => {
    const text = `apiVersion: blaupause.dev/v1\nkind: Blueprint\nmetadata:\n  name: t\n  labels:\n    dev.blaupause.role: x\nservices:\n${svc('web', '    labels:\n      app.kubernetes.io/name: web\n      blaupause: fan\n')}`;
    const r = loadBlueprint(text);
    expect(r.ok).toBe(false);
    expect(of(r.diagnostics, 'RESERVED_LABEL').map((d) => d.path.join('.'))).toEqual(['metadata.labels.dev.blaupause.role']);
  });

  it('matches case and blank variants of the prefixes, not look-alikes', () => {
    for (const k of ['DEV.BLAUPAUSE.managed', ' com.docker.compose.service', 'x.y.blaupause.dev/z', 'blaupause.dev/a'])
      expect(isReservedLabel(k), k).toBe(true);
    for (const k of ['dev.blaupause', 'com.docker.composer', 'notblaupause.dev/x', 'app.kubernetes.io/part-of'])
      expect(isReservedLabel(k), k).toBe(false);
  });
});
