import { describe, expect, it } from 'vitest';
import { importAny } from '../../src/import';
import { blueprintOf, fixture, summary } from './helpers';

describe('importAny', () => {
  it('dispatches Kubernetes YAML to the Kubernetes importer', () => {
    const r = importAny(fixture('kubectl-get.yaml'), { file: 'kubectl-get.yaml', name: 'hello-app' });
    expect(Object.keys(blueprintOf(r).services)).toEqual(['hello']);
    expect(blueprintOf(r).metadata.name).toBe('hello-app');
    expect(summary(r.diagnostics)).toContain('info IMPORT_STRIPPED ');
  });

  it('dispatches a Compose file to the Compose importer', () => {
    const r = importAny('services:\n  web:\n    image: nginx:1.27\n', { file: 'compose.yaml', name: 'web-app' });
    const bp = blueprintOf(r);
    expect(bp.metadata.name).toBe('web-app');
    expect(bp.services.web?.containers.web?.image).toBe('nginx:1.27');
  });

  it('refuses a blueprint with WRONG_FORMAT and a hint, since it needs no import', () => {
    const r = importAny('apiVersion: blaupause.dev/v1\nkind: Blueprint\nmetadata: { name: x }\n', { file: 'x.blueprint.yaml' });
    expect(r.ok).toBe(false);
    expect(summary(r.diagnostics)).toEqual(['error WRONG_FORMAT ']);
    expect(r.diagnostics[0]?.hint).toBe('Open or load it as a blueprint; only Compose files and Kubernetes YAML are imported.');
    expect(r.diagnostics[0]?.source).toEqual({ file: 'x.blueprint.yaml', line: 1, col: 1 });
  });

  it('names unknown, empty and unreadable files', () => {
    expect(summary(importAny('hosts:\n  - a\n').diagnostics)).toEqual(['error UNKNOWN_FORMAT ']);
    expect(summary(importAny('# only a comment\n').diagnostics)).toEqual(['error EMPTY_DOCUMENT ']);
    expect(summary(importAny('a:\n\tb: 1\n').diagnostics)).toEqual(['error YAML_SYNTAX ']);
  });
});
