import { describe, expect, test } from 'vitest';
import { parseCommandLine } from '../src/args';

describe('parseCommandLine', () => {
  test('validate takes several files and --json', () => {
    expect(parseCommandLine(['validate', 'a.yaml', '--json', 'b.yaml'])).toEqual({
      kind: 'validate',
      files: ['a.yaml', 'b.yaml'],
      json: true,
    });
  });

  test('compile with every option, long and short forms', () => {
    expect(parseCommandLine(['compile', 'a.yaml', '--target=kubernetes', '-o', 'out.yaml', '--k8s-version', '1.29', '-n', 'shop'])).toEqual(
      {
        kind: 'compile',
        file: 'a.yaml',
        target: 'kubernetes',
        output: 'out.yaml',
        k8sVersion: '1.29',
        namespace: 'shop',
        json: false,
      },
    );
    expect(parseCommandLine(['compile', '-t', 'swarm', 'a.yaml'])).toEqual({
      kind: 'compile',
      file: 'a.yaml',
      target: 'swarm',
      json: false,
    });
  });

  test('import with its options', () => {
    expect(parseCommandLine(['import', 'compose.yaml', '--env-file', '.env', '--name', 'shop', '-o', 'shop.blueprint.yaml'])).toEqual({
      kind: 'import',
      file: 'compose.yaml',
      envFile: '.env',
      name: 'shop',
      output: 'shop.blueprint.yaml',
      json: false,
    });
  });

  test('a file name that starts with "-" follows "--"', () => {
    expect(parseCommandLine(['validate', '--', '-odd.yaml'])).toEqual({ kind: 'validate', files: ['-odd.yaml'], json: false });
    expect(parseCommandLine(['validate', '--', '--help'])).toEqual({ kind: 'validate', files: ['--help'], json: false });
  });

  test('options of another command are unknown here', () => {
    expect(parseCommandLine(['validate', 'a.yaml', '--target', 'compose'])).toEqual({
      kind: 'usage',
      message: 'unknown option --target',
      command: 'validate',
    });
    expect(parseCommandLine(['import', 'a.yaml', '-t', 'compose'])).toEqual({
      kind: 'usage',
      message: 'unknown option -t',
      command: 'import',
    });
  });

  test('help and version', () => {
    expect(parseCommandLine(['--help'])).toEqual({ kind: 'help' });
    expect(parseCommandLine(['help'])).toEqual({ kind: 'help' });
    expect(parseCommandLine(['help', 'import'])).toEqual({ kind: 'help', command: 'import' });
    expect(parseCommandLine(['validate', '-h'])).toEqual({ kind: 'help', command: 'validate' });
    expect(parseCommandLine(['--version'])).toEqual({ kind: 'version' });
    expect(parseCommandLine(['--version', '--nope'])).toEqual({ kind: 'usage', message: 'unknown option --nope' });
  });
});
