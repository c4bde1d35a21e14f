import {
  type Blueprint,
  type Diagnostic,
  diag,
  hasErrors,
  parseBlueprint,
  type ReadLimits,
  type Result,
  readYamlDocuments,
  sortDiagnostics,
  type YamlSource,
} from '@blaupause/model';
import { detectFormat, FORMAT_NAMES } from '../detect';
import { importAutoscaler } from './autoscaler';
import { applyCanary, findCanaries } from './canary';
import { type Draft, ImportContext, type K8sObject, newDraft, type ServiceDraft, toBlueprintInput } from './context';
import { dnsLabel, fileStem } from './convert';
import { importIngress } from './ingress';
import { jobPortsNote } from './job';
import { liftBlueprintLabels } from './labels';
import { resolveLinks } from './links';
import { declareSegments, importOwnNetworkPolicy } from './networks';
import { collectObjects } from './objects';
import { reportLeftovers } from './report';
import { importServices } from './services';
import { importClaim, importConfigMap, importSecret } from './storage';
import { importWorkload, WORKLOAD_KINDS } from './workload';

export interface KubernetesImportOptions {
  /** File name, for source positions in diagnostics and the default blueprint name. */
  file?: string;
  /** Blueprint name; default: the app.kubernetes.io/part-of label, the namespace or the file name. */
  name?: string;
  limits?: Partial<ReadLimits>;
}

/**
 * Kubernetes YAML → a blueprint. Phases: read documents → objects (Lists flattened, invalid,
 * duplicate and controller-managed objects out, cluster fields stripped) → storage (PVC,
 * ConfigMap, Secret) → workloads → Services → Ingresses and autoscalers → links → report every
 * key not carried, by path. Never throws for bad input; errors make the result not ok.
 */
export function importKubernetes(text: string, opts: KubernetesImportOptions = {}): Result<Blueprint> {
  const read = readYamlDocuments(text, { ...(opts.file ? { file: opts.file } : {}), ...(opts.limits ? { limits: opts.limits } : {}) });
  if (!read.ok) return read;
  return importKubernetesDocuments(read.value, opts, read.diagnostics);
}

/** The same, on documents already read (importAny reads once and dispatches). */
export function importKubernetesDocuments(
  docs: readonly YamlSource[],
  opts: KubernetesImportOptions = {},
  prior: Diagnostic[] = [],
): Result<Blueprint> {
  const first = docs[0];
  const at = opts.file ? { source: { file: opts.file, line: 1, col: 1 } } : {};
  if (!first)
    return { ok: false, diagnostics: [...prior, diag('EMPTY_DOCUMENT', 'error', [], 'The file holds no Kubernetes object.', at)] };
  const format = detectFormat(first.value);
  if (format === 'compose' || format === 'blueprint')
    return {
      ok: false,
      diagnostics: [
        ...prior,
        diag('WRONG_FORMAT', 'error', [], `Kubernetes YAML was expected, but the file is ${FORMAT_NAMES[format]}.`, {
          hint: format === 'compose' ? 'Import it as a Compose file.' : 'Open it as a blueprint; it needs no import.',
          ...at,
        }),
      ],
    };

  const ctx = new ImportContext(new Map(docs.map((d) => [d.index, d])), opts.file);
  const objects = collectObjects(docs, ctx);
  const draft = newDraft();
  importObjects(objects, ctx, draft);
  reportLeftovers(objects, ctx);
  const name = blueprintName(opts, objects, ctx);
  const parsed = parseBlueprint(toBlueprintInput(draft, name, liftBlueprintLabels(objects, draft)));
  const diagnostics = sortDiagnostics([...prior, ...ctx.diagnostics, ...parsed.diagnostics]);
  if (!parsed.ok || hasErrors(diagnostics)) return { ok: false, diagnostics };
  return { ok: true, value: parsed.value, diagnostics };
}

/** Storage first (workloads refer to it by name), then workloads, then what points at workloads. */
function importObjects(objects: readonly K8sObject[], ctx: ImportContext, draft: Draft): void {
  const of = (...kinds: string[]) => objects.filter((o) => kinds.includes(o.kind));
  for (const o of of('PersistentVolumeClaim')) importClaim(o, ctx, draft);
  for (const o of of('ConfigMap')) importConfigMap(o, ctx, draft);
  for (const o of of('Secret')) importSecret(o, ctx, draft);
  declareSegments(objects, draft);
  const canaries = findCanaries(objects);
  const skipped = new Set(canaries.values());
  const workloads = new Map<string, ServiceDraft>();
  for (const o of objects.filter((x) => WORKLOAD_KINDS.has(x.kind) && !skipped.has(x))) {
    const s = importWorkload(o, ctx, draft);
    if (!s) continue;
    workloads.set(`${o.kind}/${o.name}`, s);
    const canary = canaries.get(o.name);
    if (canary && o.kind === 'Deployment') applyCanary(s, canary, ctx);
  }
  importServices(of('Service'), ctx, draft);
  for (const s of workloads.values()) jobPortsNote(s, ctx);
  for (const o of of('Ingress')) importIngress(o, ctx, draft);
  for (const o of of('HorizontalPodAutoscaler')) importAutoscaler(o, ctx, workloads);
  for (const o of of('NetworkPolicy')) importOwnNetworkPolicy(o, draft);
  resolveLinks(draft, ctx);
}

function blueprintName(opts: KubernetesImportOptions, objects: readonly K8sObject[], ctx: ImportContext): string {
  const partOf = objects.find((o) => o.labels['app.kubernetes.io/part-of'])?.labels['app.kubernetes.io/part-of'];
  const namespaces = [...new Set(objects.map((o) => o.namespace).filter((n): n is string => n !== undefined))];
  // "default" names no application; a single other namespace usually does.
  const ns = namespaces.length === 1 && namespaces[0] !== 'default' ? namespaces[0] : undefined;
  const stem = opts.file ? fileStem(opts.file) : undefined;
  const name = dnsLabel(opts.name ?? partOf ?? ns ?? (stem || 'imported'));
  const withNs = objects.find((o) => o.namespace !== undefined);
  if (withNs)
    ctx.add(
      'IMPORT_APPROXIMATED',
      namespaces.length > 1 ? 'warning' : 'info',
      [...withNs.path, 'metadata', 'namespace'],
      namespaces.length > 1
        ? `The objects span the namespaces ${namespaces.join(', ')}; a blueprint is one application in one namespace.`
        : `The objects were in namespace ${namespaces[0]}; a blueprint names no namespace.`,
      { hint: 'Choose the namespace when compiling or deploying (the namespace option).' },
    );
  return name;
}
