import { describe, expect, it } from 'vitest';
import { contrast } from './contrast';
import { DARK, LIGHT, type Tokens } from './tokens';

type Colour = Exclude<keyof Tokens, 'shadow' | 'shadow-raised'>;

/** Text colour on background colour, as the stylesheets pair them (badges, chips, marks, muted text). */
const PAIRS: Array<[Colour, Colour]> = [
  ['text', 'bg'],
  ['text', 'surface'],
  ['text', 'surface-muted'],
  ['text-muted', 'surface'],
  ['text-muted', 'surface-muted'],
  ['text-muted', 'canvas-bg'],
  ['accent', 'surface'],
  ['accent', 'accent-soft'],
  ['on-accent', 'accent'],
  ['role-main', 'surface'],
  ['role-sidecar', 'surface'],
  ['role-ambassador', 'surface'],
  ['role-adapter', 'surface'],
  ['role-init', 'surface'],
  ['network', 'surface'],
  ['on-error', 'error'],
  ['on-warning', 'warning'],
  ['error', 'surface'],
  ['error', 'error-soft'],
  ['warning', 'surface'],
  ['warning', 'warning-soft'],
  ['info', 'info-soft'],
  ['edge-mount', 'surface'],
  ['text', 'highlight-line'],
];

describe('theme contrast', () => {
  for (const [name, tokens] of [
    ['light', LIGHT],
    ['dark', DARK],
  ] as const) {
    it(`${name}: every text/background pair reaches WCAG AA (4.5:1)`, () => {
      const failing = PAIRS.flatMap(([fg, bg]) => {
        const ratio = contrast(tokens[fg], tokens[bg]);
        return ratio < 4.5 ? [`${fg} on ${bg}: ${ratio.toFixed(2)}`] : [];
      });
      expect(failing).toEqual([]);
    });
  }

  it('gives the dark theme its own colours for every token', () => {
    const same = (Object.keys(LIGHT) as Array<keyof Tokens>).filter((k) => LIGHT[k] === DARK[k]);
    expect(same).toEqual([]);
  });

  it('computes known ratios', () => {
    expect(contrast('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrast('#777777', '#ffffff')).toBeCloseTo(4.48, 2);
    expect(() => contrast('red', '#ffffff')).toThrow(/#rrggbb/);
  });
});
