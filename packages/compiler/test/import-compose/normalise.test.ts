import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { normaliseCompose } from './normalise';

const n = (text: string, opts?: Parameters<typeof normaliseCompose>[1]) => normaliseCompose(parse(text), opts);
const svc = (body: string) => n(`services:\n  a:\n    image: x\n${body}\n`);

/** The round trip is only as good as its normaliser: equal meaning → equal form, and nothing more. */
describe('normaliseCompose', () => {
  it('equates short and long syntax', () => {
    expect(svc('    ports: ["127.0.0.1:8080:80", "53:53/udp", "9000-9001:9000-9001"]\n    expose: [3000, "80"]')).toEqual(
      svc(
        '    ports:\n      - {target: 80, published: 8080, host_ip: 127.0.0.1}\n      - {target: 53, published: "53", protocol: udp}\n      - {target: 9000, published: 9000}\n      - {target: 9001, published: 9001}\n      - "3000"',
      ),
    );
    expect(svc('    environment: [A=1, B=]')).toEqual(svc('    environment: {A: 1, B: ""}'));
    expect(svc('    volumes: ["data:/d:ro", "./c:/c"]')).toEqual(
      svc('    volumes:\n      - {type: bind, source: ./c, target: /c}\n      - {type: volume, source: data, target: /d, read_only: true}'),
    );
    expect(svc('    depends_on: [b]\n    links: [c]')).toEqual(
      svc('    depends_on:\n      b: {condition: service_started}\n      c: {condition: service_started}'),
    );
    expect(svc('    command: echo "a b"\n    healthcheck: {test: "true"}')).toEqual(
      svc('    command: [echo, a b]\n    healthcheck: {test: [CMD-SHELL, "true"]}'),
    );
    expect(svc('    mem_limit: 1g\n    cpus: 0.5')).toEqual(
      svc('    deploy:\n      resources:\n        limits: {cpus: "0.5", memory: 1024m}'),
    );
    expect(svc('    secrets: [s]')).toEqual(svc('    secrets: [{source: s, target: /run/secrets/s}]'));
    expect(svc('    environment: [P=$HOME]')).toEqual(svc('    environment: ["P=${HOME}"]'));
  });

  it('tells different meanings apart', () => {
    expect(svc('    ports: ["8080:80"]')).not.toEqual(svc('    ports: ["8081:80"]'));
    expect(svc('    ports: ["8080:80"]')).not.toEqual(svc('    ports: ["8080:80/udp"]'));
    expect(svc('    volumes: ["data:/d:ro"]')).not.toEqual(svc('    volumes: ["data:/d"]'));
    expect(svc('    volumes: ["./data:/d"]')).not.toEqual(svc('    volumes: ["data:/d"]'));
    expect(svc('    depends_on: {b: {condition: service_healthy}}')).not.toEqual(svc('    depends_on: [b]'));
    expect(svc('    environment: [A=1]')).not.toEqual(svc('    environment: [A=2]'));
    expect(svc('    command: ["a b"]')).not.toEqual(svc('    command: a b'));
    expect(svc('    unknown_key: 1')).not.toEqual(svc(''));
  });

  it('removes what was reported lost, sub-keys of a short syntax included, and applies renames', () => {
    const original = n('version: "3"\nservices:\n  Web_App:\n    image: x\n    container_name: w\n    volumes: ["./s:/s:z", /cache]\n', {
      lost: [['version'], ['services', 'Web_App', 'container_name'], ['services', 'Web_App', 'volumes', 0, 'bind', 'selinux']],
      renames: { services: { Web_App: 'web-app' } },
      namedVolumes: [{ path: ['services', 'Web_App', 'volumes', 1], name: 'web-app-cache' }],
    });
    expect(original).toEqual(
      n(
        'name: x\nservices:\n  web-app:\n    image: x\n    labels: {dev.blaupause.role: main}\n    volumes:\n      - {type: bind, source: ./s, target: /s}\n      - {type: volume, source: web-app-cache, target: /cache}\nvolumes:\n  web-app-cache: {}\n',
      ),
    );
  });

  it('names helpers as the emitter does and ignores their implied dependency', () => {
    const original = n('services:\n  web:\n    image: x\n  log:\n    image: y\n    network_mode: service:web\n', {
      helpers: { log: 'web-log' },
    });
    expect(original).toEqual(
      n(
        'services:\n  web:\n    image: x\n  web-log:\n    image: y\n    network_mode: service:web\n    depends_on: {web: {condition: service_started}}\n',
      ),
    );
  });
});
