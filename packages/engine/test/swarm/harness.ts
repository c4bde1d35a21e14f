import { randomBytes } from 'node:crypto';
import Docker from 'dockerode';
import { SwarmDriver, type SwarmDriverOptions } from '../../src/swarm/driver';
import { ownedStack, stackTasks } from '../../src/swarm/labels';
import { engine } from '../docker/harness';

export { blueprint, collect, errorsOf, eventually, IMAGE, succeeded } from '../docker/harness';

/**
 * Real-engine harness of the Swarm driver. The engine is put into a single-node swarm when it is
 * in none (and leaves it afterwards only then): other tests run plain containers on the same
 * engine at the same time, which swarm mode does not disturb. No IPVS in this kernel: dnsrr
 * endpoints and host-mode publishing.
 */
export const docker = new Docker();

let initialised = false;

export async function swarmUp(): Promise<void> {
  await engine();
  const info = await docker.info();
  if (info.Swarm?.LocalNodeState === 'active') return;
  await docker.swarmInit({ ListenAddr: '127.0.0.1:2377', AdvertiseAddr: '127.0.0.1' });
  initialised = true;
}

export async function swarmDown(): Promise<void> {
  if (initialised) await docker.swarmLeave({ force: true });
}

export const project = (name: string): string => `bpsw-${name}-${randomBytes(3).toString('hex')}`;

export function driver(options: SwarmDriverOptions = {}): SwarmDriver {
  return new SwarmDriver(docker, {
    endpointMode: 'dnsrr',
    publishMode: 'host',
    monitor: '3s',
    stopGracePeriodSeconds: 1,
    convergeTimeoutMs: 60_000,
    watchPollMs: 1000,
    ...options,
  });
}

/** Removes whatever a failed test left of a stack (ours by label only). */
export async function cleanupStack(p: string): Promise<void> {
  const filters = { label: ownedStack(p) };
  for (const s of await docker.listServices({ filters }).catch(() => []))
    await docker
      .getService(s.ID)
      .remove()
      .catch(() => {});
  const deadline = Date.now() + 30_000;
  while (
    (await docker.listContainers({ all: true, filters: { label: stackTasks(p) } }).catch(() => [])).length > 0 &&
    Date.now() < deadline
  )
    await new Promise((r) => setTimeout(r, 300));
  for (const n of (await docker.listNetworks({ filters }).catch(() => [])) as { Id: string }[])
    await docker
      .getNetwork(n.Id)
      .remove()
      .catch(() => {});
  for (const s of (await docker.listSecrets({ filters }).catch(() => [])) as { ID: string }[])
    await docker
      .getSecret(s.ID)
      .remove()
      .catch(() => {});
  for (const c of (await docker.listConfigs({ filters }).catch(() => [])) as { ID: string }[])
    await docker
      .getConfig(c.ID)
      .remove()
      .catch(() => {});
}

/** Runs a command in a container and returns its output (frames and all: for `toContain` checks). */
export async function execText(id: string, cmd: string[]): Promise<string> {
  const exec = await docker.getContainer(id).exec({ Cmd: cmd, AttachStdout: true });
  return new Promise<string>((resolve, reject) => {
    exec.start({ hijack: true, stdin: false }, (err, stream) => {
      if (err || !stream) return reject(err);
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    });
  });
}
