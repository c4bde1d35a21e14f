import { LABEL } from '../labels';

/** Which canvas element a container is, read from the labels the Docker driver puts on it. */
export interface Identity {
  project: string;
  service: string;
  container: string;
  replica: number;
  elementId: string;
}

const ELEMENT = /^container:([^/]+)\/(.+)$/;

/**
 * The element label is the truth (a helper container's Compose service is `<service>-<container>`,
 * not the blueprint service); the other labels fill in when a resource was labelled by an older or
 * foreign writer, so a container is never dropped for missing one of them.
 */
export function identityOf(labels: Record<string, string> | undefined): Identity {
  const l = labels ?? {};
  const m = ELEMENT.exec(l[LABEL.element] ?? '');
  const service = l[LABEL.blueprintService] ?? m?.[1] ?? l[LABEL.service] ?? '';
  const container = l[LABEL.container] ?? m?.[2] ?? 'main';
  const replica = Number.parseInt(l[LABEL.number] ?? '', 10);
  return {
    project: l[LABEL.project] ?? '',
    service,
    container,
    replica: Number.isFinite(replica) && replica > 0 ? replica : 1,
    elementId: l[LABEL.element] ?? `container:${service}/${container}`,
  };
}

/** The engine-side label filter of a watch: our ownership label, and the project when one is asked for. */
export function labelFilter(project: string | undefined): string[] {
  const owned = [`${LABEL.managed}=true`];
  return project === undefined ? owned : [`${LABEL.project}=${project}`, ...owned];
}
