import { CORE_SCHEMA, constructFromEvents, type Event, mergeTag, parseEvents } from 'js-yaml';
import { type Document, isAlias, isMap, isPair, isScalar, isSeq, LineCounter, type Node, parseAllDocuments, type YAMLError } from 'yaml';
import { type Diagnostic, diag, type Path, type Result, type SourcePosition } from '../diagnostics/diagnostic';
import { blockPositions, readBlock } from './block-reader';
import { EventPositions } from './event-positions';
import { DEFAULT_LIMITS, FORBIDDEN_KEYS, type ReadLimits } from './limits';
import { nestingEstimate } from './nesting';

/** A parsed YAML (or JSON) document: the plain value, and where each path came from. */
export interface YamlSource {
  value: unknown;
  /** Position of the key (for mapping entries) or item at `path`; the nearest ancestor if the path does not exist. */
  positionOf(path: Path): SourcePosition | undefined;
  /** Index of this document in a multi-document file (0-based). */
  index: number;
}

export interface ReadOptions {
  file?: string;
  limits?: Partial<ReadLimits>;
}

const tooLarge = (bytes: number, max: number, file?: string): Diagnostic =>
  diag('FILE_TOO_LARGE', 'error', [], `The file is ${bytes} bytes; at most ${max} bytes are read.`, {
    hint: 'Split the file, or raise the limit if you trust it.',
    ...(file ? { source: { file, line: 1, col: 1 } } : {}),
  });

/** Reads one YAML document (Compose files and blueprints are single-document). */
export function readYaml(text: string, opts: ReadOptions = {}): Result<YamlSource> {
  const all = readYamlDocuments(text, opts);
  if (!all.ok) return all;
  const docs = all.value;
  if (docs.length > 1) {
    const pos = docs[1]?.positionOf([]);
    return fail(
      diag('MULTIPLE_DOCS', 'error', [], `The file holds ${docs.length} YAML documents; exactly one is expected.`, {
        hint: 'Remove the "---" separators, or import the file as Kubernetes YAML.',
        ...(pos ? { source: pos } : {}),
      }),
      all.diagnostics,
    );
  }
  const doc = docs[0];
  if (!doc || doc.value === null || doc.value === undefined) {
    return fail(
      diag('EMPTY_DOCUMENT', 'error', [], 'The file holds no document (it is empty or only comments).', {
        ...(opts.file ? { source: { file: opts.file, line: 1, col: 1 } } : {}),
      }),
      all.diagnostics,
    );
  }
  return { ok: true, value: doc, diagnostics: all.diagnostics };
}

function fail(d: Diagnostic, more: Diagnostic[] = []): Result<never> {
  return { ok: false, diagnostics: [...more, d] };
}

/** Reads every document of a (possibly multi-document) YAML file; empty documents are dropped. */
export function readYamlDocuments(input: string, opts: ReadOptions = {}): Result<YamlSource[]> {
  const limits = { ...DEFAULT_LIMITS, ...opts.limits };
  const file = opts.file;
  const bytes = utf8Length(input);
  if (bytes > limits.maxBytes) return fail(tooLarge(bytes, limits.maxBytes, file));
  const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  const nul = text.indexOf('\u0000');
  if (nul >= 0)
    return fail(
      diag('INVALID_ENCODING', 'error', [], 'The file contains NUL bytes; it is not UTF-8 text (UTF-16 or binary?).', {
        hint: 'Save the file as UTF-8.',
        ...(file ? { source: { file, ...lineCol(text, nul) } } : {}),
      }),
    );

  return readBlockSource(text, limits, file) ?? readFast(text, limits, file) ?? guardedThorough(text, limits, file);
}

