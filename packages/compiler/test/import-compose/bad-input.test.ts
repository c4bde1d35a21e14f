import { describe, expect, it } from 'vitest';
import { importCompose } from '../../src/import/compose/import-compose';
import { codes, imported, main } from './helpers';

/** The importer rows of research/threat-model-and-faults.md §(c1), each with its exact codes and paths. */
describe('importCompose: bad input (threat model §c1)', () => {
  it('C1: empty files, comments only and null are EMPTY_DOCUMENT', () => {
    for (const text of ['', '# nothing here\n', 'null\n', '---\n'])
      expect(codes(importCompose(text, { file: 'c.yaml' }))).toEqual(['EMPTY_DOCUMENT ']);
  });

  it('C2: a list or a scalar at the root is INVALID_ROOT', () => {
    expect(codes(importCompose('- web\n- db\n'))).toEqual(['INVALID_ROOT ']);
    expect(codes(importCompose('just text\n'))).toEqual(['INVALID_ROOT ']);
  });

  it('C3: several documents are MULTIPLE_DOCS, with the line of the second', () => {
    const r = importCompose('services:\n  a:\n    image: x\n---\nservices: {}\n');
    expect(codes(r)).toEqual(['MULTIPLE_DOCS ']);
    expect(r.diagnostics[0]?.source?.line).toBe(5);
  });

  it('C4: syntax errors, tabs and unclosed quotes are YAML_SYNTAX with line and column', () => {
    const tab = importCompose('services:\n  web:\n\timage: nginx\n', { file: 'c.yaml' });
    expect(codes(tab)[0]).toBe('YAML_SYNTAX ');
    expect(tab.diagnostics[0]?.source).toMatchObject({ file: 'c.yaml', line: 3 });
    expect(tab.diagnostics[0]?.hint).toContain('spaces');
    const quote = importCompose('services:\n  web:\n    image: "nginx\n');
    expect(codes(quote)[0]).toBe('YAML_SYNTAX ');
    expect(quote.diagnostics[0]?.source?.line).toBeGreaterThanOrEqual(3);
    expect(importCompose('services:\n  web: [a\n').ok).toBe(false);
  });

  it('C5: a duplicate key is DUPLICATE_KEY at its line, never last-wins', () => {
    const r = importCompose('services:\n  web:\n    image: a\n    image: b\n');
    expect(codes(r)).toEqual(['DUPLICATE_KEY ']);
    expect(r.diagnostics[0]?.source).toMatchObject({ line: 4, col: 5 });
  });

  it('C6: alias bombs, deep nesting and oversize files are refused quickly', () => {
    const lol = ['x-a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
    for (let i = 1; i < 9; i++)
      lol.push(
        `x-${'abcdefghi'[i]}: &${'abcdefghi'[i]} [${Array(9)
          .fill(`*${'abcdefghi'[i - 1]}`)
          .join(',')}]`,
      );
    const t0 = performance.now();
    const bomb = importCompose(`${lol.join('\n')}\nservices:\n  a:\n    image: x\n`);
    expect(performance.now() - t0).toBeLessThan(1000);
    expect(codes(bomb)).toContain('RESOURCE_LIMIT ');
    expect(codes(importCompose(`services: ${'['.repeat(20_000)}${']'.repeat(20_000)}\n`))[0]).toBe('RESOURCE_LIMIT ');
    expect(codes(importCompose(`services: {}\nx-pad: "${'x'.repeat(5 * 1024 * 1024)}"\n`))).toEqual(['FILE_TOO_LARGE ']);
    expect(codes(importCompose('services:\n  a:\n    image: x\n', { limits: { maxBytes: 16 } }))).toEqual(['FILE_TOO_LARGE ']);
  });

  it('C7: accepts a real-world file with 120 services merging one defaults block', () => {
    const services = Array.from({ length: 120 }, (_, i) => `  s${i}:\n    <<: *defaults\n    image: app:${i}`).join('\n');
    const { bp, diagnostics } = imported(`x-defaults: &defaults\n  restart: always\n  environment:\n    TZ: UTC\nservices:\n${services}\n`);
    expect(diagnostics).toEqual([]);
    expect(Object.keys(bp.services)).toHaveLength(120);
    expect(main(bp, 's119')).toEqual({ role: 'main', image: 'app:119', restart: 'always', env: { TZ: 'UTC' } });
  });

  it('C8: a merge of a list or a scalar is INVALID_MERGE', () => {
    const r = importCompose('x-list: &l [1, 2]\nservices:\n  a:\n    <<: *l\n    image: x\n');
    expect(codes(r)).toEqual(['INVALID_MERGE ']);
    expect(r.diagnostics[0]?.hint).toContain('mappings');
    expect(codes(importCompose('x-s: &s 5\nservices:\n  a:\n    <<: *s\n    image: x\n'))).toEqual(['INVALID_MERGE ']);
  });

  it('C9/C10: !reset, !override, !!js/function and custom tags are UNSUPPORTED_TAG', () => {
    for (const tag of ['!reset', '!override', '!!js/function', '!custom'])
      expect(codes(importCompose(`services:\n  a:\n    image: ${tag} x\n`))).toEqual(['UNSUPPORTED_TAG ']);
  });

  it('C11: __proto__, constructor and prototype keys are FORBIDDEN_KEY by path; no prototype changes', () => {
    const cases: [string, string][] = [
      ['services:\n  __proto__:\n    image: x\n', 'services.__proto__'],
      ['services:\n  a:\n    image: x\n    labels:\n      constructor: y\n', 'services.a.labels.constructor'],
      ['services:\n  a:\n    image: x\n    environment:\n      __proto__:\n        polluted: yes\n', 'services.a.environment.__proto__'],
      ['x-meta:\n  prototype: 1\nservices: {}\n', 'x-meta.prototype'],
    ];
    for (const [text, path] of cases) expect(codes(importCompose(text))).toEqual([`FORBIDDEN_KEY ${path}`]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('C12: a secret mode 0440 means 0o440, as in go-yaml, and is reported as not carried', () => {
    const { diagnostics } = imported(
      'services:\n  a:\n    image: x\n    secrets:\n      - source: s\n        mode: 0440\nsecrets:\n  s:\n    file: ./s.txt\n',
    );
    expect(codes({ diagnostics })).toEqual(['IMPORT_UNSUPPORTED_KEY services.a.secrets.0.mode']);
    expect(diagnostics[0]?.message).toContain('0o440');
    expect(diagnostics[0]?.source).toEqual({ line: 6, col: 9 });
  });

  it('C13: unquoted 22:22 and a bare number are ports, never sexagesimal numbers', () => {
    const { bp, diagnostics } = imported('services:\n  a:\n    image: x\n    ports:\n      - 22:22\n      - 8080\n');
    expect(codes({ diagnostics })).toEqual(['IMPORT_APPROXIMATED services.a.ports.1']);
    expect(bp.services.a?.ports).toEqual([
      { port: 22, protocol: 'tcp', publish: 22 },
      { port: 8080, protocol: 'tcp' },
    ]);
  });

  it('C14: YAML 1.1 boolean words are read as Compose reads them, with AMBIGUOUS_BOOLEAN', () => {
    const { bp, diagnostics } = imported('services:\n  a:\n    image: x\n    read_only: yes\n    privileged: "off"\n');
    expect(codes({ diagnostics })).toEqual(['AMBIGUOUS_BOOLEAN services.a.read_only', 'AMBIGUOUS_BOOLEAN services.a.privileged']);
    expect(diagnostics[0]?.hint).toBe('Write true instead.');
    expect(main(bp, 'a').readOnlyRootFilesystem).toBe(true);
    expect(main(bp, 'a').privileged).toBe(false);
    expect(codes(importCompose('services:\n  a:\n    image: x\n    read_only: maybe\n'))).toEqual(['SCHEMA_TYPE services.a.read_only']);
  });

  it('C15/C16: unknown keys and Compose keys that cannot be carried are warned by path; x- keys are not', () => {
    const text = 'bar: 1\nx-ok: 2\nservices:\n  web:\n    image: x\n    foo: 1\n    x-fine: 3\n    develop:\n      watch: []\n';
    const { diagnostics } = imported(text);
    expect(codes({ diagnostics })).toEqual([
      'IMPORT_UNSUPPORTED_KEY bar',
      'IMPORT_UNSUPPORTED_KEY services.web.foo',
      'IMPORT_UNSUPPORTED_KEY services.web.develop',
    ]);
    expect(diagnostics.map((d) => d.severity)).toEqual(['warning', 'warning', 'warning']);
    expect(diagnostics[1]?.message).toContain('not a key of a Compose service');
    expect(diagnostics[1]?.source).toEqual({ line: 6, col: 5 });
  });

  it('C18: files outside the project, include and env_file are reported, never read', () => {
    const text = [
      'include:\n  - ../other/compose.yaml',
      'services:\n  a:\n    build: ../outside\n    env_file: /etc/secrets.env',
      'configs:\n  c:\n    file: /etc/passwd',
      'secrets:\n  s:\n    file: ../../id_rsa',
    ].join('\n');
    const { bp, diagnostics } = imported(text);
    expect(codes({ diagnostics })).toEqual([
      'PATH_OUTSIDE_PROJECT include.0',
      'PATH_OUTSIDE_PROJECT services.a.env_file',
      'IMPORT_UNSUPPORTED_KEY include',
      'PATH_OUTSIDE_PROJECT services.a.build',
      'IMPORT_UNSUPPORTED_KEY services.a.env_file',
      'PATH_OUTSIDE_PROJECT configs.c.file',
      'PATH_OUTSIDE_PROJECT secrets.s.file',
    ]);
    expect(JSON.stringify(diagnostics)).not.toContain('root:');
    expect(bp.configs?.c).toEqual({ file: '/etc/passwd' });
  });

  it('C19: dangerous settings are carried as written, so that the deploy gate sees every one', () => {
    const text = [
      'services:\n  a:\n    image: x\n    privileged: true\n    network_mode: host\n    pid: host\n    ipc: host',
      '    cap_add: [SYS_ADMIN]\n    devices: [/dev/kmsg]\n    volumes:\n      - /var/run/docker.sock:/var/run/docker.sock\n      - "${ROOT:-/}:/host"',
    ].join('\n');
    const { bp, diagnostics } = imported(text);
    expect(diagnostics).toEqual([]);
    expect(bp.services.a).toMatchObject({ hostNetwork: true, hostPid: true, hostIpc: true });
    expect(main(bp, 'a')).toMatchObject({
      privileged: true,
      capAdd: ['SYS_ADMIN'],
      devices: ['/dev/kmsg'],
      mounts: [
        { type: 'bind', source: '/var/run/docker.sock', target: '/var/run/docker.sock' },
        { type: 'bind', source: '${ROOT:-/}', target: '/host' },
      ],
    });
  });

  it('C20: labels reserved for the engine and for Blaupause are not imported; our own provenance labels are dropped silently', () => {
    const { bp, diagnostics } = imported(
      'services:\n  a:\n    image: x\n    labels:\n      com.docker.compose.project: evil\n      dev.blaupause.element: x\n      dev.blaupause.owner: y\n      team: a\n',
    );
    expect(codes({ diagnostics })).toEqual([
      'IMPORT_UNSUPPORTED_KEY services.a.labels.com.docker.compose.project',
      'IMPORT_UNSUPPORTED_KEY services.a.labels.dev.blaupause.owner',
    ]);
    expect(bp.services.a?.labels).toEqual({ team: 'a' });
  });

  it('C21: names that are no DNS-1123 labels are renamed, the project name too', () => {
    const { bp, diagnostics } = imported('name: My_Shop\nservices:\n  Web.Front:\n    image: x\n');
    expect(codes({ diagnostics })).toEqual(['IMPORT_APPROXIMATED services.Web.Front', 'IMPORT_APPROXIMATED name']);
    expect(bp.metadata.name).toBe('my-shop');
    expect(Object.keys(bp.services)).toEqual(['web-front']);
  });

  it('C23: a depends_on cycle is named; unknown services and missing healthchecks are reported', () => {
    const cycle = importCompose('services:\n  a:\n    image: x\n    depends_on: [b]\n  b:\n    image: x\n    depends_on: [a]\n');
    expect(codes(cycle)).toEqual(['DEPENDENCY_CYCLE services.b.depends_on']);
    expect(cycle.ok).toBe(false);
    expect(cycle.diagnostics[0]?.message).toContain('a → b → a');
    expect(cycle.diagnostics[0]?.source?.line).toBe(7);
    const unknown = importCompose('services:\n  a:\n    image: x\n    depends_on: [ghost]\n');
    expect(codes(unknown)).toEqual(['DANGLING_LINK services.a.depends_on']);
    expect(unknown.ok).toBe(false);
    const healthy = imported(
      'services:\n  a:\n    image: x\n    depends_on:\n      b:\n        condition: service_healthy\n  b:\n    image: y\n',
    );
    expect(codes(healthy)).toEqual(['NO_HEALTHCHECK services.a.depends_on']);
    expect(healthy.diagnostics[0]?.severity).toBe('warning');
  });

  it('C24: ports out of range, huge ranges and fractions are reported', () => {
    const r = importCompose(
      'services:\n  a:\n    image: x\n    ports:\n      - "0:80"\n      - 65536\n      - 99999999999999999999\n      - "1-65535:1-65535"\n      - 80.5\n',
    );
    expect(codes(r)).toEqual([
      'OUT_OF_RANGE services.a.ports.0',
      'OUT_OF_RANGE services.a.ports.1',
      'OUT_OF_RANGE services.a.ports.2',
      'IMPORT_UNSUPPORTED_KEY services.a.ports.3',
      'SCHEMA_VALUE services.a.ports.4',
    ]);
    expect(r.ok).toBe(false);
  });

  it('C26: a service with neither image nor build is MISSING_IMAGE', () => {
    const r = importCompose('services:\n  a:\n    command: ["true"]\n');
    expect(codes(r)).toEqual(['MISSING_IMAGE services.a.image']);
    expect(r.ok).toBe(false);
  });

  it('C27: a file that expands beyond the node budget is RESOURCE_LIMIT', () => {
    // Many small mappings: one mapping of 100 000 keys would also take the YAML library minutes
    // to check for duplicate keys (quadratic), which the reader must guard against first.
    const env = Array.from({ length: 50 }, (_, i) => `      V${i}: x`).join('\n');
    const services = Array.from({ length: 2100 }, (_, i) => `  s${i}:\n    image: x\n    environment:\n${env}`).join('\n');
    const r = importCompose(`services:\n${services}\n`);
    expect(r.diagnostics.map((d) => d.code)).toEqual(['RESOURCE_LIMIT']);
  });

  it('C28: NUL bytes are INVALID_ENCODING; a byte-order mark is stripped', () => {
    expect(codes(importCompose('services:\u0000\n'))).toEqual(['INVALID_ENCODING ']);
    const { bp } = imported('\ufeffservices:\n  a:\n    image: x\n');
    expect(main(bp, 'a').image).toBe('x');
  });

  it('C30: Kubernetes YAML and blueprints given as Compose are WRONG_FORMAT; other YAML is UNKNOWN_FORMAT', () => {
    const k8s = importCompose('apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\n---\napiVersion: v1\nkind: Service\n');
    expect(codes(k8s)).toEqual(['WRONG_FORMAT ']);
    expect(k8s.diagnostics[0]?.hint).toContain('Kubernetes');
    const bp = importCompose('apiVersion: blaupause.dev/v1\nkind: Blueprint\nmetadata:\n  name: x\n');
    expect(codes(bp)).toEqual(['WRONG_FORMAT ']);
    expect(bp.diagnostics[0]?.hint).toContain('blueprint');
    expect(codes(importCompose('hello: world\n'))).toEqual(['UNKNOWN_FORMAT ']);
  });

  it('reports wrong types by path as SCHEMA_TYPE errors', () => {
    const r = importCompose(
      'services:\n  a:\n    image: {name: x}\n    ports: "80:80"\n    environment: 5\n    volumes: data\n    deploy: [1]\n  b: 7\nvolumes: []\n',
    );
    expect(codes(r)).toEqual([
      'SCHEMA_TYPE services.a.image',
      'SCHEMA_TYPE services.a.ports',
      'SCHEMA_TYPE services.a.environment',
      'SCHEMA_TYPE services.a.volumes',
      'SCHEMA_TYPE services.a.deploy',
      'SCHEMA_TYPE services.b',
      'SCHEMA_TYPE volumes',
      'MISSING_IMAGE services.a.image',
      'MISSING_IMAGE services.b.image',
    ]);
    expect(r.ok).toBe(false);
    expect(codes(importCompose('services: [web]\n'))).toEqual(['SCHEMA_TYPE services']);
  });
});
