import { type Diagnostic, sortDiagnostics } from '../diagnostics/diagnostic';
import type { Blueprint } from '../schema/blueprint';
import type { Service } from '../schema/service';
import { containersOfService } from './containers';
import { type Check, type Ctx, createCtx } from './context';
import { checkCycles } from './cycles';
import { dangersOfService } from './dangerous';
import { duplicatesOfService } from './duplicates';
import { checkEmpty } from './empty';
import { documentLabels, serviceLabels } from './labels';
import { serviceLinks } from './links';
import { mountSources, reportWriters, serviceMounts, type Writer, writersOf } from './mounts';
import {
  documentNames,
  NAMESPACES,
  type NameClaim,
  type Namespace,
  nameClaims,
  reportNameClaims,
  serviceNames,
  waitForNames,
} from './names';
import { serviceNetworks } from './networks';
import { declaredParameters, documentParameters, serviceParameters } from './parameters';
import { podsOfService } from './pods';
import { type PortClaim, portClaims, reportPublished, reportRoutes, servicePorts } from './ports';
import { checkResources } from './resources';
import { scalingOfService } from './scaling';
import { reportUnused, SECTIONS, type Section, usesOf } from './unused';

type Entries = readonly (readonly [string, Service])[];
const NONE: Entries = [];

/** What the validator knows about one service (under one name): its reports and what it claims. */
interface Entry {
  name: string;
  service: Service;
  /** Position in document order. */
  index: number;
  /** Reports that follow from the service and its name alone. */
  local: Diagnostic[];
  /** Reports that also read the parameters, networks, or volumes/configs/secrets declared. */
  params: Diagnostic[];
  networks: Diagnostic[];
  sources: Diagnostic[];
  /** Reports about its links: they read the services linked to (or their absence). */
  links: Diagnostic[];
  /** The link targets in link order (the dependency graph's edges follow from them and the names). */
  tos: string[];
  claims: Record<Namespace, NameClaim[]>;
  ports: ReturnType<typeof portClaims>;
  writers: Map<string, Writer>;
  uses: Record<Section, Set<string>>;
}

/** Claims of one key (a compiled name, a host port, a route, a volume written) per service. */
type Claims<T> = Map<string, Map<string, T>>;

const LOCAL: readonly ((ctx: Ctx, name: string, service: Service) => void)[] = [
  serviceNames,
  waitForNames,
  podsOfService,
  containersOfService,
  servicePorts,
  serviceMounts,
  scalingOfService,
  duplicatesOfService,
  dangersOfService,
  serviceLabels,
];

/**
 * A stateful validate(): each call returns exactly what validate(bp) returns (the same
 * diagnostics in the same order), doing again only what the change since the last call can
 * alter. Made for documents edited the way commands edit them — every edit makes new objects
 * along its path and keeps the rest by identity — so a service whose object and name are unchanged
 * keeps its reports. Per service: its own checks run again when its object (or name) changed; the
 * checks that also read a declared section (parameters, networks, volumes/configs/secrets) when that
 * section changed; its links' checks when a service it links to was replaced, added or removed.
 * Across services: claims (compiled names, host ports, ingress routes, volume writers) are
 * indexed per key and only the keys a changed service claimed or gave up are judged again (all
 * keys with reports when the order of services changed); unused volumes/networks/configs/secrets
 * are counted; the dependency cycles are searched again only when a link target, or the services'
 * names or order, changed. The answer is the previous array while nothing in it changed.
 * Documents must not be mutated in place (the same rule as for the compiler's caches).
 */
