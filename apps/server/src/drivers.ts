import { createDockerDriver, type Driver, type EngineError } from '@blaupause/engine';

/**
 * The drivers this server uses, constructed by the composition root only (DESIGN §9.6): the
 * Docker driver for the engine at DOCKER_HOST, else the default socket (Podman's Docker-compatible
 * socket through DOCKER_HOST works the same). Constructing it connects to nothing: an engine that
 * is not there shows up as ENGINE_UNREACHABLE answers, and the server serves the designer anyway.
 */
export function createDrivers(env: NodeJS.ProcessEnv): { driver: Driver } {
  return { driver: createDockerDriver(env.DOCKER_HOST ? { host: env.DOCKER_HOST } : {}) };
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
