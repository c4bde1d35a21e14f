import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadBlueprint } from '@blaupause/model';
import { describe, expect, it } from 'vitest';
import { compile, compileAll, TARGETS } from './compile';
import { Notes } from './notes';

const goldenDir = join(dirname(fileURLToPath(import.meta.url)), '../test/golden');
const cases = readdirSync(goldenDir).filter((d) => existsSync(join(goldenDir, d, 'blueprint.yaml')));

describe('compileAll', () => {
  it.each(cases)('gives what compile() gives per target (%s)', (name) => {
    const loaded = loadBlueprint(readFileSync(join(goldenDir, name, 'blueprint.yaml'), 'utf8'));
    const bp = loaded.blueprint;
    if (!bp) throw new Error(`${name} does not load`);
    expect(compileAll(bp, TARGETS, { kubernetesVersion: '1.28' })).toEqual(
      TARGETS.map((t) => compile(bp, t, { kubernetesVersion: '1.28' })),
    );
    expect(compileAll(bp, ['kubernetes', 'compose'])).toEqual([compile(bp, 'kubernetes'), compile(bp, 'compose')]);
  });
});

describe('fidelity notes', () => {
  // A plain compile indexes notes by their path's second segment, an incremental one by message: both drop the same repeats.
  it.each([false, true])('keeps the first of notes with the same code, path and message (cached: %s)', (cached) => {
    const notes = new Notes('compose', cached);
    notes.add('lost', ['services', 'web', 'ports'], 'service:web', 'A');
    notes.add('lost', ['services', 'web', 'ports'], 'service:other', 'A', 'a hint'); // repeat: element and hint do not count
    notes.add('approximated', ['services', 'web', 'ports'], 'service:web', 'A'); // another code
    notes.add('lost', ['services', 'web', 'ports'], 'service:web', 'B'); // another message
    notes.add('lost', ['services', 'web', 'ports', 0], 'service:web', 'A'); // another path
    notes.add('lost', ['services', 'web', 'ports', '0'], 'service:web', 'A'); // the same path: segments compare as text
    notes.add('lost', ['volumes', 'web'], 'volume:web', 'A');
    notes.add('lost', ['volumes', 'web'], 'volume:web', 'A');
    notes.add('lost', ['services'], 'service:web', 'A');
    notes.add('lost', ['services'], 'service:web', 'A');
    expect(notes.list.map((d) => [d.code, d.path.join('.'), d.message, d.elementId, d.hint])).toEqual([
      ['FIDELITY_LOST', 'services.web.ports', 'A', 'service:web', undefined],
      ['FIDELITY_APPROXIMATED', 'services.web.ports', 'A', 'service:web', undefined],
      ['FIDELITY_LOST', 'services.web.ports', 'B', 'service:web', undefined],
      ['FIDELITY_LOST', 'services.web.ports.0', 'A', 'service:web', undefined],
      ['FIDELITY_LOST', 'volumes.web', 'A', 'volume:web', undefined],
      ['FIDELITY_LOST', 'services', 'A', 'service:web', undefined],
    ]);
  });
});
