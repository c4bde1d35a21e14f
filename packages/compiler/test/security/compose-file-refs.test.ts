import { describe, expect, it } from 'vitest';
import { importCompose } from '../../src/import/compose/import-compose';
import { codes } from '../import-compose/helpers';

/**
 * Threat model T12 / C18 at import: every Compose key that names a file goes through the model's
 * resolveFileRef. Remote references are refused (an error: the import gives no blueprint), files
 * outside the project folder are reported by key path and reference, and nothing is ever read.
 */
describe('Compose file references at import', () => {
  it('refuses remote include, extends and env_file references with REMOTE_REFERENCE, by key path', () => {
    const text = [
      'include:',
      '  - https://example.com/compose.yaml',
      '  - path: [git@github.com:acme/stack.git]',
      '  - oci://docker.io/acme/stack:1',
      'services:',
      '  a:',
      '    image: x',
      '    env_file: [ok.env, "http://10.0.0.1/secrets.env"]',
      '    extends:',
      '      file: git://host/base.yml',
      '      service: base',
      '',
    ].join('\n');
    const r = importCompose(text);
    expect(r.ok).toBe(false);
    const remote = r.diagnostics.filter((d) => d.code === 'REMOTE_REFERENCE');
    expect(remote.map((d) => d.path.join('.'))).toEqual([
      'include.0',
      'include.1.path.0',
      'include.2',
      'services.a.env_file.1',
      'services.a.extends.file',
    ]);
    expect(remote.every((d) => d.severity === 'error' && d.hint)).toBe(true);
    expect(remote[0]?.message).toBe(
      'include.0: "https://example.com/compose.yaml" is a remote address; Blaupause never fetches remote files.',
    );
    expect(remote[0]?.source).toMatchObject({ line: 2 });
  });

  it('reports local references that leave the folder, naming key path and file; contents are never read', () => {
    const text = [
      'include:',
      '  - path: ../../../../etc/passwd',
      '    env_file: /etc/shadow',
      'services:',
      '  a:',
      '    image: x',
      '    env_file:',
      '      - path: ~/.aws/credentials',
      '    label_file: ..\\..\\labels',
      '    extends: { file: /root/x.yml, service: b }',
      '  b:',
      '    image: x',
      '    env_file: ./b.env',
      '    volumes: ["./data:/data"]',
      '',
    ].join('\n');
    const r = importCompose(text);
    const outside = r.diagnostics.filter((d) => d.code === 'PATH_OUTSIDE_PROJECT');
    expect(codes({ diagnostics: outside })).toEqual([
      'PATH_OUTSIDE_PROJECT include.0.path',
      'PATH_OUTSIDE_PROJECT include.0.env_file',
      'PATH_OUTSIDE_PROJECT services.a.env_file.0.path',
      'PATH_OUTSIDE_PROJECT services.a.label_file',
      'PATH_OUTSIDE_PROJECT services.a.extends.file',
    ]);
    expect(outside[0]?.message).toBe(
      'include.0.path: "../../../../etc/passwd" lies outside the project folder (it climbs out of the blueprint’s folder (..)).',
    );
    expect(JSON.stringify(r.diagnostics)).not.toMatch(/root:x:0:0|daemon:/);
  });

  it('a remote build context is carried for Compose (never built here); a local one outside is reported', () => {
    const r = importCompose('services:\n  a:\n    build: https://github.com/acme/app.git#main\n  b:\n    build: { context: /srv/app }\n');
    expect(codes(r).filter((c) => !c.startsWith('IMPORT_'))).toEqual(['PATH_OUTSIDE_PROJECT services.b.build.context']);
  });
});