/** The block reader's answer as a source, or undefined when the text is outside its subset (`block-reader.ts`). */
export function readBlockSource(text: string, limits: ReadLimits, file?: string): Result<YamlSource[]> | undefined {
  const block = readBlock(text, limits);
  if (!block) return undefined;
  const positions = new EventPositions(
    text,
    () => [{ entries: blockPositions(text, limits), anchors: new Map(), aliases: new Map() }],
    file,
  );
  return { ok: true, value: [{ value: block.value, index: 0, positionOf: (path) => positions.positionOf(0, path) }], diagnostics: [] };
}

/** The precise reader recurses per level: text nesting far beyond the budget is refused before it (source/nesting.ts). */
function guardedThorough(text: string, limits: ReadLimits, file?: string): Result<YamlSource[]> {
  const cap = limits.maxDepth * 4;
  if (nestingEstimate(text, cap) > cap) return fail(tooDeep(limits.maxDepth, file));
  return readThorough(text, limits, file);
}

const tooDeep = (maxDepth: number, file?: string): Diagnostic =>
  diag('RESOURCE_LIMIT', 'error', [], `The document nests deeper than ${maxDepth} levels.`, {
    hint: 'Flatten the structure; real Compose, Kubernetes and blueprint files nest a few levels.',
    ...(file ? { source: { file, line: 1, col: 1 } } : {}),
  });

const FAST_SCHEMA = CORE_SCHEMA.withTags(mergeTag);

/**
 * Two readers, one meaning. js-yaml builds the values about ten times faster than `yaml` (70 vs
 * 770 ms for a 1.4 MB Compose file), so it reads every file first, and its event stream gives the
 * source positions. `yaml` has the precise error messages: it reads the text only when js-yaml
 * refuses it, and its diagnostics are the ones reported. Both read YAML 1.2 core with "<<" merges;
 * tests hold them to the same values and the same positions.
 */
export function readFast(text: string, limits: ReadLimits, file?: string): Result<YamlSource[]> | undefined {
  let events: Event[];
  let values: unknown[];
  try {
    events = parseEvents(text, { maxDepth: limits.maxDepth });
    values = constructFromEvents(events, { source: text, schema: FAST_SCHEMA, maxAliases: limits.maxAliases, json: false });
  } catch (e) {
    // Too deep is final: the precise reader would only recurse through the same levels, slowly.
    if (/exceeded maxDepth/.test((e as Error).message)) return fail(tooDeep(limits.maxDepth, file));
    return undefined;
  }
  // Positions come from the same events, indexed on the first lookup (most reads need none).
  const positions = new EventPositions(text, events, file);
  const out: YamlSource[] = [];
  const diagnostics: Diagnostic[] = [];
  values.forEach((value, index) => {
    if (value === null || value === undefined) return;
    const budget = checkBudget(value, limits);
    if (budget) {
      const at = positions.positionOf(index, budget.path);
      diagnostics.push(at ? { ...budget, source: at } : budget);
    } else out.push({ value, index, positionOf: (path) => positions.positionOf(index, path) });
  });
  return diagnostics.length === 0 ? { ok: true, value: out, diagnostics } : { ok: false, diagnostics };
}

