import type { ContainerInput, ContainerRole } from '@blaupause/model';
import { uniqueName } from '../names';
import type { CMount, CService } from '../types';
import type { MapState, MountInput } from './state';

/** A Compose service's container settings as a blueprint container (Compose entrypoint = command, command = args). */
export function mapContainer(st: MapState, s: CService, role: ContainerRole): ContainerInput {
  const c: ContainerInput = { role };
  if (s.image !== undefined) c.image = s.image;
  if (s.build) c.build = s.build;
  if (s.entrypoint) c.command = s.entrypoint;
  if (s.command) c.args = s.command;
  if (s.workingDir !== undefined) c.workingDir = s.workingDir;
  if (s.user !== undefined) c.user = s.user;
  if (s.env && Object.keys(s.env).length > 0) c.env = s.env;
  const mounts = [...s.mounts.map((m) => mapMount(st, s, m)), ...s.files.map((f) => fileMount(st, f.kind, f.source, f.target))];
  if (mounts.length > 0) c.mounts = mounts;
  if (s.healthcheck) c.healthcheck = s.healthcheck;
  if (s.resources) c.resources = s.resources;
  if (s.restart) c.restart = s.restart;
  if (s.privileged !== undefined) c.privileged = s.privileged;
  if (s.capAdd) c.capAdd = s.capAdd;
  if (s.capDrop) c.capDrop = s.capDrop;
  if (s.devices) c.devices = s.devices;
  if (s.readOnly !== undefined) c.readOnlyRootFilesystem = s.readOnly;
  return c;
}

function fileMount(st: MapState, kind: 'config' | 'secret', source: string, target: string): MountInput {
  return { type: kind, source: st.names.of(kind === 'config' ? 'configs' : 'secrets', source), target };
}

function mapMount(st: MapState, s: CService, m: CMount): MountInput {
  const ro = m.readOnly ? { readOnly: true } : {};
  if (m.type === 'tmpfs') return { type: 'tmpfs', target: m.target, ...(m.size ? { size: m.size } : {}), ...ro };
  if (m.type === 'bind') return { type: 'bind', source: m.source as string, target: m.target, ...ro };
  const source = m.source === undefined ? nameAnonymous(st, s, m) : st.names.of('volumes', m.source);
  return { type: 'volume', source, target: m.target, ...(m.subPath ? { subPath: m.subPath } : {}), ...ro };
}

/**
 * The blueprint has no anonymous volumes: one gets a name from its service and path. Compose
 * keeps an anonymous volume when it recreates the container, so the data lives as long either
 * way; what differs is that the volume now has a name that others could mount.
 */
function nameAnonymous(st: MapState, s: CService, m: CMount): string {
  const name = uniqueName(`${st.names.of('services', s.name)}${m.target.replace(/[^A-Za-z0-9]+/g, '-')}`, st.volumeNames, 'volume');
  st.volumes[name] = {};
  st.report.namedVolumes.push({ path: m.at, name });
  st.ctx.approximated(
    m.at,
    `the anonymous volume at ${m.target} became the named volume "${name}".`,
    'Name the volume in the Compose file to choose its name yourself.',
  );
  return name;
}
