import { describe, expect, it } from 'vitest';
import { nestingEstimate } from '../src/source/nesting';
import { readYaml } from '../src/source/read-yaml';

/**
 * 20,000-deep nesting is refused fast by both readers (issue 5). js-yaml stops at its depth
 * budget; text it refuses for another reason used to go to the `yaml` reader whole, which recurses
 * per level: seconds per call, and a fatal stack exhaustion inside a worker (the fuzz test's find).
 */
const timed = (text: string) => {
  const t0 = performance.now();
  const r = readYaml(text, { file: 'deep.yaml' });
  return { r, ms: performance.now() - t0 };
};

describe('deep nesting', () => {
  it.each([
    ['flow lists', `x: ${'['.repeat(20_000)}${']'.repeat(20_000)}\n`],
    ['flow maps', `x: ${'{a: '.repeat(20_000)}1${'}'.repeat(20_000)}\n`],
    ['block sequences on one line', `x:\n  ${'- '.repeat(20_000)}1\n`],
    ['after a syntax error js-yaml stops at', `a: b: c\nx: ${'['.repeat(20_000)}\n`],
    ['after a tab js-yaml stops at', `a:\n\t- 1\nx: ${'{'.repeat(20_000)}\n`],
  ])('%s: RESOURCE_LIMIT in well under a second', (_, text) => {
    const { r, ms } = timed(text);
    expect(r.ok).toBe(false);
    expect(r.diagnostics.map((d) => d.code)).toContain('RESOURCE_LIMIT');
    expect(ms).toBeLessThan(500);
  });

  it('the estimate skips brackets in quotes and comments, so real files are not refused', () => {
    const text = `a: "${'['.repeat(500)}"\nb: '${'{'.repeat(500)}'\n# ${'['.repeat(500)}\nc: [1, [2, {d: 3}]]\n`;
    expect(nestingEstimate(text)).toBe(3);
    expect(readYaml(text).ok).toBe(true);
    // A syntax error in a normally nested file still gets the precise reader's message.
    const bad = readYaml('a: b: c\n');
    expect(bad.diagnostics.map((d) => d.code)).toEqual(['YAML_SYNTAX']);
  });
});
