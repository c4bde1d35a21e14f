import { describe, expect, it } from 'vitest';
import { emptyBlueprint, templateBlueprint } from '../templates/templates';
import { isBlank } from './open-document';

describe('isBlank', () => {
  it('is true for the empty blueprint only, false as soon as one element of any kind is in it', () => {
    const empty = emptyBlueprint();
    expect(isBlank(empty)).toBe(true);
    expect(isBlank(templateBlueprint('seed-compose'))).toBe(false);
    const one = { external: false };
    expect(isBlank({ ...empty, services: { web: templateBlueprint('seed-compose').services.weba } } as never)).toBe(false);
    for (const kind of ['volumes', 'networks', 'configs', 'secrets'] as const)
      expect(isBlank({ ...empty, [kind]: { x: one } } as never), kind).toBe(false);
    // Empty records count as nothing.
    expect(isBlank({ ...empty, volumes: {}, networks: {}, configs: {}, secrets: {} })).toBe(true);
  });
});