export function readThorough(text: string, limits: ReadLimits, file?: string): Result<YamlSource[]> {
  const lineCounter = new LineCounter();
  const pos = (offset: number): SourcePosition => {
    const { line, col } = lineCounter.linePos(offset);
    return file ? { file, line, col } : { line, col };
  };
  let docs: Document.Parsed[];
  try {
    docs = parseAllDocuments(text, {
      lineCounter,
      merge: true,
      uniqueKeys: true,
      prettyErrors: false,
      strict: true,
      stringKeys: false,
    }) as Document.Parsed[];
  } catch (e) {
    return fail(diag('RESOURCE_LIMIT', 'error', [], `The YAML could not be parsed within its limits: ${(e as Error).message}`));
  }
  if (!Array.isArray(docs)) docs = [docs];

  const diagnostics: Diagnostic[] = [];
  const out: YamlSource[] = [];
  for (const [index, doc] of docs.entries()) {
    for (const e of doc.errors) diagnostics.push(yamlError(e, pos));
    for (const w of doc.warnings) diagnostics.push(yamlError(w, pos));
    if (diagnostics.some((d) => d.severity === 'error')) continue;
    if (doc.contents === null) continue;
    let value: unknown;
    try {
      value = doc.toJS({ maxAliasCount: limits.maxAliases });
    } catch (e) {
      const message = (e as Error).message;
      diagnostics.push(
        /Merge sources must be map/.test(message)
          ? diag('INVALID_MERGE', 'error', [], `Document ${index + 1}: "<<" merges mappings only, not lists or scalars.`, {
              source: pos(doc.range[0]),
              hint: '"<<" merges mappings only: point it at an anchored mapping (<<: *defaults).',
            })
          : diag('RESOURCE_LIMIT', 'error', [], `Document ${index + 1}: ${message}`, { source: pos(doc.range[0]) }),
      );
      continue;
    }
    if (value === null || value === undefined) continue;
    const budget = checkBudget(value, limits);
    if (budget) {
      diagnostics.push({ ...budget, source: positionOf(doc, budget.path, pos) ?? pos(doc.range[0]) });
      continue;
    }
    out.push({ value, index, positionOf: (p) => positionOf(doc, p, pos) });
  }
  if (diagnostics.some((d) => d.severity === 'error')) return { ok: false, diagnostics };
  return { ok: true, value: out, diagnostics };
}

const CODE_MAP: Record<string, Diagnostic['code']> = {
  DUPLICATE_KEY: 'DUPLICATE_KEY',
  TAB_AS_INDENT: 'YAML_SYNTAX',
  TAG_RESOLVE_FAILED: 'UNSUPPORTED_TAG',
  BAD_ALIAS: 'YAML_SYNTAX',
  RESOURCE_EXHAUSTION: 'RESOURCE_LIMIT',
};

function yamlError(e: YAMLError, pos: (o: number) => SourcePosition): Diagnostic {
  const code = CODE_MAP[e.code] ?? (/alias/i.test(e.message) && /excessive|resource/i.test(e.message) ? 'RESOURCE_LIMIT' : 'YAML_SYNTAX');
  const message = e.message.split('\n')[0]?.replace(/ at line \d+, column \d+:?$/, '') ?? e.message;
  const hint =
    e.code === 'TAB_AS_INDENT'
      ? 'YAML indents with spaces only; replace the tabs.'
      : e.code === 'DUPLICATE_KEY'
        ? 'Each key may appear once in a mapping; remove or rename one.'
        : e.code === 'TAG_RESOLVE_FAILED'
          ? 'Custom tags are not supported; write the plain value.'
          : undefined;
  // Tag warnings are errors here: a value silently kept as a string is worse than a refusal.
  return diag(code, 'error', [], message, { source: pos(e.pos[0]), ...(hint ? { hint } : {}) });
}

/**
 * Walks the value like a serialiser would (aliases expanded) and stops at the first budget overrun.
 * A recursive pre-order walk that allocates nothing per node (this runs on every value of every
 * file): the path is one array pushed and popped along the way, copied only for a diagnostic. The
 * order is that of the stack walk it replaces (items first to last, a mapping's keys all checked,
 * then its values last key first), so the same overrun is found first. Recursion is bounded: the
 * walk stops one level below maxDepth.
 */
export function checkBudget(value: unknown, limits: ReadLimits): Diagnostic | undefined {
  const walk: BudgetWalk = { nodes: 0, limits, path: [] };
  return visitBudget(walk, value, 0);
}

interface BudgetWalk {
  nodes: number;
  limits: ReadLimits;
  path: (string | number)[];
}

