import type Docker from 'dockerode';
import type { Result } from '../../types';
import { LABEL } from '../labels';
import { type EnvEntry, maskEnv } from './mask';
import { type OwnedRef, ownedContainer } from './owned';

export interface ContainerInspection {
  id: string;
  name: string;
  project: string;
  service?: string;
  elementId?: string;
  replica?: number;
  image: string;
  imageId: string;
  createdAt: number;
  entrypoint: string[];
  command: string[];
  workingDir: string;
  user: string;
  restartPolicy: string;
  state: {
    status: string;
    running: boolean;
    exitCode: number;
    restarts: number;
    oomKilled: boolean;
    error?: string;
    startedAt?: number;
    finishedAt?: number;
  };
  env: EnvEntry[];
  mounts: { type: string; source: string; destination: string; readOnly: boolean; name?: string }[];
  networks: { name: string; ipAddress: string; ipv6Address?: string; gateway: string; macAddress: string; aliases: string[] }[];
  /** "127.0.0.1:8080->80/tcp". */
  ports: string[];
  health?: { status: string; failingStreak: number; log: { start: number; end: number; exitCode: number; output: string }[] };
  /** The engine's events about this container, oldest first (within `eventsSinceMs`). */
  events: { action: string; at: number; exitCode?: number }[];
}

export interface InspectOptions extends OwnedRef {
  /** Environment names whose values are secret besides those matching /PASS|SECRET|TOKEN|KEY/i (secretEnvNames). */
  secretNames?: readonly string[];
  /** How far back the events go (default one hour). */
  eventsSinceMs?: number;
  endpoint?: string;
}

const time = (s: string | undefined): number | undefined => {
  const t = s ? Date.parse(s) : Number.NaN;
  return Number.isFinite(t) && t > 0 ? t : undefined;
};

/** A container of ours, as a person diagnosing it wants to see it; secret values masked. NOT_OWNED for any other. */
export async function inspectContainer(docker: Docker, o: InspectOptions): Promise<Result<ContainerInspection>> {
  const owned = await ownedContainer(docker, o, o.endpoint ?? 'the engine');
  if (!owned.ok) return owned;
  const i = owned.value;
  const labels = i.Config.Labels ?? {};
  const st = i.State as Docker.ContainerInspectInfo['State'] & { Health?: { Status: string; FailingStreak: number; Log?: HealthLog[] } };
  const out: ContainerInspection = {
    id: i.Id,
    name: i.Name.replace(/^\//, ''),
    project: o.project,
    image: i.Config.Image,
    imageId: i.Image,
    createdAt: time(i.Created) ?? 0,
    entrypoint: asList(i.Config.Entrypoint),
    command: asList(i.Config.Cmd),
    workingDir: i.Config.WorkingDir ?? '',
    user: i.Config.User ?? '',
    restartPolicy: i.HostConfig.RestartPolicy?.Name ?? 'no',
    state: {
      status: st.Status,
      running: st.Running,
      exitCode: st.ExitCode,
      restarts: i.RestartCount ?? 0,
      oomKilled: st.OOMKilled,
      ...(st.Error ? { error: st.Error } : {}),
      ...optional('startedAt', time(st.StartedAt)),
      ...optional('finishedAt', time(st.FinishedAt)),
    },
    env: maskEnv(i.Config.Env ?? [], o.secretNames),
    mounts: (i.Mounts ?? []).map((m) => ({
      type: m.Type ?? '',
      source: m.Source ?? '',
      destination: m.Destination,
      readOnly: m.RW === false,
      ...(m.Name ? { name: m.Name } : {}),
    })),
    networks: Object.entries(i.NetworkSettings?.Networks ?? {}).map(([name, n]) => ({
      name,
      ipAddress: n.IPAddress ?? '',
      ...(n.GlobalIPv6Address ? { ipv6Address: n.GlobalIPv6Address } : {}),
      gateway: n.Gateway ?? '',
      macAddress: n.MacAddress ?? '',
      aliases: ((n.Aliases ?? []) as string[]).filter((a) => !i.Id.startsWith(a)),
    })),
    ports: ports(i.NetworkSettings?.Ports ?? {}),
    events: await recentEvents(docker, i.Id, o.eventsSinceMs ?? 3_600_000),
  };
  if (labels[LABEL.blueprintService]) out.service = labels[LABEL.blueprintService];
  if (labels[LABEL.element]) out.elementId = labels[LABEL.element];
  if (labels[LABEL.number]) out.replica = Number(labels[LABEL.number]);
  if (st.Health)
    out.health = {
      status: st.Health.Status,
      failingStreak: st.Health.FailingStreak,
      log: (st.Health.Log ?? []).map((l) => ({
        start: time(l.Start) ?? 0,
        end: time(l.End) ?? 0,
        exitCode: l.ExitCode,
        output: l.Output.slice(0, 4096),
      })),
    };
  return { ok: true, value: out };
}

interface HealthLog {
  Start: string;
  End: string;
  ExitCode: number;
  Output: string;
}

const asList = (v: string | string[] | undefined | null): string[] => (v == null ? [] : Array.isArray(v) ? v : [v]);

function optional<K extends string>(key: K, v: number | undefined): Partial<Record<K, number>> {
  return v === undefined ? {} : ({ [key]: v } as Record<K, number>);
}

function ports(map: Record<string, { HostIp: string; HostPort: string }[] | null>): string[] {
  return Object.entries(map).flatMap(([inner, binds]) => (binds ?? []).map((b) => `${b.HostIp || '0.0.0.0'}:${b.HostPort}->${inner}`));
}

/** The engine's events about one container in a closed time window (the stream ends at `until`). */
async function recentEvents(docker: Docker, id: string, sinceMs: number): Promise<ContainerInspection['events']> {
  const now = Math.floor(Date.now() / 1000);
  try {
    const stream = (await docker.getEvents({
      since: now - Math.ceil(sinceMs / 1000),
      until: now,
      filters: { container: [id], type: ['container'] },
    })) as unknown as NodeJS.ReadableStream;
    let text = '';
    for await (const chunk of stream) text += chunk.toString();
    return text
      .split('\n')
      .filter((l) => l.trim())
      .flatMap((l) => {
        try {
          const e = JSON.parse(l) as { Action?: string; timeNano?: number; time?: number; Actor?: { Attributes?: Record<string, string> } };
          if (!e.Action || e.Action.startsWith('exec_')) return [];
          const code = e.Actor?.Attributes?.exitCode;
          return [
            {
              action: e.Action,
              at: e.timeNano ? Math.floor(e.timeNano / 1e6) : (e.time ?? 0) * 1000,
              ...(code ? { exitCode: Number(code) } : {}),
            },
          ];
        } catch {
          return [];
        }
      })
      .slice(-50);
  } catch {
    return []; // the inspection stays useful without events
  }
}
