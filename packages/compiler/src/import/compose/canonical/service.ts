import { ContainerRole, type Path } from '@blaupause/model';
import type { ImportContext, Obj } from '../context';
import { UNSUPPORTED_SERVICE_KEYS } from '../keys';
import { type CService, newService } from '../types';
import { readBool, readInt, readLiteral, readMap, readSize, readStringList, readText } from '../values';
import { readCpus, readDeploy, setResource } from './deploy';
import { readEnvFiles } from './env-files';
import { readArgv, readBuild, readDevices, readEnvironment, readLabels, readNetworkMode, readNetworks, readRestart } from './fields';
import { readHealthcheck } from './healthcheck';
import { readDependsOn, readLinks } from './links';
import { readFileRefs, readTmpfs, readVolumes } from './mounts';
import { readExpose, readPorts } from './ports';

type Reader = (ctx: ImportContext, v: unknown, path: Path, s: CService) => void;

const text =
  (key: 'image' | 'user' | 'workingDir'): Reader =>
  (ctx, v, p, s) => {
    const t = readText(ctx, v, p);
    if (t !== undefined) s[key] = t;
  };

const flag =
  (key: 'privileged' | 'readOnly'): Reader =>
  (ctx, v, p, s) => {
    const b = readBool(ctx, v, p);
    if (b !== undefined) s[key] = b;
  };

const hostNamespace =
  (key: 'hostPid' | 'hostIpc', what: string): Reader =>
  (ctx, v, p, s) => {
    const mode = readLiteral(ctx, v, p);
    if (mode === 'host') s[key] = true;
    else if (mode !== undefined && mode !== 'private')
      ctx.unsupported(p, `the ${what} mode "${mode}" is not carried (only host is); the container gets its own namespace.`);
  };

/** Phase 3, per key: every Compose service key is read, reported as not carried, or reported as unknown. */
const READERS: ReadonlyMap<string, Reader> = new Map<string, Reader>([
  ['image', text('image')],
  ['user', text('user')],
  ['working_dir', text('workingDir')],
  ['privileged', flag('privileged')],
  ['read_only', flag('readOnly')],
  ['build', (ctx, v, p, s) => assign(s, 'build', readBuild(ctx, v, p))],
  ['command', (ctx, v, p, s) => assign(s, 'command', readArgv(ctx, v, p))],
  ['entrypoint', (ctx, v, p, s) => assign(s, 'entrypoint', readArgv(ctx, v, p))],
  ['environment', (ctx, v, p, s) => assign(s, 'env', readEnvironment(ctx, v, p))],
  [
    'labels',
    (ctx, v, p, s) => {
      assign(s, 'labels', readLabels(ctx, v, p));
      ownRole(v, s);
    },
  ],
  ['ports', (ctx, v, p, s) => s.ports.push(...readPorts(ctx, v, p))],
  ['expose', (ctx, v, p, s) => s.ports.push(...readExpose(ctx, v, p))],
  ['volumes', (ctx, v, p, s) => s.mounts.push(...readVolumes(ctx, v, p))],
  ['tmpfs', (ctx, v, p, s) => s.mounts.push(...readTmpfs(ctx, v, p))],
  ['configs', (ctx, v, p, s) => s.files.push(...readFileRefs(ctx, 'config', v, p))],
  ['secrets', (ctx, v, p, s) => s.files.push(...readFileRefs(ctx, 'secret', v, p))],
  ['depends_on', (ctx, v, p, s) => s.dependsOn.push(...readDependsOn(ctx, v, p))],
  ['links', (ctx, v, p, s) => s.dependsOn.push(...readLinks(ctx, v, p))],
  ['healthcheck', (ctx, v, p, s) => assign(s, 'healthcheck', readHealthcheck(ctx, v, p))],
  ['deploy', readDeploy],
  ['restart', (ctx, v, p, s) => assign(s, 'restart', readRestart(ctx, v, p))],
  ['cap_add', (ctx, v, p, s) => assign(s, 'capAdd', readStringList(ctx, v, p))],
  ['cap_drop', (ctx, v, p, s) => assign(s, 'capDrop', readStringList(ctx, v, p))],
  ['devices', (ctx, v, p, s) => assign(s, 'devices', readDevices(ctx, v, p))],
  ['networks', (ctx, v, p, s) => assign(s, 'networks', readNetworks(ctx, v, p))],
  ['network_mode', readNetworkMode],
  ['pid', hostNamespace('hostPid', 'PID')],
  ['ipc', hostNamespace('hostIpc', 'IPC')],
  ['profiles', (ctx, v, p, s) => assign(s, 'profiles', readStringList(ctx, v, p))],
  ['scale', readScale],
  ['cpus', (ctx, v, p, s) => readCpus(ctx, v, p, s, 'limits')],
  ['mem_limit', (ctx, v, p, s) => memory(ctx, v, p, s, 'limits')],
  ['mem_reservation', (ctx, v, p, s) => memory(ctx, v, p, s, 'requests')],
]);

