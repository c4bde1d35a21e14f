import { type Blueprint, elementId, type Network, type Service } from '@blaupause/model';
import { fail, ok, renameKey, renameLayout, updateService, withoutKey } from './doc';
import { placeNode } from './layout-commands';
import { isValidName } from './names';
import type { CommandResult, XY } from './types';

/** Compose's implicit network: a service may join it without a declaration (validate/networks.ts). */
export const DEFAULT_NETWORK = 'default';

/** What the inspector edits on a network; `undefined` / `false` / '' take the key out of the document. */
export type NetworkOptions = { internal?: boolean; external?: boolean; driver?: string };

export function hasNetwork(bp: Blueprint, name: string): boolean {
  return !!bp.networks && Object.hasOwn(bp.networks, name);
}

/** Declares a network segment (nobody joins it yet). */
export function addNetwork(bp: Blueprint, name: string, at?: XY): CommandResult<Blueprint> {
  if (!isValidName(name)) return fail(`"${name}" is not a valid network name (lower-case letters, digits and "-").`);
  if (hasNetwork(bp, name)) return fail(`A network "${name}" exists already.`);
  const next: Blueprint = { ...bp, networks: { ...bp.networks, [name]: {} } };
  return ok(at ? placeNode(next, elementId.network(name), at) : next);
}

/**
 * Removes a network and every service's membership of it. A service left with no network goes
 * back to the default one (its `networks` key goes), as it was before it joined.
 */
export function removeNetwork(bp: Blueprint, name: string): CommandResult<Blueprint> {
  if (!bp.networks || !hasNetwork(bp, name)) return fail(`There is no network "${name}".`);
  const networks = withoutKey(bp.networks, name);
  const services = mapServices(bp, (s) =>
    withNetworks(
      s,
      (s.networks ?? []).filter((n) => n !== name),
    ),
  );
  const { networks: _dropped, ...rest } = bp;
  const next: Blueprint = Object.keys(networks).length > 0 ? { ...bp, services, networks } : { ...rest, services };
  return ok(renameLayout(next, elementId.network(name), undefined));
}

/** Renames a network where it is declared, joined and placed. */
export function renameNetwork(bp: Blueprint, from: string, to: string): CommandResult<Blueprint> {
  if (from === to) return ok(bp);
  const network = bp.networks && hasNetwork(bp, from) ? bp.networks[from] : undefined;
  if (!bp.networks || !network) return fail(`There is no network "${from}".`);
  if (!isValidName(to)) return fail(`"${to}" is not a valid network name (lower-case letters, digits and "-").`);
  if (hasNetwork(bp, to)) return fail(`A network "${to}" exists already.`);
  const services = mapServices(bp, (s) =>
    withNetworks(
      s,
      (s.networks ?? []).map((n) => (n === from ? to : n)),
    ),
  );
  const next: Blueprint = { ...bp, services, networks: renameKey(bp.networks, from, to, network) };
  return ok(renameLayout(next, elementId.network(from), elementId.network(to)));
}

/** Sets a network's options; a value that means "the engine's default" takes its key out. */
export function setNetworkOptions(bp: Blueprint, name: string, options: NetworkOptions): CommandResult<Blueprint> {
  const network = bp.networks && hasNetwork(bp, name) ? bp.networks[name] : undefined;
  if (!bp.networks || !network) return fail(`There is no network "${name}".`);
  if (options.internal && (options.external ?? network.external))
    return fail('An external network is created outside the blueprint: it cannot be made internal here.');
  let next: Network = { ...network };
  for (const key of ['internal', 'external', 'driver'] as const) {
    if (!Object.hasOwn(options, key)) continue;
    const value = options[key];
    if (value === undefined || value === false || value === '') next = withoutKey(next, key) as Network;
    else next = { ...next, [key]: typeof value === 'string' ? value.trim() : value };
  }
  return ok({ ...bp, networks: { ...bp.networks, [name]: next } });
}

/**
 * A service joins a network segment. As in Compose, a service that names its networks is on those
 * only: joining the first one takes it off the implicit default network (unless it joins `default`).
 */
export function joinNetwork(bp: Blueprint, service: string, network: string): CommandResult<Blueprint> {
  if (network !== DEFAULT_NETWORK && !hasNetwork(bp, network)) return fail(`There is no network "${network}".`);
  return updateService(bp, service, (s) => {
    const joined = s.networks ?? [];
    if (joined.includes(network)) return fail(`"${service}" joins "${network}" already.`);
    return ok(withNetworks(s, [...joined, network]));
  });
}

/** A service leaves a network; leaving the last one puts it back on the default network. */
export function leaveNetwork(bp: Blueprint, service: string, network: string): CommandResult<Blueprint> {
  return updateService(bp, service, (s) => {
    const joined = s.networks ?? [];
    if (!joined.includes(network)) return fail(`"${service}" does not join "${network}".`);
    return ok(
      withNetworks(
        s,
        joined.filter((n) => n !== network),
      ),
    );
  });
}

/** The service with these networks; none takes the key out (the implicit default network). */
function withNetworks(s: Service, networks: string[]): Service {
  const before = s.networks ?? [];
  if (networks.length === before.length && networks.every((n, i) => n === before[i])) return s;
  if (networks.length > 0) return { ...s, networks };
  const { networks: _dropped, ...rest } = s;
  return rest;
}

/** Services through `fn`; the record keeps its identity when no service changed (see semantics.ts). */
function mapServices(bp: Blueprint, fn: (s: Service) => Service): Record<string, Service> {
  let changed = false;
  const out: Record<string, Service> = {};
  for (const [n, s] of Object.entries(bp.services)) {
    out[n] = fn(s);
    changed ||= out[n] !== s;
  }
  return changed ? out : bp.services;
}
