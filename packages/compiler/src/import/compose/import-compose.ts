import {
  API_VERSION,
  type Blueprint,
  type BlueprintInput,
  hasErrors,
  KIND,
  parseBlueprint,
  type Result,
  type ServiceInput,
} from '@blaupause/model';
import { readService } from './canonical/service';
import { type ImportComposeOptions, ImportContext, type Obj } from './context';
import { checkFileReferences } from './file-refs';
import { interpolate } from './interpolate';
import { fixHelperElements, semanticChecks } from './map/checks';
import { groupPods } from './map/pods';
import { Renames } from './map/renames';
import { mapConfigs, mapNetworks, mapSecrets, mapVolumes } from './map/resources';
import { mapPod } from './map/service';
import type { ImportReport, MapState } from './map/state';
import { markSharedVolumes } from './map/volumes';
import { readCompose } from './read';
import { blueprintName, readTopLevel } from './toplevel';
import type { CService } from './types';
import { reportUnsetParameters } from './unset-parameters';
import { readMap } from './values';

export type { ImportComposeOptions } from './context';
export type { ImportReport } from './map/state';

/**
 * Compose file → blueprint. Every key that cannot be carried is reported by its path (with its
 * line and column), approximations are reported, and nothing throws for a mistake in the file.
 * The pipeline (DESIGN §9.2): read → interpolate → canonicalise each service → group pods →
 * map services and resources → parse with the blueprint schema → the semantic checks Compose
 * itself would fail on (cycles, undefined references).
 */
export function importCompose(text: string, opts: ImportComposeOptions = {}): Result<Blueprint> {
  return importComposeWithReport(text, opts).result;
}

/** The import, plus what it renamed and restructured (for the round-trip test and the UI). */
export function importComposeWithReport(
  text: string,
  opts: ImportComposeOptions = {},
): { result: Result<Blueprint>; report: ImportReport } {
  const report: ImportReport = {
    renames: { services: {}, volumes: {}, networks: {}, configs: {}, secrets: {} },
    namedVolumes: [],
    helpers: [],
  };
  const read = readCompose(text, opts.file, opts.limits);
  if (!read.ok) return { result: read, report };
  const ctx = new ImportContext(read.value.source, opts, text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  ctx.diagnostics.push(...read.diagnostics);
  const root = interpolate(read.value.root, ctx);
  checkFileReferences(ctx, root);
  const names = new Renames(root);
  ctx.elementOf = (path) => elementOf(names, path);
  readTopLevel(ctx, root);
  names.report(ctx);
  report.renames = names.changed();

  const services = new Map<string, CService>();
  for (const [name, def] of Object.entries(readMap(ctx, root.services, ['services']) ?? {}))
    if (!name.startsWith('x-')) services.set(name, readService(ctx, name, def));
  const volumes = mapVolumes(ctx, root, names);
  const pods = groupPods(ctx, services);
  const podOf = new Map<string, string>();
  for (const pod of pods) for (const s of [pod.root, ...pod.helpers]) podOf.set(s.name, pod.root.name);
  const st: MapState = { ctx, names, services, podOf, volumes, volumeNames: new Set(Object.keys(volumes)), report };
  const bpServices: Record<string, ServiceInput> = {};
  for (const pod of pods) {
    const [name, svc] = mapPod(st, pod);
    bpServices[name] = svc;
  }
  fixHelperElements(ctx, report, names);
  reportUnsetParameters(ctx);
  markSharedVolumes(bpServices, volumes);

  const input = assemble(ctx, root, bpServices, {
    volumes,
    networks: mapNetworks(ctx, root, names),
    configs: mapConfigs(ctx, root, names),
    secrets: mapSecrets(ctx, root, names),
  });
  const parsed = parseBlueprint(input);
  if (!parsed.ok) return { result: { ok: false, diagnostics: [...ctx.diagnostics, ...parsed.diagnostics] }, report };
  semanticChecks(ctx, parsed.value, names, report);
  const result: Result<Blueprint> = hasErrors(ctx.diagnostics)
    ? { ok: false, diagnostics: ctx.diagnostics }
    : { ok: true, value: parsed.value, diagnostics: ctx.diagnostics };
  return { result, report };
}

type Resources = Pick<BlueprintInput, 'volumes' | 'networks' | 'configs' | 'secrets'>;

function assemble(ctx: ImportContext, root: Obj, services: Record<string, ServiceInput>, resources: Resources): BlueprintInput {
  const bp: BlueprintInput = { apiVersion: API_VERSION, kind: KIND, metadata: { name: blueprintName(ctx, root) } };
  if (Object.keys(ctx.parameters).length > 0) bp.parameters = ctx.parameters;
  bp.services = services;
  for (const key of ['volumes', 'networks', 'configs', 'secrets'] as const) {
    const section = resources[key];
    if (section && Object.keys(section).length > 0) Object.assign(bp, { [key]: section });
  }
  return bp;
}

function elementOf(names: Renames, path: readonly (string | number)[]): string | undefined {
  const [top, name] = path;
  if (typeof name !== 'string') return undefined;
  switch (top) {
    case 'services':
      return `service:${names.of('services', name)}`;
    case 'volumes':
    case 'networks':
    case 'configs':
    case 'secrets':
      return `${top.slice(0, -1)}:${names.of(top, name)}`;
    default:
      return undefined;
  }
}
