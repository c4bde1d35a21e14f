import type { EngineError, EngineInfo } from '@blaupause/engine';
import type { AppDeps } from '../deps';
import { engineErrorFrom, unwrap } from '../errors';
import { procedure, router } from '../trpc';

export type Connectivity = { connected: true; info: EngineInfo } | { connected: false; error: EngineError };

const UNREACHABLE_HINT =
  'Start the Docker engine (e.g. `sudo systemctl start docker`), or point DOCKER_HOST at it (Podman: `systemctl --user start podman.socket` and DOCKER_HOST=unix://$XDG_RUNTIME_DIR/podman/podman.sock), then restart the server.';

export function engineRouter({ driver }: AppDeps) {
  return router({
    /** The engine's version and endpoint; ENGINE_UNREACHABLE (503) when there is none. */
    info: procedure.query(async () => unwrap(await driver.info().catch((e) => ({ ok: false as const, error: engineErrorFrom(e) })))),

    /** Never fails: the deploy panel shows what to do when no engine answers. */
    connectivity: procedure.query(async (): Promise<Connectivity> => {
      const r = await driver.info().catch((e) => ({ ok: false as const, error: { ...engineErrorFrom(e), code: 'ENGINE_ERROR' as const } }));
      if (r.ok) return { connected: true, info: r.value };
      return { connected: false, error: { ...r.error, hint: r.error.hint ?? UNREACHABLE_HINT } };
    }),
  });
}
