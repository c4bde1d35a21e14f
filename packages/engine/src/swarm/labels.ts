import { LABEL } from '../docker/labels';

/**
 * Names and labels of what the Swarm driver creates, as `docker stack deploy` names them: services,
 * networks, secrets and configs `<stack>_<name>`, labelled `com.docker.stack.namespace=<stack>` so
 * `docker stack ls/ps/rm` see the deployment. Ours besides: `dev.blaupause.managed=true` (nothing
 * without it is ever changed or removed) and the canvas element. The Compose project label is
 * never set: the Docker driver must not mistake a stack's task containers for its own.
 */
export const SWARM_LABEL = {
  namespace: 'com.docker.stack.namespace',
  image: 'com.docker.stack.image',
  managed: LABEL.managed,
  element: LABEL.element,
  blueprintService: LABEL.blueprintService,
  container: LABEL.container,
  role: LABEL.role,
  /** sha256 of the service spec without its replica count: equal hash, nothing to update. */
  specHash: 'dev.blaupause.spec-hash',
  /** Blueprint key of a network, secret or config. */
  key: 'dev.blaupause.key',
  /** Labels swarm puts on task containers. */
  taskSlot: 'com.docker.swarm.task.name',
  serviceName: 'com.docker.swarm.service.name',
  serviceId: 'com.docker.swarm.service.id',
} as const;

export const stackName = (project: string, name: string): string => `${project}_${name}`;

/** The label filter of everything of one stack that is ours. */
export const ownedStack = (project: string): string[] => [`${SWARM_LABEL.namespace}=${project}`, `${SWARM_LABEL.managed}=true`];

/** Task containers of a stack (Swarm creates them from our spec: stack and element labels, no ownership label). */
export const stackTasks = (project: string): string[] => [`${SWARM_LABEL.namespace}=${project}`, SWARM_LABEL.element];

export const ownedAll = (): string[] => [`${SWARM_LABEL.managed}=true`, SWARM_LABEL.namespace];

export function ownLabels(project: string, extra: Record<string, string> = {}): Record<string, string> {
  return { ...extra, [SWARM_LABEL.namespace]: project, [SWARM_LABEL.managed]: 'true' };
}
