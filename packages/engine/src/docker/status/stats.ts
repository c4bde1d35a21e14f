import type Dockerode from 'dockerode';
import type { ContainerStats } from '../../types';
import type { Identity } from './identity';
import { ndjsonSplitter } from './ndjson';
import { nsToMs, parseEngineTime } from './time';

/** The fields of one `GET /containers/{id}/stats` record we read. */
export interface RawStats {
  read?: string;
  cpu_stats?: CpuStats;
  precpu_stats?: CpuStats;
  memory_stats?: { usage?: number; limit?: number; stats?: Record<string, number> };
}
interface CpuStats {
  cpu_usage?: { total_usage?: number; percpu_usage?: number[] };
  system_cpu_usage?: number;
  online_cpus?: number;
}

/** CPU % exactly as `docker stats` computes it: share of host CPU time × CPUs, so 200 % = two busy cores. */
export function cpuPercent(s: RawStats): number {
  const cpu = s.cpu_stats;
  const pre = s.precpu_stats;
  const cpuDelta = (cpu?.cpu_usage?.total_usage ?? 0) - (pre?.cpu_usage?.total_usage ?? 0);
  const systemDelta = (cpu?.system_cpu_usage ?? 0) - (pre?.system_cpu_usage ?? 0);
  const cpus = cpu?.online_cpus || cpu?.cpu_usage?.percpu_usage?.length || 0;
  // The first record of a stream has no previous sample (precpu is zero): that is not 0 % but unknown,
  // and docker prints 0 for it too.
  if (!pre?.system_cpu_usage || systemDelta <= 0 || cpuDelta <= 0) return 0;
  return (cpuDelta / systemDelta) * cpus * 100;
}

/** Memory in use as `docker stats` shows it: usage minus the reclaimable page cache (cgroup v1 and v2). */
export function memoryBytes(s: RawStats): number {
  const m = s.memory_stats;
  const usage = m?.usage ?? 0;
  const inactive = m?.stats?.total_inactive_file ?? m?.stats?.inactive_file;
  return inactive !== undefined && inactive < usage ? usage - inactive : usage;
}

export function toStats(id: string, who: Identity, s: RawStats): ContainerStats {
  const limit = s.memory_stats?.limit ?? 0;
  return {
    id,
    elementId: who.elementId,
    replica: who.replica,
    cpuPercent: Math.round(cpuPercent(s) * 100) / 100,
    memoryBytes: memoryBytes(s),
    // Docker reports "no limit" as the host's memory or as a huge number; either is the ceiling seen.
    memoryLimitBytes: limit,
    at: nsToMs(parseEngineTime(s.read)),
  };
}

/**
 * One streaming stats connection per running container while a watch lives: the engine itself
 * samples once a second, so this is the one periodic thing and it costs no request per sample.
 * Sampling errors are dropped: a container that stops ends its stream, and stats are decoration.
 */
export class StatsSampler {
  private open = new Map<string, AbortController>();

  constructor(
    private readonly docker: Dockerode,
    private readonly emit: (stats: ContainerStats) => void,
  ) {}

  start(id: string, who: Identity): void {
    if (this.open.has(id)) return;
    const ac = new AbortController();
    this.open.set(id, ac);
    void this.run(id, who, ac).finally(() => {
      if (this.open.get(id) === ac) this.open.delete(id);
    });
  }

  stop(id: string): void {
    this.open.get(id)?.abort();
    this.open.delete(id);
  }

  stopAll(): void {
    for (const ac of this.open.values()) ac.abort();
    this.open.clear();
  }

  get size(): number {
    return this.open.size;
  }

  private async run(id: string, who: Identity, ac: AbortController): Promise<void> {
    let stream: NodeJS.ReadableStream & { destroy?: () => void };
    try {
      stream = await this.docker.getContainer(id).stats({ stream: true, abortSignal: ac.signal } as { stream: true });
    } catch {
      return;
    }
    if (ac.signal.aborted) return stream.destroy?.();
    const split = ndjsonSplitter();
    await new Promise<void>((resolve) => {
      const done = () => {
        ac.signal.removeEventListener('abort', onAbort);
        resolve();
      };
      const onAbort = () => {
        stream.destroy?.();
        done();
      };
      ac.signal.addEventListener('abort', onAbort, { once: true });
      stream.on('data', (chunk: Buffer) => {
        for (const rec of split.push(chunk)) {
          const s = rec as RawStats;
          // A stopped container streams zeroed records (read = zero time): nothing to show.
          if (!ac.signal.aborted && parseEngineTime(s.read) > 0) this.emit(toStats(id, who, s));
        }
      });
      stream.on('end', done);
      stream.on('close', done);
      stream.on('error', done);
    });
  }
}