function visitBudget(w: BudgetWalk, v: unknown, depth: number): Diagnostic | undefined {
  if (++w.nodes > w.limits.maxNodes)
    // The whole document is at fault, not the node where the count ran out.
    return diag('RESOURCE_LIMIT', 'error', [], `The document expands to more than ${w.limits.maxNodes} nodes (an alias bomb?).`, {
      hint: 'Use fewer aliases or split the file.',
    });
  if (depth > w.limits.maxDepth)
    return diag('RESOURCE_LIMIT', 'error', [...w.path], `The document nests deeper than ${w.limits.maxDepth} levels.`);
  if (v === null || typeof v !== 'object') return undefined;
  const path = w.path;
  if (Array.isArray(v)) {
    for (let i = 0; i < v.length; i++) {
      path.push(i);
      const d = visitBudget(w, v[i], depth + 1);
      path.pop();
      if (d) return d;
    }
    return undefined;
  }
  // Only JSON-like data passes: a tag such as !!binary would hand a Buffer to code expecting text.
  const proto = Object.getPrototypeOf(v);
  if (proto !== Object.prototype && proto !== null)
    return diag(
      'UNSUPPORTED_TAG',
      'error',
      [...path],
      'This value is of a type (binary, set, ...) that Blaupause does not read: only text, numbers, booleans, lists and mappings.',
      {
        hint: 'Write the plain value.',
      },
    );
  const keys = Object.keys(v);
  for (const k of keys)
    if (FORBIDDEN_KEYS.has(k))
      return diag('FORBIDDEN_KEY', 'error', [...path, k], `The key "${k}" is not allowed: it could alter object prototypes.`, {
        hint: 'Rename the key.',
      });
  for (let i = keys.length - 1; i >= 0; i--) {
    const k = keys[i] as string;
    path.push(k);
    const d = visitBudget(w, (v as Record<string, unknown>)[k], depth + 1);
    path.pop();
    if (d) return d;
  }
  return undefined;
}

function positionOf(doc: Document.Parsed, path: Path, pos: (o: number) => SourcePosition): SourcePosition | undefined {
  let node: unknown = doc.contents;
  let best: SourcePosition | undefined = doc.contents?.range ? pos(doc.contents.range[0]) : undefined;
  for (const seg of path) {
    if (isAlias(node)) node = node.resolve(doc);
    if (isMap(node)) {
      const pair = pairIndex(node).get(String(seg));
      if (!pair) return best;
      const key = pair.key as Node | null;
      if (key?.range) best = pos(key.range[0]);
      node = pair.value;
    } else if (isSeq(node) && typeof seg === 'number') {
      const item = node.items[seg] as Node | undefined;
      if (!item) return best;
      if (item.range) best = pos(item.range[0]);
      node = item;
    } else return best;
  }
  return best;
}

const keyOf = (k: unknown): string | undefined => (isScalar(k) ? String(k.value) : undefined);

type YamlMapNode = Extract<ReturnType<typeof asMap>, object>;
const asMap = (n: unknown) => (isMap(n) ? n : undefined);
const pairIndexes = new WeakMap<YamlMapNode, Map<string, YamlMapNode['items'][number]>>();

/** Key → pair of one mapping, built on first use: thousands of lookups in a big file stay linear. */
function pairIndex(node: YamlMapNode): Map<string, YamlMapNode['items'][number]> {
  let index = pairIndexes.get(node);
  if (!index) {
    index = new Map();
    for (const p of node.items) {
      const k = isPair(p) ? keyOf(p.key) : undefined;
      if (k !== undefined && !index.has(k)) index.set(k, p);
    }
    pairIndexes.set(node, index);
  }
  return index;
}

function lineCol(text: string, offset: number) {
  let line = 1;
  let last = -1;
  for (let i = 0; i < offset; i++)
    if (text.charCodeAt(i) === 10) {
      line++;
      last = i;
    }
  return { line, col: offset - last };
}

const NON_ASCII = /[^\u0000-\u007f]/;

/** UTF-8 byte length without encoding the string (size caps count bytes, not characters). */
export function utf8Length(s: string): number {
  // Up to the first non-ASCII character (most files have none) one byte each, found by one native scan.
  const ascii = s.search(NON_ASCII);
  if (ascii < 0) return s.length;
  let n = ascii;
  for (let i = ascii; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c < 0xdc00) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}