function assign<K extends keyof CService>(s: CService, key: K, value: CService[K] | undefined): void {
  if (value !== undefined) s[key] = value;
}

function memory(ctx: ImportContext, v: unknown, p: Path, s: CService, kind: 'limits' | 'requests'): void {
  const size = readSize(ctx, v, p);
  if (size !== undefined) setResource(s, kind, 'memory', size);
}

/** The legacy `scale:`; deploy.replicas wins when both are given (Compose refuses a mismatch). */
function readScale(ctx: ImportContext, v: unknown, p: Path, s: CService): void {
  const n = readInt(ctx, v, p, { min: 0, max: 10000 });
  if (n !== undefined) s.scale = n;
}

export function readService(ctx: ImportContext, name: string, v: unknown): CService {
  const s = newService(name);
  const raw: Obj = readMap(ctx, v, s.at) ?? {};
  for (const [key, value] of Object.entries(raw)) {
    const path = [...s.at, key];
    if (key === 'x-blaupause-role') readRole(ctx, value, path, s);
    if (key.startsWith('x-')) continue;
    if (key === 'env_file' && ctx.options.readEnvFile) {
      readEnvFiles(ctx, value, path, s, ctx.options.readEnvFile);
      continue;
    }
    const reader = READERS.get(key);
    if (reader) reader(ctx, value, path, s);
    else {
      const unsupported = UNSUPPORTED_SERVICE_KEYS.get(key);
      if (unsupported) ctx.unsupported(path, unsupported[0], unsupported[1]);
      else ctx.unsupported(path, 'this is not a key of a Compose service.', 'Check the spelling against the Compose Specification.');
    }
  }
  settle(ctx, s);
  return s;
}

/** Settings that several keys feed, resolved once every key is read. */
function settle(ctx: ImportContext, s: CService): void {
  if (s.envFromFiles) s.env = { ...s.envFromFiles, ...s.env };
  if (s.scale !== undefined) {
    if (s.replicas === undefined) s.replicas = s.scale;
    else if (s.replicas !== s.scale)
      ctx.approximated(
        [...s.at, 'scale'],
        `scale ${s.scale} differs from deploy.replicas ${s.replicas}; ${s.replicas} replicas were kept.`,
      );
  }
  if (s.deployRestart) {
    if (s.restart === undefined) s.restart = s.deployRestart.policy;
    else if (s.restart !== s.deployRestart.policy)
      ctx.approximated(s.deployRestart.at, `restart: ${s.restart} wins over the restart policy ${s.deployRestart.policy}.`);
  }
}

/**
 * Our own Compose output labels each helper with its role (dev.blaupause.role): read it back, so
 * that a file Blaupause wrote imports to the pod it came from, without notes.
 */
function ownRole(v: unknown, s: CService): void {
  const role = v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>)['dev.blaupause.role'] : undefined;
  const parsed = ContainerRole.safeParse(role);
  if (!parsed.success) return;
  s.fromBlaupause = true;
  if (parsed.data !== 'main' && s.role === undefined) s.role = parsed.data;
  const element = (v as Record<string, unknown>)['dev.blaupause.element'];
  const container = typeof element === 'string' ? /^container:[^/]+\/([a-z0-9]([-a-z0-9]*[a-z0-9])?)$/.exec(element)?.[1] : undefined;
  if (container) s.ownContainer = container;
}

function readRole(ctx: ImportContext, v: unknown, path: Path, s: CService): void {
  const role = ContainerRole.safeParse(readLiteral(ctx, v, path));
  if (role.success && role.data !== 'main') s.role = role.data;
  else
    ctx.report(
      'SCHEMA_VALUE',
      'warning',
      path,
      `x-blaupause-role must be sidecar, ambassador, adapter or init; "${String(v)}" is ignored.`,
      'A container joining another service’s network (network_mode: service:...) is a helper of that service.',
    );
}
