import { describe, expect, it } from 'vitest';
import { TEMPLATES } from '../templates/templates';
import { openText } from './open-text';

const compose = `services:
  web:
    image: nginx:1.27
    ports: ["8080:80"]
    depends_on: [db]
    stop_grace_period: 5s
  db:
    image: postgres:17
    volumes: [data:/var/lib/postgresql/data]
volumes:
  data: {}
`;

describe('openText', () => {
  it('loads a blueprint as it is', () => {
    const text = TEMPLATES.find((t) => t.id === 'seed-compose')?.text ?? '';
    const r = openText(text, 'seed.blueprint.yaml');
    expect(r.format).toBe('blueprint');
    expect(Object.keys(r.blueprint?.services ?? {})).toEqual(['weba', 'webb', 'haproxy']);
  });

  it('imports a Compose file: one service per Compose service, links and volumes carried', () => {
    const r = openText(compose, 'compose.yaml');
    expect(r.format).toBe('imported');
    expect(Object.keys(r.blueprint?.services ?? {}).sort()).toEqual(['db', 'web']);
    expect(r.blueprint?.services.web?.links?.map((l) => l.to)).toEqual(['db']);
    expect(Object.keys(r.blueprint?.volumes ?? {})).toEqual(['data']);
  });

  it('reports what it cannot read, without a blueprint', () => {
    const r = openText('just: [unclosed', 'broken.yaml');
    expect(r.blueprint).toBeUndefined();
    expect(r.diagnostics.length).toBeGreaterThan(0);
    expect(openText('hello: world', 'x.yaml').diagnostics.map((d) => d.code)).toContain('UNKNOWN_FORMAT');
  });
});
