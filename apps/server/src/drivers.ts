import type { Driver, EngineError } from '@blaupause/engine';

/**
 * The drivers this server can use, constructed by the composition root only (DESIGN §9.6).
 * Until packages/engine exports createDockerDriver, the server runs with a driver that answers
 * every call with ENGINE_UNREACHABLE, so the designer and the workspace work and the deploy panel
 * says why deploying does not.
 */
export function createDrivers(_env: NodeJS.ProcessEnv): { driver: Driver } {
  return { driver: unavailableDriver('This server was built without an engine driver.') };
}

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
