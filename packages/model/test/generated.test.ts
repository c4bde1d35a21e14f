import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { run } from '../scripts/gen-schema';
import { CODES_SOURCE, codeSections, generatedFiles, renderDiagnosticsDoc } from '../scripts/generated';
import { diagnosticCodes } from '../src/diagnostics/codes';
import { BLUEPRINT_SCHEMA_ID, blueprintJsonSchema } from '../src/json-schema';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const codesSource = readFileSync(join(root, CODES_SOURCE), 'utf8');

describe('generated files', () => {
  it('are current: blueprint.schema.json and docs/diagnostics.md match their sources', () => {
    const lines: string[] = [];
    const status = run(['--check'], root, (l) => lines.push(l));
    expect(lines).toEqual(['2 generated files are current']);
    expect(status).toBe(0);
  });

  it('--check fails on a stale or missing file and writes nothing; without it, the files are written', () => {
    const tmp = mkdtempSync(join(tmpdir(), 'blaupause-gen-'));
    try {
      mkdirSync(dirname(join(tmp, CODES_SOURCE)), { recursive: true });
      mkdirSync(join(tmp, 'docs'));
      writeFileSync(join(tmp, CODES_SOURCE), codesSource);
      writeFileSync(join(tmp, 'docs/diagnostics.md'), 'old\n');
      const lines: string[] = [];
      expect(run(['--check'], tmp, (l) => lines.push(l))).toBe(1);
      expect(lines).toEqual([
        'packages/model/blueprint.schema.json is missing: run `pnpm --filter @blaupause/model gen:schema`',
        'docs/diagnostics.md is stale: run `pnpm --filter @blaupause/model gen:schema`',
      ]);
      expect(readFileSync(join(tmp, 'docs/diagnostics.md'), 'utf8')).toBe('old\n');
      expect(run([], tmp, () => {})).toBe(0);
      expect(run(['--check'], tmp, () => {})).toBe(0);
    } finally {
      rmSync(tmp, { recursive: true, force: true });
    }
  });
});

describe('diagnostics reference', () => {
  it('lists every code once, grouped by the sections of codes.ts, in padded tables', () => {
    const sections = codeSections(codesSource);
    expect(sections.flatMap((s) => s.codes).sort()).toEqual([...diagnosticCodes].sort());
    expect(sections.map((s) => s.title)).toContain('blueprint semantics');
    const doc = renderDiagnosticsDoc(codesSource);
    for (const code of diagnosticCodes) expect(doc).toMatch(new RegExp(`^\\| \`${code}\` +\\| `, 'm'));
    expect(doc).toMatch(/^\| `DANGLING_LINK` +\| error +\| A link points to a service that does not exist\. +\|$/m);
    expect(doc).toContain('\\_\\_proto\\_\\_');
  });

  it('puts codes outside any section under "other"', () => {
    const sections = codeSections("  // ── reading ──\n  EMPTY_DOCUMENT: 'x',\n");
    expect(sections[0]).toEqual({ title: 'reading', codes: ['EMPTY_DOCUMENT'] });
    expect(sections[1]?.title).toBe('other');
    expect(sections[1]?.codes).toHaveLength(diagnosticCodes.length - 1);
  });
});

describe('blueprint.schema.json', () => {
  const schema = blueprintJsonSchema() as {
    $schema: string;
    $id: string;
    title: string;
    properties: Record<string, { const?: string }>;
    definitions: Record<string, { title?: string; description?: string; additionalProperties?: unknown }>;
    required: string[];
  };

  it('is draft-07 with an id, a title and named definitions for editors', () => {
    expect(schema.$schema).toBe('http://json-schema.org/draft-07/schema#');
    expect(schema.$id).toBe(BLUEPRINT_SCHEMA_ID);
    expect(schema.title).toBe('Blaupause blueprint');
    expect(schema.properties.apiVersion?.const).toBe('blaupause.dev/v1');
    expect(schema.required).toEqual(['apiVersion', 'kind', 'metadata']);
    expect(Object.keys(schema.definitions).sort()).toEqual([
      'Config',
      'Container',
      'Healthcheck',
      'Link',
      'Mount',
      'Network',
      'Secret',
      'Service',
      'ServicePort',
      'Volume',
    ]);
    expect(schema.definitions.Service?.additionalProperties).toBe(false);
    expect(schema.definitions.Service?.description).toContain('pod');
  });

  it('keeps the field descriptions and drops noise that strict validators refuse', () => {
    const text = generatedFiles(codesSource)[0]?.content ?? '';
    expect(text).toContain('"description": "the pod: containers keyed by name, exactly one with role main"');
    expect(text).not.toContain('starts_with');
    expect(text).not.toContain('9007199254740991');
  });
});
