/**
 * The files generated from the model's source: the JSON Schema of the blueprint format and the
 * diagnostics reference. Pure (no file system): gen-schema.ts writes or checks them, and a test
 * compares them with what is committed.
 */
import { DIAGNOSTIC_CODES, type DiagnosticCode, diagnosticCodes } from '../src/diagnostics/codes';
import { USUAL_SEVERITY } from '../src/diagnostics/severities';
import { blueprintJsonSchema } from '../src/json-schema';

export interface GeneratedFile {
  /** Relative to the repository root. */
  path: string;
  content: string;
}

export const SCHEMA_FILE = 'packages/model/blueprint.schema.json';
export const DIAGNOSTICS_DOC = 'docs/diagnostics.md';
/** Read for its section comments, which group the codes in the reference. */
export const CODES_SOURCE = 'packages/model/src/diagnostics/codes.ts';

export function generatedFiles(codesSource: string): GeneratedFile[] {
  return [
    { path: SCHEMA_FILE, content: `${JSON.stringify(blueprintJsonSchema(), null, 2)}\n` },
    { path: DIAGNOSTICS_DOC, content: renderDiagnosticsDoc(codesSource) },
  ];
}

/** Sections of codes.ts: a "// ── title ──" comment starts one, `CODE: '...'` lines fill it. */
export function codeSections(codesSource: string): { title: string; codes: DiagnosticCode[] }[] {
  const sections: { title: string; codes: DiagnosticCode[] }[] = [];
  const known = new Set<string>(diagnosticCodes);
  for (const line of codesSource.split('\n')) {
    const title = /^\s*\/\/\s*─+\s*(.+?)\s*─*\s*$/.exec(line)?.[1];
    if (title) sections.push({ title, codes: [] });
    const code = /^\s*([A-Z][A-Z0-9_]*):/.exec(line)?.[1];
    if (code && known.has(code)) sections[sections.length - 1]?.codes.push(code as DiagnosticCode);
  }
  const listed = new Set(sections.flatMap((s) => s.codes));
  const rest = diagnosticCodes.filter((c) => !listed.has(c));
  if (rest.length) sections.push({ title: 'other', codes: rest });
  return sections;
}

/** Table cells: "|" would end the cell and "__proto__" would turn bold. */
const cell = (s: string) => s.replace(/[|_*]/g, (c) => `\\${c}`);

export function renderDiagnosticsDoc(codesSource: string): string {
  const out = [
    '<!-- Generated from packages/model/src/diagnostics/codes.ts and severities.ts by packages/model/scripts/gen-schema.ts. Do not edit. -->',
    '# Diagnostics',
    '',
    'Every problem Blaupause reports is a diagnostic: `{ code, severity, path, elementId, message, hint, source }`.',
    'Codes are stable (never renamed or reused); `path` is the place in the blueprint document',
    '(e.g. `services.web.containers.nginx.image`), `elementId` the canvas element (`service:web`,',
    '`container:web/nginx`, `link:web->api`, `volume:data`, ...), `source` the line and column in the file.',
    '',
    'Severities: **error** — the blueprint cannot be compiled or deployed as it is; **warning** — it can,',
    'but probably not as meant; **info** — worth knowing. The table gives the severity a code is normally',
    'reported with; "varies" means it depends on the case (the message says which).',
    '',
  ];
  for (const section of codeSections(codesSource)) {
    const rows = section.codes.map((code) => [`\`${code}\``, USUAL_SEVERITY[code] ?? '—', cell(DIAGNOSTIC_CODES[code])]);
    out.push(
      `## ${section.title.charAt(0).toUpperCase()}${section.title.slice(1)}`,
      '',
      ...table(['code', 'severity', 'meaning'], rows),
      '',
    );
  }
  return out.join('\n');
}

/** A Markdown table with padded columns, as Biome formats it (the repository's lint checks docs too). */
function table(head: string[], rows: string[][]): string[] {
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => [...(r[i] ?? '')].length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => c + ' '.repeat((widths[i] ?? 0) - [...c].length)).join(' | ')} |`;
  return [line(head), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)];
}
