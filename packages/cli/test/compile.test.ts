import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { buildCli, lines, runCli } from './helpers';

const scratch = mkdtempSync(join(tmpdir(), 'blaupause-cli-'));
beforeAll(buildCli, 60_000);
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('compile', () => {
  test('compose YAML on stdout, nothing on stderr for a clean blueprint', () => {
    const r = runCli(['compile', 'valid.blueprint.yaml', '--target', 'compose']);
    expect(r.status).toBe(0);
    expect(r.stderr).toBe('');
    expect(lines(r.stdout).slice(0, 3)).toEqual(['name: shop', 'services:', '  cache:']);
    expect(r.stdout).toContain('    image: nginx:1.27\n');
  });

  test('-o writes the file instead of stdout and says so on stderr', () => {
    const out = join(scratch, 'compose.yaml');
    const r = runCli(['compile', 'valid.blueprint.yaml', '-t', 'compose', '-o', out]);
    expect(r).toEqual({ status: 0, stdout: '', stderr: `Wrote ${out}.\n` });
    expect(readFileSync(out, 'utf8')).toBe(runCli(['compile', 'valid.blueprint.yaml', '-t', 'compose']).stdout);
  });

  test('--json carries the output and the diagnostics', () => {
    const r = runCli(['compile', 'valid.blueprint.yaml', '-t', 'compose', '--json']);
    const plain = runCli(['compile', 'valid.blueprint.yaml', '-t', 'compose']);
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({ ok: true, diagnostics: [], output: plain.stdout });
  });

  test('fidelity notes go to stderr, placed at the element they concern; exit 0', () => {
    const r = runCli(['compile', 'valid.blueprint.yaml', '-t', 'swarm']);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('      replicas: 1\n');
    const err = lines(r.stderr);
    expect(err[0]).toMatch(/^valid\.blueprint\.yaml:13:9: warning FIDELITY_LOST: /);
    expect(err.at(-1)).toBe('0 errors, 1 warning');
  });

  test('a blueprint with errors is not compiled: exit 1, no output, no file', () => {
    const out = join(scratch, 'never.yaml');
    const r = runCli(['compile', 'invalid.blueprint.yaml', '-t', 'kubernetes', '-o', out]);
    expect(r.status).toBe(1);
    expect(r.stdout).toBe('');
    expect(lines(r.stderr)[0]).toMatch(/^invalid\.blueprint\.yaml:7:5: error SCHEMA_/);
    expect(lines(r.stderr).at(-1)).toBe('1 error, 1 warning');
    expect(existsSync(out)).toBe(false);
  });

  test('an unreadable input: exit 1 with one diagnostic', () => {
    const r = runCli(['compile', 'missing.blueprint.yaml', '-t', 'compose', '--json']);
    expect(r.status).toBe(1);
    expect(JSON.parse(r.stdout)).toEqual({
      ok: false,
      diagnostics: [{ code: 'FILE_UNREADABLE', severity: 'error', path: [], message: 'No such file.', file: 'missing.blueprint.yaml' }],
    });
  });

  test('an output folder that does not exist: exit 1 and a one-line message', () => {
    const out = join(scratch, 'no', 'such', 'dir', 'out.yaml');
    const r = runCli(['compile', 'valid.blueprint.yaml', '-t', 'compose', '-o', out]);
    expect(r).toEqual({ status: 1, stdout: '', stderr: `blaupause: cannot write ${out}: its folder does not exist\n` });
  });
});
