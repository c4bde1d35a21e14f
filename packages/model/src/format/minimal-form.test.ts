import { describe, expect, it } from 'vitest';
import { parseBlueprint } from '../parse/parse-blueprint';
import { Blueprint } from '../schema/blueprint';
import { minimalForm } from './minimal-form';

const bp = Blueprint.parse({
  apiVersion: 'blaupause.dev/v1',
  kind: 'Blueprint',
  metadata: { name: 'shop' },
  services: {
    web: {
      replicas: 2,
      ports: [{ port: 80, ingress: { host: 'shop.test' } }],
      links: [{ to: 'api' }, { to: 'db', condition: 'healthy' }],
      containers: { nginx: { image: 'nginx' }, sync: { role: 'sidecar', image: 'git-sync' } },
    },
    api: { containers: { app: { image: 'api', healthcheck: { test: { http: { port: 8080 } } } } } },
    db: { containers: { pg: { image: 'postgres', healthcheck: { test: { exec: ['pg_isready'] } } } } },
  },
  volumes: { data: {}, shared: { access: 'shared' } },
});

describe('minimalForm', () => {
  it('leaves out values equal to the schema defaults and reads back to the same document', () => {
    const min = minimalForm(bp) as unknown as { services: Record<string, Record<string, unknown>>; volumes: Record<string, unknown> };
    expect(min.services.api).toEqual({ containers: { app: { image: 'api', healthcheck: { test: { http: { port: 8080 } } } } } });
    expect(min.services.web?.links).toEqual([{ to: 'api' }, { to: 'db', condition: 'healthy' }]);
    expect(min.services.web?.replicas).toBe(2);
    expect(min.volumes).toEqual({ data: {}, shared: { access: 'shared' } });
    const back = parseBlueprint(JSON.parse(JSON.stringify(min)));
    expect(back.ok && back.value).toEqual(bp);
  });
});
