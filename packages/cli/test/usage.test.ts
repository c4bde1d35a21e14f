import { spawnSync } from 'node:child_process';
import { statSync } from 'node:fs';
import { beforeAll, describe, expect, test } from 'vitest';
import pkg from '../package.json' with { type: 'json' };
import { BIN, buildCli, FIXTURES, lines, runCli } from './helpers';

beforeAll(buildCli, 60_000);

describe('help and version', () => {
  test('--version prints the package version', () => {
    const r = runCli(['--version']);
    expect(r).toEqual({ status: 0, stdout: `${pkg.version}\n`, stderr: '' });
  });

  test('--help and -h print the overview on stdout', () => {
    for (const flag of ['--help', '-h']) {
      const r = runCli([flag]);
      expect(r.status).toBe(0);
      expect(r.stderr).toBe('');
      expect(lines(r.stdout)[0]).toBe(
        `blaupause ${pkg.version}: validate, compile, import and deploy blueprints of containerised applications`,
      );
      expect(r.stdout).toContain('blaupause compile FILE --target TARGET');
    }
  });

  test('per-command help, as an option or through "help COMMAND"', () => {
    const viaOption = runCli(['compile', '--help']);
    const viaHelp = runCli(['help', 'compile']);
    expect(viaOption.status).toBe(0);
    expect(lines(viaOption.stdout)[0]).toBe('Usage: blaupause compile FILE --target compose|swarm|kubernetes|kustomize [options]');
    expect(viaHelp).toEqual(viaOption);
  });

  test('--help wins over other mistakes on the same line', () => {
    const r = runCli(['import', '--bogus', '-h']);
    expect(r.status).toBe(0);
    expect(lines(r.stdout)[0]).toBe('Usage: blaupause import FILE [options]');
  });
});

describe('usage errors exit with 2 and a short message on stderr', () => {
  const cases: [string[], string, string][] = [
    [[], 'no command given', 'blaupause --help'],
    [['launch'], 'unknown command "launch"', 'blaupause --help'],
    [['help', 'launch'], 'unknown command "launch"', 'blaupause --help'],
    [['--bogus'], 'unknown option --bogus', 'blaupause --help'],
    [['validate'], 'validate needs at least one FILE', 'blaupause validate --help'],
    [['validate', '--bogus', 'x.yaml'], 'unknown option --bogus', 'blaupause validate --help'],
    [['compile', 'valid.blueprint.yaml'], 'compile needs --target compose|swarm|kubernetes|kustomize', 'blaupause compile --help'],
    [
      ['compile', 'valid.blueprint.yaml', '-t', 'nomad'],
      'unknown target "nomad" (use compose, swarm, kubernetes or kustomize)',
      'blaupause compile --help',
    ],
    [['compile', 'a.yaml', 'b.yaml', '-t', 'compose'], 'compile needs exactly one FILE (got 2)', 'blaupause compile --help'],
    [['compile', 'valid.blueprint.yaml', '--target'], 'option --target needs a value', 'blaupause compile --help'],
    [['compile', 'valid.blueprint.yaml', '-t', 'compose', '-o', '--json'], 'option --output needs a value', 'blaupause compile --help'],
    [['compile', 'valid.blueprint.yaml', '-t', 'compose', '--json=yes'], 'option --json takes no value', 'blaupause compile --help'],
    [
      ['compile', 'valid.blueprint.yaml', '-t', 'compose', '--namespace', 'shop'],
      '--namespace applies to --target kubernetes only',
      'blaupause compile --help',
    ],
    [
      ['compile', 'valid.blueprint.yaml', '-t', 'kubernetes', '--k8s-version', '2'],
      '--k8s-version "2" is not a version such as 1.33',
      'blaupause compile --help',
    ],
    [
      ['compile', 'valid.blueprint.yaml', '-t', 'kubernetes', '-n', 'Shop_NS'],
      '--namespace "Shop_NS" is not a DNS-1123 label',
      'blaupause compile --help',
    ],
    [['import'], 'import needs exactly one FILE (got 0)', 'blaupause import --help'],
    [
      ['import', 'compose.yaml', '--name', 'My App'],
      '--name "My App" is not a DNS-1123 label (lower-case letters, digits, "-")',
      'blaupause import --help',
    ],
    [['import', 'compose.yaml', '--env-file='], '--env-file needs a non-empty value', 'blaupause import --help'],
  ];
  test.each(cases)('%j', (args, message, more) => {
    const r = runCli(args);
    expect(r).toEqual({ status: 2, stdout: '', stderr: `blaupause: ${message}\nRun "${more}" for usage.\n` });
  });

  test('the output file may not be the input file', () => {
    const r = runCli(['compile', 'valid.blueprint.yaml', '-t', 'compose', '-o', './valid.blueprint.yaml']);
    expect(r.status).toBe(2);
    expect(lines(r.stderr)[0]).toBe('blaupause: refusing to write the output over the input file ./valid.blueprint.yaml');
    expect(statSync(`${FIXTURES}/valid.blueprint.yaml`).size).toBeGreaterThan(0);
  });
});

describe('the installed command', () => {
  test('bin/blaupause.mjs is executable and runs the current bundle', () => {
    expect(statSync(BIN).mode & 0o111).not.toBe(0);
    const r = spawnSync(BIN, ['--version'], { encoding: 'utf8', env: { PATH: process.env.PATH ?? '' } });
    expect(r.status).toBe(0);
    expect(r.stdout).toBe(`${pkg.version}\n`);
  });
});
