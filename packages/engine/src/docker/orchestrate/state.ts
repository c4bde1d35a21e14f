import type Docker from 'dockerode';
import type { Result } from '../../types';
import { toEngineError } from '../errors';
import { LABEL } from '../labels';
import { pendingUnits, readService } from './units';

export interface ServiceRollout {
  service: string;
  /** Replica numbers running. */
  replicas: number[];
  /** Replicas running a canary (their old version is set aside): promote or abort. */
  canaries: number[];
  /** Config hashes (12 chars) running, with how many replicas each. */
  versions: Record<string, number>;
  /**
   * The service's load-balancing entry point: the DNS name every running replica answers under
   * (round robin by the engine's resolver) on each of these networks, with the replicas' addresses.
   */
  entry: { name: string; networks: { network: string; addresses: string[] }[] };
}

/** Per service of a project: replicas running, pending canaries, versions (config hashes) running. */
export async function rolloutStatus(docker: Docker, endpoint: string, project: string): Promise<Result<ServiceRollout[]>> {
  try {
    const list = await docker.listContainers({
      all: true,
      filters: { label: [`${LABEL.project}=${project}`, `${LABEL.managed}=true`] },
    });
    const services = [...new Set(list.map((c) => c.Labels?.[LABEL.blueprintService] ?? '').filter(Boolean))].sort();
    const out: ServiceRollout[] = [];
    for (const service of services) {
      const units = await readService(docker, project, service);
      const versions: Record<string, number> = {};
      for (const u of units) if (u.main?.running) versions[u.main.hash.slice(0, 12)] = (versions[u.main.hash.slice(0, 12)] ?? 0) + 1;
      const nets = new Map<string, string[]>();
      for (const u of units) {
        if (!u.main?.running) continue;
        for (const [network, n] of Object.entries(u.main.info.NetworkSettings?.Networks ?? {}))
          if (((n.Aliases ?? []) as string[]).includes(service) && n.IPAddress)
            nets.set(network, [...(nets.get(network) ?? []), n.IPAddress]);
      }
      out.push({
        service,
        entry: { name: service, networks: [...nets].map(([network, addresses]) => ({ network, addresses })) },
        replicas: units.filter((u) => u.main?.running).map((u) => u.replica),
        canaries: pendingUnits(units).map((u) => u.replica),
        versions,
      });
    }
    return { ok: true, value: out };
  } catch (e) {
    return { ok: false, error: toEngineError(e, endpoint, 'Reading the rollout state') };
  }
}
