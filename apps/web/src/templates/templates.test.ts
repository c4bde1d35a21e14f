import { validate } from '@blaupause/model';
import { describe, expect, it } from 'vitest';
import { TEMPLATE_ENTRIES } from './catalog';
import { TEMPLATES, templateBlueprint } from './templates';

describe('templates', () => {
  for (const { id } of TEMPLATES)
    it(`${id} loads without errors`, () => {
      expect(validate(templateBlueprint(id)).filter((d) => d.severity === 'error')).toEqual([]);
    });

  it('every menu entry has its text (the menus read the catalog, the worker the texts)', () => {
    expect(TEMPLATES.map((t) => t.id)).toEqual(TEMPLATE_ENTRIES.map((e) => e.id));
    for (const t of TEMPLATES) expect(t.text, t.id).toMatch(/^apiVersion: blaupause\.dev\/v1$/m);
  });

  it('an unknown template is a bug', () => {
    expect(() => templateBlueprint('nope')).toThrow(/unknown template/);
  });
});
