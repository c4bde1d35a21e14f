import { describe, expect, it } from 'vitest';
import { InterpolationError, interpolate } from './interpolate';

const v = new Map([
  ['A', 'a'],
  ['E', ''],
]);

describe('interpolate: Compose ${...} syntax with parameter defaults', () => {
  it('substitutes, defaults, alternates and escapes', () => {
    expect(interpolate('x-${A}-y', v)).toBe('x-a-y');
    expect(interpolate('${B:-def}', v)).toBe('def');
    expect(interpolate('${E:-def}/${E-def}', v)).toBe('def/');
    expect(interpolate('${A:+alt}${B+alt}', v)).toBe('alt');
    expect(interpolate('${B:-${A}}', v)).toBe('a');
    expect(interpolate('$$HOME and $A', v)).toBe('$HOME and $A');
    expect(interpolate('${B}', v)).toBe('');
  });

  it('fails on required values and malformed references', () => {
    expect(() => interpolate('${B:?needed}', v)).toThrow(InterpolationError);
    expect(() => interpolate('${A', v)).toThrow(/unclosed/);
    expect(() => interpolate('${1x}', v)).toThrow(/invalid/);
  });
});
