import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_LIMITS, readBlockSource, readFast } from '@blaupause/model';
import { describe, expect, it } from 'vitest';

const golden = join(import.meta.dirname, '..', '..', '..', 'test', 'golden');

/**
 * The importer's speed rests on the model's block reader taking the Compose files the compilers
 * write (js-yaml is ~8× slower). Every golden Compose and Swarm file is in its subset, except the
 * ones with a block scalar (`content: |`), which it leaves to js-yaml.
 */
describe('the Compose files Blaupause writes take the block reader', () => {
  const files = readdirSync(golden)
    .flatMap((c) => ['compose.yaml', 'swarm.yaml'].map((f) => join(golden, c, f)))
    .filter((f) => existsSync(f));

  it('reads them, with the values js-yaml gives', () => {
    let read = 0;
    for (const f of files) {
      const text = readFileSync(f, 'utf8');
      if (/: [|>][-+]?\n/.test(text)) continue;
      const block = readBlockSource(text, DEFAULT_LIMITS);
      const fast = readFast(text, DEFAULT_LIMITS);
      expect({ f, read: block?.ok }).toEqual({ f, read: true });
      expect(block?.ok && block.value[0]?.value).toEqual(fast?.ok && fast.value[0]?.value);
      read++;
    }
    expect(read).toBeGreaterThan(files.length / 2);
  });
});
