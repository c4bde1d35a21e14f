import type { Driver, EngineError, TargetKind } from '@blaupause/engine';

/**
 * The driver for a deploy target, made only when a command needs one (loading dockerode and the
 * Kubernetes client costs a few hundred ms: validate and compile never pay for it). Constructing
 * a driver connects to nothing; an engine that is not there answers ENGINE_UNREACHABLE.
 */
export async function createDriver(target: TargetKind, env: NodeJS.ProcessEnv): Promise<Driver> {
  const engine = await import('@blaupause/engine');
  const docker = env.DOCKER_HOST ? { host: env.DOCKER_HOST } : {};
  switch (target) {
    case 'docker':
      return engine.createDockerDriver(docker);
    default:
      return unavailable(target, `The ${target} target is not available in this build.`);
  }
}

/** A driver whose every call answers one error: the target cannot be used from here. */
export function unavailable(target: TargetKind, message: string, hint?: string): Driver {
  const error: EngineError = { code: 'UNSUPPORTED', message, ...(hint ? { hint } : {}) };
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
      yield { kind: 'engine', connected: false, message: `${target}: ${message}`, at: Date.now() };
    },
    async *logs() {},
  };
}
