import { LABEL } from '@blaupause/engine';

/** The fields of the engine's container list (GET /containers/json) that say who publishes a port. */
export interface ListedContainer {
  Names?: string[];
  State?: string;
  Labels?: Record<string, string>;
  Ports?: { PublicPort?: number; IP?: string }[];
}

/** The host port of a PORT_IN_USE message ('… cannot publish host port 8181: …'). */
export function portOf(message: string): number | undefined {
  const m = /host port (\d{1,5})\b/.exec(message);
  return m ? Number(m[1]) : undefined;
}

/**
 * Who holds host port `port`, in words, for the diagnosis of a PORT_IN_USE deploy: the developer
 * meets this most after deploying the same blueprint under a second project name, so a container
 * of a Blaupause/Compose project is named with its project and service (and how to free it);
 * otherwise no container publishes it, and a process on this machine listens there.
 * `self`: the project that failed (its own leftover container is not the holder).
 */
export function portHolderHint(port: number, containers: readonly ListedContainer[], self: string): string {
  const holder = containers.find(
    (c) => c.State === 'running' && c.Labels?.[LABEL.project] !== self && (c.Ports ?? []).some((p) => p.PublicPort === port),
  );
  if (!holder)
    return `No container publishes port ${port}: a process on this machine listens there (ss -ltnp 'sport = :${port}' shows which).`;
  const name = (holder.Names?.[0] ?? '?').replace(/^\//, '');
  const project = holder.Labels?.[LABEL.project];
  const service = holder.Labels?.[LABEL.blueprintService] ?? holder.Labels?.[LABEL.service];
  if (!project) return `Port ${port} is held by the container ${name}: stop it, or publish this service on another host port.`;
  const ours = holder.Labels?.[LABEL.managed] === 'true';
  return `Port ${port} is held by the container ${name} of ${ours ? 'the deployment' : 'the Compose project'} "${project}"${service ? ` (service ${service})` : ''}: ${ours ? 'tear that deployment down' : 'stop it'}, or publish this service on another host port.`;
}

/**
 * What to try for a port in use: who holds it first, in place of the error's own hint ("Stop what
 * listens on port …, or publish … on another host port"), which says the same less precisely —
 * both shown read as the same advice twice.
 */
export function withPortHolder(tryNext: readonly string[], holder: string, errorHint: string | undefined): string[] {
  return [holder, ...tryNext.filter((t) => t !== errorHint)];
}
