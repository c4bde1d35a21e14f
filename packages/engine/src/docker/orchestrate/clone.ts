import type { ContainerRole } from '@blaupause/model';
import type { ContainerCreateOptions, ContainerInspectInfo } from 'dockerode';
import { configParts, encodeParts } from '../config-parts';
import type { DesiredContainer } from '../desired';
import { configHash } from '../hash';
import { containerName, LABEL, slotKey } from '../labels';

/**
 * A container's recipe, recovered from what the engine holds (pure): the create options of a
 * running replica, so that a new replica can be made without the blueprint (scale from the CLI,
 * the supervisor re-creating a container removed behind our back, promote copying a canary).
 * The labels keep the config hash, so a later apply of the same blueprint sees the copies as
 * unchanged. What the engine adds itself (hostname, the short-id alias) is left out.
 */
export function desiredFromInspect(info: ContainerInspectInfo, project: string, replica: number): DesiredContainer {
  const labels = { ...(info.Config.Labels ?? {}) };
  const compose = labels[LABEL.service] ?? '';
  const service = labels[LABEL.blueprintService] ?? compose;
  const role = (labels[LABEL.role] ?? 'main') as ContainerRole;
  const host = { ...(info.HostConfig as Record<string, unknown>) } as NonNullable<ContainerCreateOptions['HostConfig']>;
  const mode = host.NetworkMode ?? '';
  const nets = Object.entries(info.NetworkSettings?.Networks ?? {}).map(([name, n]) => ({
    name,
    aliases: ((n.Aliases ?? []) as string[]).filter((a: string) => a !== info.Id.slice(0, 12) && a !== info.Name.replace(/^\//, '')),
  }));
  const c = info.Config as ContainerInspectInfo['Config'] & {
    Healthcheck?: ContainerCreateOptions['Healthcheck'];
    StopTimeout?: number;
    StopSignal?: string;
  };
  const options: ContainerCreateOptions = {
    Image: c.Image,
    Env: c.Env ?? [],
    Labels: { ...labels, [LABEL.number]: String(replica) },
    HostConfig: host,
  };
  if (c.Cmd) options.Cmd = c.Cmd;
  if (c.Entrypoint) options.Entrypoint = c.Entrypoint as string[];
  if (c.WorkingDir) options.WorkingDir = c.WorkingDir;
  if (c.User) options.User = c.User;
  if (c.Healthcheck) options.Healthcheck = c.Healthcheck;
  if (c.ExposedPorts) options.ExposedPorts = c.ExposedPorts;
  if (c.StopSignal) options.StopSignal = c.StopSignal;
  if (c.StopTimeout !== undefined) options.StopTimeout = c.StopTimeout;
  if (c.Tty) options.Tty = true;
  if (c.OpenStdin) options.OpenStdin = true;
  let moreNetworks: DesiredContainer['moreNetworks'] = [];
  let joins: string | undefined;
  if (mode.startsWith('container:')) {
    // A pod helper: it joins its main of the same replica; create() puts in the main's id.
    joins = slotKey(service, replica);
    host.NetworkMode = `container:${containerName(project, service, replica)}`;
  } else if (nets.length > 0 && mode !== 'host' && mode !== 'none') {
    const first = nets.find((n) => n.name === mode) ?? (nets[0] as { name: string; aliases: string[] });
    host.NetworkMode = first.name;
    options.NetworkingConfig = { EndpointsConfig: { [first.name]: { Aliases: first.aliases } } };
    moreNetworks = nets.filter((n) => n !== first);
  }
  return {
    slot: slotKey(compose, replica),
    name: containerName(project, compose, replica),
    service,
    container: labels[LABEL.container] ?? compose,
    composeService: compose,
    role,
    replica,
    elementId: labels[LABEL.element] ?? `service:${service}`,
    image: c.Image,
    hash: labels[LABEL.configHash] ?? '',
    options,
    moreNetworks,
    ...(joins ? { joins } : {}),
  };
}

/** The same recipe for another replica number (name, slot, number label; the hash is the same for every replica). */
export function renumber(d: DesiredContainer, project: string, replica: number): DesiredContainer {
  const options = { ...d.options, Labels: { ...(d.options.Labels ?? {}), [LABEL.number]: String(replica) } };
  const out: DesiredContainer = {
    ...d,
    replica,
    slot: slotKey(d.composeService, replica),
    name: containerName(project, d.composeService, replica),
    options,
  };
  if (d.joins) {
    out.joins = slotKey(d.service, replica);
    options.HostConfig = { ...options.HostConfig, NetworkMode: `container:${containerName(project, d.service, replica)}` };
  }
  return out;
}

/** Another image for the same recipe (a canary's `rollout.canary.image`), with its config hash recomputed as desired.ts does. */
export function withImage(d: DesiredContainer, image: string): DesiredContainer {
  const labels = { ...(d.options.Labels ?? {}) };
  delete labels[LABEL.number];
  delete labels[LABEL.configHash];
  delete labels[LABEL.configParts];
  const options: ContainerCreateOptions = { ...d.options, Image: image, Labels: labels };
  const hash = configHash({ options, moreNetworks: d.moreNetworks });
  options.Labels = {
    ...labels,
    [LABEL.number]: String(d.replica),
    [LABEL.configHash]: hash,
    [LABEL.configParts]: encodeParts(configParts(options, d.moreNetworks)),
  };
  return { ...d, image, hash, options };
}
