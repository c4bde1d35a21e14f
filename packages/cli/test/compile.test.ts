import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { blueprintYaml, compile, contentPieces } from '@blaupause/compiler';
import { Blueprint, type BlueprintInput, loadBlueprint } from '@blaupause/model';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { distFile } from '../scripts/build.mjs';
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

  // The CLI writes the compiler's output as its pieces, never joined (outcome.ts): the bytes must be
  // exactly the compiled text's, on stdout, in the -o file and in --json, for a text of many pieces.
  test('a large output is written byte for byte as compiled: stdout, -o and --json', () => {
    const services: NonNullable<BlueprintInput['services']> = {};
    for (let i = 0; i < 150; i++) {
      services[`svc-${i}`] = {
        ports: [{ port: 8080 }],
        links: i > 0 ? [{ to: `svc-${i - 1}`, env: 'UP_URL', protocol: 'http' }] : [],
        containers: {
          app: { image: `example/app-${i}:1.0`, env: { GREETING: 'grüße 🙂 "q" # c' } },
          proxy: { role: 'sidecar', image: 'envoy:1.31' },
        },
      };
    }
    const text = blueprintYaml(
      Blueprint.parse({ apiVersion: 'blaupause.dev/v1', kind: 'Blueprint', metadata: { name: 'large' }, services }),
    );
    const loaded = loadBlueprint(text);
    if (!loaded.blueprint) throw new Error('the generated blueprint does not load');
    const file = join(scratch, 'large.blueprint.yaml');
    writeFileSync(file, text);
    const run = (args: string[]) => spawnSync(process.execPath, ['--', distFile, ...args], { maxBuffer: 64 << 20, timeout: 30_000 });
    for (const target of ['compose', 'kubernetes'] as const) {
      const compiled = compile(loaded.blueprint, target).files[0];
      if (!compiled) throw new Error('no file');
      expect(contentPieces(compiled).length).toBeGreaterThan(3);
      const want = Buffer.from(compiled.content, 'utf8');
      const stdout = run(['compile', file, '-t', target]);
      expect(stdout.status).toBe(0);
      expect(stdout.stdout.equals(want)).toBe(true);
      const out = join(scratch, `large.${target}.yaml`);
      const written = run(['compile', file, '-t', target, '-o', out]);
      expect(written.status).toBe(0);
      expect(readFileSync(out).equals(want)).toBe(true);
      if (target === 'kubernetes') {
        const json = run(['compile', file, '-t', target, '--json']);
        expect(JSON.parse(json.stdout.toString('utf8')).output).toBe(compiled.content);
      }
    }
  }, 120_000);
});
