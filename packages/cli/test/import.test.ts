import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { BIN, buildCli, FIXTURES, lines, runCli } from './helpers';

const scratch = mkdtempSync(join(tmpdir(), 'blaupause-cli-'));
beforeAll(buildCli, 60_000);
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const LOGGING_NOTE =
  'compose.yaml:10:5: warning IMPORT_UNSUPPORTED_KEY: services.web.logging is not imported: the logging driver is a setting of the engine, not of the blueprint.';

describe('import', () => {
  test('a Compose file becomes blueprint YAML on stdout, top-level keys in reading order', () => {
    const r = runCli(['import', 'compose.yaml']);
    expect(r.status).toBe(0);
    expect(lines(r.stderr)).toEqual([LOGGING_NOTE, '0 errors, 1 warning']);
    expect(lines(r.stdout).slice(0, 4)).toEqual(['apiVersion: blaupause.dev/v1', 'kind: Blueprint', 'metadata:', '  name: shop']);
    const top = lines(r.stdout).filter((l) => /^[a-z]/.test(l));
    expect(top).toEqual(['apiVersion: blaupause.dev/v1', 'kind: Blueprint', 'metadata:', 'parameters:', 'services:']);
  });

  test('${VAR} comes from --env-file only, never from the process environment', () => {
    const without = runCli(['import', 'compose.yaml'], { env: { NGINX_TAG: '9.9' } });
    expect(without.stdout).not.toContain('9.9');
    const withFile = runCli(['import', 'compose.yaml', '--env-file', 'shop.env'], { env: { NGINX_TAG: '9.9' } });
    expect(withFile.status).toBe(0);
    expect(withFile.stdout).toContain('        image: nginx:1.26\n');
    expect(withFile.stdout).not.toContain('9.9');
  });

  test('--name names the blueprint', () => {
    const r = runCli(['import', 'compose.yaml', '--name', 'store']);
    expect(lines(r.stdout)[3]).toBe('  name: store');
  });

  test('Kubernetes YAML (several documents) imports too', () => {
    const r = runCli(['import', 'kubernetes.yaml']);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('services:\n  web:\n');
    expect(r.stdout).toContain('    replicas: 2\n');
  });

  test('-o writes a blueprint that validates and compiles', () => {
    const out = join(scratch, 'shop.blueprint.yaml');
    const r = runCli(['import', 'compose.yaml', '-o', out]);
    expect(r.status).toBe(0);
    expect(r.stdout).toBe('');
    expect(lines(r.stderr)).toEqual([LOGGING_NOTE, '0 errors, 1 warning', `Wrote ${out}.`]);
    expect(readFileSync(out, 'utf8')).toBe(runCli(['import', 'compose.yaml']).stdout);
    expect(runCli(['validate', out])).toEqual({ status: 0, stdout: '0 errors, 0 warnings\n', stderr: '' });
    const compiled = runCli(['compile', out, '-t', 'compose']);
    expect(compiled.status).toBe(0);
    expect(lines(compiled.stdout)[0]).toBe('name: shop');
  });

  test('--json: the blueprint YAML is the output', () => {
    const r = runCli(['import', 'compose.yaml', '--json']);
    const body = JSON.parse(r.stdout);
    expect(r.status).toBe(0);
    expect(body.ok).toBe(true);
    expect(body.output).toBe(runCli(['import', 'compose.yaml']).stdout);
    expect(body.diagnostics.map((d: { code: string; source: unknown }) => [d.code, d.source])).toEqual([
      ['IMPORT_UNSUPPORTED_KEY', { file: 'compose.yaml', line: 10, col: 5 }],
    ]);
  });

  test('a malformed env file stops the import with its lines', () => {
    const r = runCli(['import', 'compose.yaml', '--env-file', 'bad.env']);
    expect(r.status).toBe(1);
    expect(r.stdout).toBe('');
    expect(lines(r.stderr)).toEqual([
      'bad.env:2:1: error ENV_FILE_SYNTAX: "JUSTANAME" has no value; expected KEY=VALUE.',
      '  hint: Write KEY=VALUE (KEY= for an empty value).',
      'bad.env:3:1: error ENV_FILE_SYNTAX: "1BAD" is not a variable name.',
      '  hint: Names are letters, digits and "_" (also "." and "-"), not starting with a digit.',
      '2 errors, 0 warnings in 2 files',
    ]);
  });

  test('a missing env file is our diagnostic, not Node reading --env-file itself (bin runs node --)', () => {
    const r = spawnSync(BIN, ['import', 'compose.yaml', '--env-file', 'missing.env'], {
      cwd: FIXTURES,
      encoding: 'utf8',
      env: { PATH: process.env.PATH ?? '' },
    });
    expect(r.status).toBe(1);
    expect(lines(r.stderr)).toEqual(['missing.env: error FILE_UNREADABLE: No such file.', '1 error, 0 warnings in 2 files']);
  });

  test('a blueprint is not imported', () => {
    const r = runCli(['import', 'valid.blueprint.yaml']);
    expect(r.status).toBe(1);
    expect(r.stdout).toBe('');
    expect(lines(r.stderr)[0]).toBe(
      'valid.blueprint.yaml:1:1: error WRONG_FORMAT: This file is already a blueprint; import reads Compose files and Kubernetes YAML.',
    );
  });
});

describe('Compose and Kubernetes files in validate and compile', () => {
  test('validate shows the import notes of a Compose file', () => {
    const r = runCli(['validate', 'compose.yaml', 'kubernetes.yaml']);
    expect(r).toEqual({ status: 0, stdout: `${LOGGING_NOTE}\n0 errors, 1 warning in 2 files\n`, stderr: '' });
  });

  test('compile converts a Compose file to Kubernetes in one step', () => {
    const r = runCli(['compile', 'compose.yaml', '-t', 'kubernetes', '--namespace', 'shop', '--k8s-version', '1.30']);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('kind: Deployment\n');
    expect(r.stdout).toContain('  namespace: shop\n');
    expect(lines(r.stderr)[0]).toBe(LOGGING_NOTE);
  });
});
