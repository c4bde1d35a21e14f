import { validate } from '@blaupause/model';
import { describe, expect, it } from 'vitest';
import { TEMPLATES, templateBlueprint } from './templates';

describe('templates', () => {
  for (const { id } of TEMPLATES)
    it(`${id} loads without errors`, () => {
      expect(validate(templateBlueprint(id)).filter((d) => d.severity === 'error')).toEqual([]);
    });

  it('an unknown template is a bug', () => {
    expect(() => templateBlueprint('nope')).toThrow(/unknown template/);
  });
});
