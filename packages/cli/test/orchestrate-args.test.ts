import { describe, expect, it } from 'vitest';
import { parseCommandLine } from '../src/args';
import { helpText } from '../src/help';

describe('scale, canary, promote, abort: command lines', () => {
  it('parses SERVICE=N pairs, the canary options and PROJECT SERVICE', () => {
    expect(parseCommandLine(['scale', 'shop', 'web=3', 'worker=0'])).toEqual({
      kind: 'scale',
      project: 'shop',
      changes: [
        { service: 'web', replicas: 3 },
        { service: 'worker', replicas: 0 },
      ],
      json: false,
    });
    expect(parseCommandLine(['canary', 'shop.blueprint.yaml', '-s', 'web', '-r', '2', '--json'])).toEqual({
      kind: 'canary',
      file: 'shop.blueprint.yaml',
      service: 'web',
      replicas: 2,
      allowDangerous: [],
      json: true,
    });
    expect(parseCommandLine(['promote', 'shop', 'web'])).toEqual({ kind: 'promote', project: 'shop', service: 'web', json: false });
    expect(parseCommandLine(['abort', 'shop', 'web', '--json'])).toEqual({ kind: 'abort', project: 'shop', service: 'web', json: true });
  });

  it('answers usage errors naming the mistake', () => {
    const msg = (argv: string[]) => {
      const inv = parseCommandLine(argv);
      return inv.kind === 'usage' ? inv.message : `not a usage error: ${inv.kind}`;
    };
    expect(msg(['scale', 'shop'])).toBe('scale needs PROJECT and at least one SERVICE=N');
    expect(msg(['scale', 'shop', 'web:3'])).toBe('"web:3" is not SERVICE=N (e.g. web=3)');
    expect(msg(['scale', 'shop', 'web=1', 'web=2'])).toBe('service "web" is named twice');
    expect(msg(['scale', 'Shop', 'web=1'])).toMatch(/^project "Shop" is not a valid name/);
    expect(msg(['canary', 'f.yaml'])).toBe('canary needs --service SERVICE');
    expect(msg(['canary', 'f.yaml', '-s', 'web', '-r', '0'])).toBe('--replicas "0" is not a number of replicas (1 or more)');
    expect(msg(['promote', 'shop'])).toBe('promote needs PROJECT and SERVICE (got 1 arguments)');
  });

  it('has help for each, and the overview lists them', () => {
    for (const c of ['scale', 'canary', 'promote', 'abort'] as const) expect(helpText(c)).toMatch(new RegExp(`^Usage: blaupause ${c} `));
    expect(helpText()).toContain('blaupause scale PROJECT SERVICE=N');
    expect(parseCommandLine(['scale', '--help'])).toEqual({ kind: 'help', command: 'scale' });
  });
});
