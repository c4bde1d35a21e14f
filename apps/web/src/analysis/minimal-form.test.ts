import { loadBlueprint } from '@blaupause/model';
import { describe, expect, it } from 'vitest';
import { TEMPLATES, templateBlueprint } from '../templates/templates';
import { blueprintYaml } from './analyze';
import { minimalForm } from './minimal-form';

describe('minimal form', () => {
  for (const { id } of TEMPLATES) {
    it(`${id}: leaves defaults out and reads back to the same document`, () => {
      const bp = templateBlueprint(id);
      const text = blueprintYaml(bp);
      expect(loadBlueprint(text).blueprint).toEqual(bp);
      expect(minimalForm(bp)).not.toEqual(bp);
      expect(text).not.toMatch(/role: main|condition: started|protocol: tcp|mode: replicated|replicas: 1\n/);
    });
  }

  it('keeps values that differ from the defaults', () => {
    const bp = templateBlueprint('patterns');
    const text = blueprintYaml(bp);
    expect(text).toContain('role: sidecar');
    expect(text).toContain('condition: healthy');
    expect(text).toContain('replicas: 2');
  });
});