export function createValidator(): (bp: Blueprint) => Diagnostic[] {
  const entries = new Map<string, Entry>();
  /** Services with reports of their own, and those reports. */
  const reported = new Map<string, Diagnostic[]>();
  /** The services' names in document order, and their entries in that order. */
  let order: string[] = [];
  let byIndex: Entry[] = [];
  let last: Blueprint | undefined;
  let declared: ReadonlySet<string> = new Set();
  const claims = { compose: new Map(), workloads: new Map() } as Record<Namespace, Claims<NameClaim>>;
  const published: Claims<PortClaim[]> = new Map();
  const routes: Claims<PortClaim[]> = new Map();
  const writers: Claims<Writer> = new Map();
  const used = Object.fromEntries(SECTIONS.map((s) => [s, new Map<string, number>()])) as Record<Section, Map<string, number>>;
  /** Who links to a name (dangling links included): their link reports read that service. */
  const linkers = new Map<string, Set<string>>();
  /** Reports of the cross-service keys ("kind\0key"), only keys with reports. */
  const keyed = new Map<string, Diagnostic[]>();
  let cycles: Diagnostic[] = [];
  let document: Diagnostic[] = [];
  const unused = Object.fromEntries(SECTIONS.map((s) => [s, [] as Diagnostic[]])) as Record<Section, Diagnostic[]>;
  let result: Diagnostic[] = [];

  return (bp) => {
    const services = bp.services ?? {};
    const sameServices = last !== undefined && services === last.services;
    // One for…in with a look-up per name, not Object.entries/keys/values: the analysis worker
    // builds its record of 1,000 services name by name (a dictionary-mode object), where each of
    // those sorts the keys (0.3 ms apiece) and for…in takes a fifth of that.
    let names = order;
    let objects: Service[];
    if (sameServices) objects = byIndex.map((e) => e.service);
    else {
      names = [];
      objects = [];
      for (const name in services) {
        names.push(name);
        objects.push(services[name] as Service);
      }
    }
    let list: Entries | undefined;
    /** The services as entries (Ctx.services): only the whole-document checks read them. */
    const entriesOf = (): Entries => {
      list ??= names.map((n, i) => [n, objects[i] as Service] as const);
      return list;
    };
    const run = (check: Check | ((ctx: Ctx) => void), whole = false): Diagnostic[] => {
      const out: Diagnostic[] = [];
      check(createCtx(bp, out, whole ? entriesOf() : NONE));
      return out;
    };
    const first = last === undefined;
    const changed = <K extends keyof Blueprint>(k: K) => first || bp[k] !== (last as Blueprint)[k];
    const paramsChanged = changed('parameters');
    const networksChanged = changed('networks');
    const volumesChanged = changed('volumes');
    const sourcesChanged = volumesChanged || changed('configs') || changed('secrets');
    if (paramsChanged) declared = declaredParameters(bp);

    /** Keys to judge again, names whose linkers' links to check again, sections to count again. */
    const touched = new Set<string>();
    const dirty = new Set<string>();
    const usesTouched = new Set<Section>();
    let graphChanged = false;
    const fresh = new Set<Entry>();

    const index = <T>(map: Claims<T>, kind: string, key: string, service: string, value: T | undefined) => {
      let byService = map.get(key);
      if (value !== undefined) {
        if (!byService) {
          byService = new Map();
          map.set(key, byService);
        }
        byService.set(service, value);
      } else if (byService) {
        byService.delete(service);
        if (byService.size === 0) map.delete(key);
      }
      touched.add(`${kind}\0${key}`);
    };
    /** Adds (or with `add` false removes) what a service claims to the indexes. */
    const facts = (e: Entry, add: boolean) => {
      const { name } = e;
      for (const ns of NAMESPACES) {
        for (const c of e.claims[ns]) index(claims[ns], ns, c.compiled, name, add ? c : undefined);
        // A service of this name takes the compiled name before every container and canary.
        touched.add(`${ns}\0${name}`);
      }
      const perKey = <T>(pairs: readonly [string, T][]) => {
        const m = new Map<string, T[]>();
        for (const [k, v] of pairs) m.set(k, [...(m.get(k) ?? []), v]);
        return m;
      };
      for (const [k, v] of perKey(e.ports.published)) index(published, 'publish', k, name, add ? v : undefined);
      for (const [k, v] of perKey(e.ports.routes)) index(routes, 'route', k, name, add ? v : undefined);
      for (const [k, w] of e.writers) index(writers, 'writer', k, name, add ? w : undefined);
      for (const section of SECTIONS)
        for (const n of e.uses[section]) {
          const count = (used[section].get(n) ?? 0) + (add ? 1 : -1);
          if (count > 0) used[section].set(n, count);
          else used[section].delete(n);
          if (count === (add ? 1 : 0)) usesTouched.add(section);
        }
      for (const to of new Set(e.tos)) {
        let set = linkers.get(to);
        if (add) {
          if (!set) {
            set = new Set();
            linkers.set(to, set);
          }
          set.add(name);
        } else if (set) {
          set.delete(name);
          if (set.size === 0) linkers.delete(to);
        }
      }
      dirty.add(name);
    };
    const refresh = (e: Entry) => {
      const all = [...e.local, ...e.params, ...e.networks, ...e.sources, ...e.links];
      if (all.length > 0) reported.set(e.name, all);
      else reported.delete(e.name);
    };
    const forService = (name: string, service: Service, each: (ctx: Ctx, name: string, service: Service) => void) =>
      run((ctx) => each(ctx, name, service));

    // The services gone (removed, renamed): their claims go.
    const orderChanged = !sameServices && !sameList(names, order);
    if (orderChanged) {
      graphChanged = true;
      const now = new Set(names);
      for (const [name, e] of entries)
        if (!now.has(name)) {
          facts(e, false);
          entries.delete(name);
          reported.delete(name);
        }
      order = names;
    }
    const sectionChanged = paramsChanged || networksChanged || sourcesChanged;

    // The services new or changed: everything about them; the others: what reads a changed section.
    const nextIndex: Entry[] = orderChanged ? new Array(names.length) : byIndex;
    for (let i = 0; i < names.length; i++) {
      const service = objects[i] as Service;
      const was = orderChanged ? entries.get(names[i] as string) : byIndex[i];
      if (was?.service === service) {
        if (!(orderChanged || sectionChanged)) continue;
        was.index = i;
        nextIndex[i] = was;
        if (!sectionChanged) continue;
        const { name } = was;
        if (paramsChanged) was.params = forService(name, service, (ctx, n, s) => serviceParameters(ctx, declared, n, s));
        if (networksChanged) was.networks = forService(name, service, serviceNetworks);
        if (sourcesChanged) was.sources = forService(name, service, mountSources);
        refresh(was);
        continue;
      }
      const name = names[i] as string;
      if (was) facts(was, false);
      const e: Entry = {
        name,
        service,
        index: i,
        local: run((ctx) => {
          for (const each of LOCAL) each(ctx, name, service);
        }),
        params: forService(name, service, (ctx, n, s) => serviceParameters(ctx, declared, n, s)),
        networks: forService(name, service, serviceNetworks),
        sources: forService(name, service, mountSources),
        links: [],
        tos: service.links?.map((l) => l.to) ?? [],
        claims: nameClaims(name, service),
        ports: portClaims(name, service),
        writers: writersOf(name, service),
        uses: usesOf([service]),
      };
      if (!was || !sameList(was.tos, e.tos)) graphChanged = true;
      entries.set(name, e);
      nextIndex[i] = e;
      facts(e, true);
      fresh.add(e);
    }

    byIndex = nextIndex;

    // Links read the services they name: check again those of services linking to one that changed.
    for (const e of fresh) e.links = forService(e.name, e.service, serviceLinks);
    for (const name of dirty)
      for (const from of linkers.get(name) ?? []) {
        const e = entries.get(from);
        if (!e || fresh.has(e)) continue;
        e.links = forService(e.name, e.service, serviceLinks);
        fresh.add(e);
      }
    for (const e of fresh) refresh(e);

    // Claims: judged again per key touched; "first" follows document order, so all keys with
    // reports when that changed (a key without reports has none in any order).
    if (orderChanged) for (const key of keyed.keys()) touched.add(key);
    if (volumesChanged) for (const volume of writers.keys()) touched.add(`writer\0${volume}`);
    const ordered = <T>(byService: Map<string, T> | undefined): T[] =>
      [...(byService ?? [])].sort(([a], [b]) => (entries.get(a) as Entry).index - (entries.get(b) as Entry).index).map(([, v]) => v);
    for (const key of touched) {
      const at = key.indexOf('\0');
      const kind = key.slice(0, at);
      const k = key.slice(at + 1);
      const found = run((ctx) => {
        if (kind === 'compose' || kind === 'workloads')
          reportNameClaims(ctx, kind, k, Object.hasOwn(services, k), ordered(claims[kind].get(k)));
        else if (kind === 'publish') reportPublished(ctx, k, ordered(published.get(k)).flat());
        else if (kind === 'route') reportRoutes(ctx, k, ordered(routes.get(k)).flat());
        else reportWriters(ctx, k, ordered(writers.get(k)));
      });
      if (found.length > 0) keyed.set(key, found);
      else keyed.delete(key);
    }

    if (graphChanged) cycles = run(checkCycles, true);
    for (const section of SECTIONS)
      if (usesTouched.has(section) || changed(section))
        unused[section] = run((ctx) => reportUnused(ctx, section, (n) => used[section].has(n)));
    if (changed('metadata') || paramsChanged || networksChanged || sourcesChanged)
      document = run((ctx) => {
        documentNames(ctx);
        documentLabels(ctx);
        documentParameters(ctx, declared);
        checkResources(ctx);
      });
    last = bp;

    const all = [...run(checkEmpty, true), ...document, ...cycles];
    for (const section of SECTIONS) all.push(...unused[section]);
    for (const ds of reported.values()) all.push(...ds);
    for (const ds of keyed.values()) all.push(...ds);
    const sorted = sortDiagnostics(all);
    if (!sameList(sorted, result)) result = sorted;
    return result;
  };
}

function sameList<T>(a: readonly T[], b: readonly T[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
