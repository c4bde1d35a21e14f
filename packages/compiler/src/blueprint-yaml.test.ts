import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadBlueprint } from '@blaupause/model';
import { describe, expect, it } from 'vitest';
import { blueprintYaml } from './blueprint-yaml';

const examples = join(import.meta.dirname, '..', '..', '..', 'examples');

describe('blueprintYaml', () => {
  const files = readdirSync(examples).filter((f) => f.endsWith('.blueprint.yaml'));

  it('finds the examples', () => {
    expect(files.length).toBeGreaterThanOrEqual(2);
  });

  for (const f of files) {
    it(`${f}: reads back to the same document, without default values, keys in reading order`, () => {
      const bp = loadBlueprint(readFileSync(join(examples, f), 'utf8')).blueprint;
      expect(bp).toBeDefined();
      const text = blueprintYaml(bp as NonNullable<typeof bp>);
      expect(loadBlueprint(text).blueprint).toEqual(bp);
      expect(text).not.toMatch(/role: main|condition: started|protocol: tcp|mode: replicated|replicas: 1\n/);
      expect(text.startsWith('apiVersion: blaupause.dev/v1\nkind: Blueprint\nmetadata:\n')).toBe(true);
    });
  }
});
