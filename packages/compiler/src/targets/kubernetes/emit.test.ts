import { API_VERSION, Blueprint, KIND } from '@blaupause/model';
import type { IConfigMap } from 'kubernetes-models/v1/ConfigMap';
import type { IPersistentVolumeClaim } from 'kubernetes-models/v1/PersistentVolumeClaim';
import { describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { compile } from '../../compile';
import { emitK8s, svc } from './testing';

const meta = (name: string) => ({
  name,
  labels: { 'app.kubernetes.io/name': name, 'app.kubernetes.io/part-of': 'app', 'app.kubernetes.io/managed-by': 'blaupause' },
});

describe('kubernetes.yaml', () => {
  it('orders objects: NetworkPolicies, ConfigMaps, PVCs, then per service in start order', () => {
    const out = emitK8s({
      services: {
        web: svc({
          networks: ['n'],
          links: [{ to: 'db' }],
          ports: [{ port: 80, publish: 8080, ingress: { path: '/' } }],
          scaling: { min: 1, max: 2 },
        }),
        db: svc({ networks: ['n'], ports: [{ port: 5432 }] }, { mounts: [{ type: 'volume', source: 'data', target: '/d' }] }),
      },
      volumes: { data: { size: '2Gi' } },
      networks: { n: {} },
      configs: { c: { content: 'x' } },
    });
    expect(out.index()).toEqual([
      'NetworkPolicy/network-n',
      'NetworkPolicy/web-exposed',
      'ConfigMap/c',
      'PersistentVolumeClaim/data',
      'Deployment/db',
      'Service/db',
      'Deployment/web',
      'Service/web',
      'Service/web-published',
      'HorizontalPodAutoscaler/web',
      'Ingress/web',
    ]);
  });

  it('writes a PVC per claimed volume, with access mode and a defaulted size', () => {
    const out = emitK8s({
      services: { a: svc() },
      volumes: {
        one: { size: '5Gi', labels: { tier: 'db' } },
        many: { access: 'shared' },
        ext: { external: true },
        tmp: { ephemeral: true },
      },
    });
    const one: IPersistentVolumeClaim = {
      apiVersion: 'v1',
      kind: 'PersistentVolumeClaim',
      metadata: { name: 'one', labels: { ...meta('one').labels, tier: 'db' } },
      spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '5Gi' } } },
    };
    expect(out.get('PersistentVolumeClaim', 'one')).toEqual(one);
    expect(out.get('PersistentVolumeClaim', 'many').spec).toEqual({
      accessModes: ['ReadWriteMany'],
      resources: { requests: { storage: '1Gi' } },
    });
    expect(out.index()).toEqual(['PersistentVolumeClaim/one', 'PersistentVolumeClaim/many', 'Deployment/a']);
    expect(out.notes.map((n) => [n.kind, n.path.join('.')])).toEqual([['approximated', 'volumes.many.size']]);
  });

  it('notes ephemeral volumes that several services mount', () => {
    const mount = { mounts: [{ type: 'volume', source: 't', target: '/t' }] };
    const out = emitK8s({ services: { a: svc({}, mount), b: svc({}, mount) }, volumes: { t: { ephemeral: true } } });
    expect(out.notes.map((n) => [n.kind, n.path.join('.')])).toEqual([['approximated', 'volumes.t.ephemeral']]);
  });

  it('writes content configs as ConfigMaps and tells how to create file configs and secrets', () => {
    const out = emitK8s({
      services: { a: svc() },
      configs: { inline: { content: 'a: 1\n' }, fromfile: { file: './app.conf' }, ext: { external: true } },
      secrets: { pw: { file: './pw.txt' }, token: { environment: 'API_TOKEN' }, given: { external: true } },
    });
    const cm: IConfigMap = { apiVersion: 'v1', kind: 'ConfigMap', metadata: meta('inline'), data: { inline: 'a: 1\n' } };
    expect(out.index()).toEqual(['ConfigMap/inline', 'Deployment/a']);
    expect(out.get('ConfigMap', 'inline')).toEqual(cm);
    expect(out.notes.map((n) => [n.path.join('.'), n.hint])).toEqual([
      ['configs.fromfile.file', 'kubectl create configmap fromfile --from-file=fromfile=./app.conf'],
      ['configs.ext.external', undefined],
      ['secrets.pw.file', 'kubectl create secret generic pw --from-file=pw=./pw.txt'],
      ['secrets.token.environment', 'kubectl create secret generic token --from-literal=token="$API_TOKEN"'],
      ['secrets.given.external', undefined],
    ]);
  });

  it('notes profiles, which Kubernetes has not', () => {
    const out = emitK8s({ services: { a: svc({ profiles: ['debug'] }) } });
    expect(out.notes.map((n) => n.path.join('.'))).toEqual(['services.a.profiles']);
  });

  it('leaves out a pod without a main container (validation reports it)', () => {
    const out = emitK8s({ services: { a: { containers: { h: { role: 'sidecar', image: 'x' } } } } });
    expect(out.docs).toEqual([]);
  });
});

describe('source map', () => {
  it('maps each object and container to the element it came from', () => {
    const bp = Blueprint.parse({
      apiVersion: API_VERSION,
      kind: KIND,
      metadata: { name: 'app' },
      services: {
        db: svc({ ports: [{ port: 5432 }] }, { mounts: [{ type: 'volume', source: 'data', target: '/d' }] }),
        web: svc({ links: [{ to: 'db' }] }),
      },
      volumes: { data: {} },
    });
    const { files, diagnostics } = compile(bp, 'kubernetes');
    const file = files[0];
    const lines = file?.content.split('\n') ?? [];
    const first = (id: string) => {
      const r = file?.sourceMap.find((s) => s.elementId === id);
      return r ? lines[r.startLine - 1] : undefined;
    };
    expect(first('volume:data')).toBe('apiVersion: v1');
    expect(first('service:db')).toBe('apiVersion: apps/v1');
    expect(first('container:db/main')).toBe('      - name: main');
    expect(first('link:web->db')).toBe('      - name: wait-for-db');
    expect(file?.sourceMap.map((s) => s.elementId)).toEqual([
      'volume:data',
      'container:db/main',
      'volume:data',
      'service:db',
      'service:db',
      'link:web->db',
      'container:web/main',
      'service:web',
    ]);
    expect(diagnostics.map((d) => [d.code, d.target, d.elementId])).toEqual([['FIDELITY_APPROXIMATED', 'kubernetes', 'volume:data']]);
    expect(parseAllDocuments(file?.content ?? '').map((d) => d.toJS().kind)).toEqual([
      'PersistentVolumeClaim',
      'Deployment',
      'Service',
      'Deployment',
    ]);
  });

  it('is deterministic', () => {
    const input = { services: { a: svc({ ports: [{ port: 1, publish: 2 }], links: [{ to: 'b' }] }), b: svc({ ports: [{ port: 3 }] }) } };
    expect(JSON.stringify(emitK8s(input).docs)).toBe(JSON.stringify(emitK8s(input).docs));
  });
});
