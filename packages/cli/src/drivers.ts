import type { Driver, TargetKind } from '@blaupause/engine';

/**
 * The driver for a deploy target, made only when a command needs one (loading dockerode and the
 * Kubernetes client costs a few hundred ms: validate and compile never pay for it). Constructing
 * a driver connects to nothing; an engine that is not there answers ENGINE_UNREACHABLE.
 */
export async function createDriver(target: TargetKind, env: NodeJS.ProcessEnv, context?: string): Promise<Driver> {
  const engine = await import('@blaupause/engine');
  const docker = env.DOCKER_HOST ? { host: env.DOCKER_HOST } : {};
  switch (target) {
    case 'docker':
      return engine.createDockerDriver(docker);
    case 'swarm':
      return engine.createSwarmDriver(docker);
    case 'podman-kube':
      return engine.createPodmanKubeDriver(env.PODMAN_SOCKET ? { socket: env.PODMAN_SOCKET } : {});
    case 'kubernetes':
      return engine.createKubernetesDriver(context ? { context } : {});
  }
}
