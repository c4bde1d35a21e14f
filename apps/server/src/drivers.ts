import {
  createDockerDriver,
  createKubernetesDriver,
  createPodmanKubeDriver,
  createStatusHub,
  createSwarmDriver,
  type Driver,
  type EngineError,
  listContexts,
} from '@blaupause/engine';
import type { KubeContexts, TargetDeps } from './deps';

/** A target's driver with the status hub over its watch (one engine watch per project for every tab). */
export function withHub(driver: Driver): TargetDeps {
  return { driver, statusHub: createStatusHub((project, signal) => driver.watch(project, signal), { lingerMs: 5_000 }) };
}

/**
 * The drivers this server uses, constructed by the composition root only (DESIGN §9.6): the
 * Docker engine at DOCKER_HOST (else the default socket), the same engine as a Swarm, Podman's
 * API service (PODMAN_SOCKET, else /run/podman/podman.sock) playing the Kubernetes YAML, and the
 * cluster of the kubeconfig (KUBECONFIG, else ~/.kube/config). Constructing them connects to
 * nothing: a target whose engine is not there answers ENGINE_UNREACHABLE, and the designer works.
 */
export function createDrivers(env: NodeJS.ProcessEnv) {
  const docker = env.DOCKER_HOST ? { host: env.DOCKER_HOST } : {};
  const targets = {
    swarm: withHub(createSwarmDriver(docker)),
    'podman-kube': withHub(createPodmanKubeDriver(env.PODMAN_SOCKET ? { socket: env.PODMAN_SOCKET } : {})),
    kubernetes: withHub(createKubernetesDriver()),
  };
  let context: string | undefined;
  // The kubeconfig context is a server-wide choice (one user, one machine): switching it replaces
  // the Kubernetes target's driver and status hub; watches of the old context end with it.
  const kube: KubeContexts = {
    async list() {
      const r = await listContexts();
      return { ...r, contexts: r.contexts.map((c) => ({ ...c, current: context ? c.name === context : c.current })) };
    },
    async select(name) {
      const { contexts } = await listContexts();
      if (!contexts.some((c) => c.name === name))
        return { ok: false, error: { code: 'NOT_FOUND', message: `The kubeconfig has no context "${name}".` } };
      context = name;
      targets.kubernetes = withHub(createKubernetesDriver({ context: name }));
      return { ok: true, value: name };
    },
  };
  return { driver: createDockerDriver(docker), targets, kube };
}

/** A driver for a server without any engine (kept for embedding and tests of the panel's "no engine" state). */
export function unavailableDriver(message: string): Driver {
  const error: EngineError = { code: 'ENGINE_UNREACHABLE', message, hint: 'Install or start Docker, then restart the server.' };
  const fail = async () => ({ ok: false as const, error });
  async function* failed() {
    yield { kind: 'error' as const, error, at: Date.now() };
    yield { kind: 'done' as const, ok: false, durationMs: 0, at: Date.now() };
  }
  return {
    info: fail,
    plan: fail,
    list: fail,
    apply: failed,
    destroy: failed,
    async *watch() {
      yield { kind: 'engine', connected: false, message, at: Date.now() };
    },
    async *logs() {},
  };
}
