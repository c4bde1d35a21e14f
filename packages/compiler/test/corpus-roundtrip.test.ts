import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Diagnostic, Path } from '@blaupause/model';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { compile } from '../src/compile';
import { importComposeWithReport } from '../src/import/compose/import-compose';
import { composeSchemaErrors } from './import-compose/compose-schema';
import { normaliseCompose } from './import-compose/normalise';

/**
 * Round trip: Compose file → importCompose → blueprint → compile(…, 'compose') → Compose file.
 * The output must be valid against the Compose Specification, and mean what the input meant:
 * both normalised to one canonical long form must be equal, once what the importer reported as
 * not carried (and what the emitter reported it cannot write) is left out of the comparison.
 * Every key lost on the way is printed, one line per file.
 */

const here = dirname(fileURLToPath(import.meta.url));
const repo = join(here, '..', '..', '..');
// The real-world corpus lives beside the repository (in CI too), never inside it.
const corpusDir = join(repo, '..', 'shared', 'corpus', 'awesome-compose');
const fixturesDir = join(here, 'import-compose', 'fixtures');

const yamlFiles = (dir: string) =>
  readdirSync(dir)
    .filter((f) => f.endsWith('.yaml') || f.endsWith('.yml'))
    .sort();

// What the Compose emitter reports it cannot write (blueprint path) → the Compose keys that are then missing.
const NOTE_TO_COMPOSE: Record<string, (service: string) => Path> = {
  placement: (s) => ['services', s, 'deploy', 'placement'],
  rollout: (s) => ['services', s, 'deploy', 'update_config'],
  mode: (s) => ['services', s, 'deploy', 'mode'],
};

function emitterDrops(notes: readonly Diagnostic[]): { drop: Path[]; unexpected: string[] } {
  const drop: Path[] = [];
  const unexpected: string[] = [];
  for (const n of notes) {
    const [top, service, key] = n.path;
    const map = top === 'services' && typeof service === 'string' && n.path.length === 3 ? NOTE_TO_COMPOSE[String(key)] : undefined;
    if (map) drop.push(map(service as string));
    else if (n.code === 'FIDELITY_LOST') unexpected.push(`${n.path.join('.')}: ${n.message}`);
  }
  return { drop, unexpected };
}

function roundTrip(file: string, text: string) {
  const { result, report } = importComposeWithReport(text, { file });
  const errors = result.diagnostics.filter((d) => d.severity === 'error').map((d) => `${d.code} ${d.path.join('.')}: ${d.message}`);
  expect(errors).toEqual([]);
  if (!result.ok) throw new Error(`${file} did not import`);
  const compiled = compile(result.value, 'compose');
  const output = parse(compiled.files[0]?.content ?? '') as unknown;
  const lost = result.diagnostics.filter((d) => d.code === 'IMPORT_UNSUPPORTED_KEY').map((d) => d.path);
  const { drop, unexpected } = emitterDrops(compiled.diagnostics);
  const keys = [...lost.map((p) => p.join('.')), ...drop.map((p) => `${p.join('.')} (compose emitter)`)];
  const approximated = result.diagnostics.filter((d) => d.code === 'IMPORT_APPROXIMATED').map((d) => d.path.join('.'));
  console.log(
    `${file}: ${keys.length ? `lost ${keys.join(', ')}` : 'nothing lost'}${approximated.length ? `; approximated ${approximated.join(', ')}` : ''}`,
  );
  const pod = (name: string) => report.renames.services[name] ?? name;
  const helpers = Object.fromEntries(report.helpers.map((h) => [h.service, `${pod(h.pod)}-${h.container}`]));
  return {
    schemaErrors: composeSchemaErrors(output),
    unexpected,
    original: normaliseCompose(parse(text, { merge: true }), {
      lost,
      renames: report.renames,
      namedVolumes: report.namedVolumes,
      helpers,
      drop,
    }),
    output: normaliseCompose(output, { drop }),
  };
}

/**
 * Differences another component causes, known and reported: each must still occur (remove the
 * entry once it is fixed) and, undone, leave no other difference, so the rest is still checked.
 */
const KNOWN_ISSUES: { files: string[]; what: string; undo: (output: Record<string, unknown>) => boolean }[] = [];

function checkRoundTrip(file: string, text: string): void {
  const r = roundTrip(file, text);
  expect(r.schemaErrors).toEqual([]);
  expect(r.unexpected).toEqual([]);
  for (const issue of KNOWN_ISSUES.filter((i) => i.files.includes(file))) {
    console.log(`${file}: known issue: ${issue.what}`);
    expect(issue.undo(r.output), `fixed? remove it from KNOWN_ISSUES: ${issue.what}`).toBe(true);
  }
  expect(r.output).toEqual(r.original);
}

describe('Compose round trip: our fixtures', () => {
  it.each(yamlFiles(fixturesDir))('%s', (file) => checkRoundTrip(file, readFileSync(join(fixturesDir, file), 'utf8')));
});

const corpus = existsSync(corpusDir) ? yamlFiles(corpusDir) : [];

describe('Compose round trip: the awesome-compose corpus', () => {
  if (corpus.length === 0)
    it('corpus not present: skipped', () => {
      // A fresh clone has no ../shared/corpus; CI and the development machine do.
      expect(existsSync(corpusDir)).toBe(false);
    });
  else it.each(corpus)('%s', (file) => checkRoundTrip(file, readFileSync(join(corpusDir, file), 'utf8')));
});
