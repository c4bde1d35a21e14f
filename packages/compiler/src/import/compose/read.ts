import { API_VERSION, type Diagnostic, diag, type ReadLimits, type Result, readYamlDocuments, type YamlSource } from '@blaupause/model';
import { isObj, type Obj } from './context';

export interface ComposeSource {
  source: YamlSource;
  root: Obj;
}

const COMPOSE_KEYS = new Set(['services', 'volumes', 'networks', 'configs', 'secrets', 'name', 'version', 'include', 'models']);

/**
 * Phase 1: the text as one YAML mapping, within the reader's budgets (size, aliases, nodes,
 * depth; duplicate keys, tabs, unknown tags and prototype keys refused). A Kubernetes manifest
 * or a blueprint given as Compose is named as such instead of producing a heap of unknown keys.
 */
export function readCompose(text: string, file: string | undefined, limits?: Partial<ReadLimits>): Result<ComposeSource> {
  const r = readYamlDocuments(text, { ...(file ? { file } : {}), ...(limits ? { limits } : {}) });
  if (!r.ok) return r;
  const docs = r.value;
  const at = (doc: YamlSource | undefined) => {
    const source = doc?.positionOf([]) ?? (file ? { file, line: 1, col: 1 } : undefined);
    return source ? { source } : {};
  };
  const fail = (d: Diagnostic): Result<ComposeSource> => ({ ok: false, diagnostics: [...r.diagnostics, d] });
  const first = docs[0];
  if (!first) return fail(diag('EMPTY_DOCUMENT', 'error', [], 'The file holds no document (it is empty or only comments).', at(undefined)));
  const kube = docs.find((d) => isObj(d.value) && typeof d.value.apiVersion === 'string' && typeof d.value.kind === 'string');
  if (kube) {
    const blueprint = (kube.value as Obj).apiVersion === API_VERSION;
    return fail(
      diag(
        'WRONG_FORMAT',
        'error',
        [],
        blueprint
          ? 'This is a Blaupause blueprint, not a Compose file.'
          : 'This looks like Kubernetes YAML (it has apiVersion and kind), not a Compose file.',
        { hint: blueprint ? 'Open it as a blueprint.' : 'Import it as Kubernetes YAML.', ...at(kube) },
      ),
    );
  }
  if (docs.length > 1)
    return fail(
      diag('MULTIPLE_DOCS', 'error', [], `The file holds ${docs.length} YAML documents; a Compose file is one.`, {
        hint: 'Remove the "---" separators.',
        ...at(docs[1]),
      }),
    );
  if (!isObj(first.value))
    return fail(
      diag(
        'INVALID_ROOT',
        'error',
        [],
        `The document is ${Array.isArray(first.value) ? 'a list' : 'a single value'}; a Compose file is a mapping.`,
        {
          hint: 'Start with "services:".',
          ...at(first),
        },
      ),
    );
  const root = first.value;
  if (!Object.keys(root).some((k) => COMPOSE_KEYS.has(k)))
    return fail(
      diag('UNKNOWN_FORMAT', 'error', [], 'This is not a Compose file: it has none of services, volumes, networks, configs or secrets.', {
        hint: 'A Compose file starts with "services:".',
        ...at(first),
      }),
    );
  return { ok: true, value: { source: first, root }, diagnostics: r.diagnostics };
}
