import { Blueprint, validate } from '@blaupause/model';
import { describe, expect, it } from 'vitest';
import { generateBlueprint } from '../src/generate';

// The benchmark measures a realistic, valid blueprint; prove it is one.
describe('benchmark generator', () => {
  it('generates a valid blueprint with 3 containers per service and links', () => {
    const bp = Blueprint.parse(generateBlueprint(50));
    expect(Object.keys(bp.services)).toHaveLength(50);
    expect(Object.values(bp.services).every((s) => Object.keys(s.containers).length === 3)).toBe(true);
    expect(bp.services['svc-10']?.links?.map((l) => l.to)).toEqual(['svc-4', 'svc-7']);
    expect(validate(bp).filter((d) => d.severity === 'error')).toEqual([]);
  });
});
