import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { buildCli, FIXTURES, lines, runCli } from './helpers';

// Files that no linter or formatter of the repository may see are written here, at test time.
const scratch = mkdtempSync(join(tmpdir(), 'blaupause-cli-'));
beforeAll(async () => {
  writeFileSync(join(scratch, 'tabs.blueprint.yaml'), 'apiVersion: blaupause.dev/v1\nkind: Blueprint\nmetadata:\n\tname: shop\n');
  writeFileSync(join(scratch, 'utf16.yaml'), Buffer.from('\ufeffservices: {}\n', 'utf16le'));
  await buildCli();
}, 60_000);
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('validate: blueprints', () => {
  test('a valid blueprint: exit 0 and only the summary', () => {
    expect(runCli(['validate', 'valid.blueprint.yaml'])).toEqual({ status: 0, stdout: '0 errors, 0 warnings\n', stderr: '' });
  });

  test('schema errors and unknown keys with their lines and columns, sorted by position', () => {
    const r = runCli(['validate', 'invalid.blueprint.yaml']);
    expect(r.status).toBe(1);
    expect(r.stderr).toBe('');
    const out = lines(r.stdout);
    expect(out[0]).toMatch(/^invalid\.blueprint\.yaml:7:5: error SCHEMA_[A-Z]+: services\.web\.replicas/);
    expect(out.slice(1)).toEqual([
      'invalid.blueprint.yaml:8:5: warning UNKNOWN_KEY: Unknown key "colour" is ignored.',
      '  hint: Check the spelling against the blueprint format reference (docs/blueprint-format.md).',
      '1 error, 1 warning',
    ]);
  });

  test('tabs as indentation', () => {
    const r = runCli(['validate', 'tabs.blueprint.yaml'], { cwd: scratch });
    expect(r.status).toBe(1);
    expect(lines(r.stdout)).toEqual([
      'tabs.blueprint.yaml:4:1: error YAML_SYNTAX: Tabs are not allowed as indentation',
      '  hint: YAML indents with spaces only; replace the tabs.',
      '1 error, 0 warnings',
    ]);
  });

  test('a duplicate key', () => {
    const r = runCli(['validate', 'duplicate-key.blueprint.yaml']);
    expect(r.status).toBe(1);
    expect(lines(r.stdout)[0]).toMatch(/^duplicate-key\.blueprint\.yaml:5:3: error DUPLICATE_KEY: /);
  });

  test('an empty file', () => {
    const r = runCli(['validate', 'empty.blueprint.yaml']);
    expect(r.status).toBe(1);
    expect(lines(r.stdout)).toEqual([
      'empty.blueprint.yaml:1:1: error EMPTY_DOCUMENT: The file holds no document (it is empty or only comments).',
      '1 error, 0 warnings',
    ]);
  });

  test('text that is no known format', () => {
    const r = runCli(['validate', 'notes.txt']);
    expect(r.status).toBe(1);
    expect(lines(r.stdout)[0]).toBe(
      'notes.txt:1:1: error UNKNOWN_FORMAT: This is neither a blueprint, a Compose file nor Kubernetes YAML.',
    );
  });
});

describe('validate: files that cannot be read are diagnostics, never stack traces', () => {
  test('missing file, directory, binary, UTF-16: one line each, the other files still checked', () => {
    const utf16 = join(scratch, 'utf16.yaml');
    const r = runCli(['validate', 'missing.yaml', '.', 'binary.png', utf16, 'valid.blueprint.yaml'], { cwd: FIXTURES });
    expect(r.status).toBe(1);
    expect(r.stderr).toBe('');
    expect(lines(r.stdout)).toEqual([
      'missing.yaml: error FILE_UNREADABLE: No such file.',
      '.: error FILE_UNREADABLE: This is a directory, not a file.',
      '  hint: Name a file.',
      'binary.png: error INVALID_ENCODING: The file is not UTF-8 text (a binary file?).',
      '  hint: Name a YAML or JSON file saved as UTF-8.',
      `${utf16}: error INVALID_ENCODING: The file is UTF-16 text, not UTF-8.`,
      '  hint: Name a YAML or JSON file saved as UTF-8.',
      '4 errors, 0 warnings in 5 files',
    ]);
  });

  test('a file over 4 MiB is refused before it is read', () => {
    const big = join(scratch, 'big.blueprint.yaml');
    writeFileSync(big, `# ${'x'.repeat(4 * 1024 * 1024)}\n`);
    const r = runCli(['validate', big]);
    expect(r.status).toBe(1);
    expect(lines(r.stdout)).toEqual([
      `${big}: error FILE_TOO_LARGE: The file is 4194307 bytes; at most 4194304 bytes (4 MiB) are read.`,
      '  hint: Split the file.',
      '1 error, 0 warnings',
    ]);
  });

  test('a FIFO or device is not read', () => {
    const r = runCli(['validate', '/dev/zero']);
    expect(r.status).toBe(1);
    expect(lines(r.stdout)[0]).toBe('/dev/zero: error FILE_UNREADABLE: This is not a regular file (a device, FIFO or socket?).');
  });
});

describe('validate --json', () => {
  test('prints { ok, diagnostics } with the file of each diagnostic', () => {
    const r = runCli(['validate', '--json', 'tabs.blueprint.yaml', `${FIXTURES}/valid.blueprint.yaml`], { cwd: scratch });
    expect(r.status).toBe(1);
    expect(r.stderr).toBe('');
    expect(JSON.parse(r.stdout)).toEqual({
      ok: false,
      diagnostics: [
        {
          code: 'YAML_SYNTAX',
          severity: 'error',
          path: [],
          message: 'Tabs are not allowed as indentation',
          hint: 'YAML indents with spaces only; replace the tabs.',
          source: { file: 'tabs.blueprint.yaml', line: 4, col: 1 },
          file: 'tabs.blueprint.yaml',
        },
      ],
    });
  });

  test('ok: true and no diagnostics for a valid file', () => {
    const r = runCli(['validate', 'valid.blueprint.yaml', '--json']);
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({ ok: true, diagnostics: [] });
  });
});
