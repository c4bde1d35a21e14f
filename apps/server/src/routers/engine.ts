import type { EngineError, EngineInfo, Result, TargetKind } from '@blaupause/engine';
import { z } from 'zod';
import { type AppDeps, type KubeContexts, TARGET_LABEL, targetKinds, targetOf } from '../deps';
import { appError, engineErrorFrom, unwrap } from '../errors';
import { DeployTarget } from '../schemas';
import { procedure, router } from '../trpc';

export type Connectivity = { connected: true; info: EngineInfo } | { connected: false; error: EngineError };

/** One target of the picker: what it is and whether its engine answers now. */
export type TargetStatus = { kind: TargetKind; label: string } & Connectivity;

const UNREACHABLE_HINT: Record<TargetKind, string> = {
  docker:
    'Start the Docker engine (e.g. `sudo systemctl start docker`), or point DOCKER_HOST at it (Podman: `systemctl --user start podman.socket` and DOCKER_HOST=unix://$XDG_RUNTIME_DIR/podman/podman.sock), then restart the server.',
  swarm: 'Make the Docker engine a swarm manager: `docker swarm init --advertise-addr 127.0.0.1`.',
  'podman-kube':
    "Start Podman's API service: `podman system service --time=0 unix:///run/podman/podman.sock` (or `systemctl start podman.socket`).",
  kubernetes: 'Check the kubeconfig context (`kubectl config current-context`) and that its API server answers.',
};

/** How long the picker waits for one target's engine before calling it unreachable. */
const INFO_TIMEOUT_MS = 10_000;

export function engineRouter(deps: AppDeps) {
  async function connectivity(kind: TargetKind): Promise<Connectivity> {
    const t = targetOf(deps, kind);
    if (!t.ok) return { connected: false, error: { ...t.error, code: 'ENGINE_ERROR' } };
    const r = await withTimeout(t.value.driver.info(), kind).catch((e) => ({
      ok: false as const,
      error: { ...engineErrorFrom(e), code: 'ENGINE_ERROR' as const },
    }));
    if (r.ok) return { connected: true, info: r.value };
    return { connected: false, error: { ...r.error, hint: r.error.hint ?? UNREACHABLE_HINT[kind] } };
  }

  return router({
    /** The engine's version and endpoint; ENGINE_UNREACHABLE (503) when there is none. */
    info: procedure.input(z.object({ target: DeployTarget }).optional()).query(async ({ input }) => {
      const { driver } = unwrap(targetOf(deps, input?.target ?? 'docker'));
      return unwrap(await driver.info().catch((e) => ({ ok: false as const, error: engineErrorFrom(e) })));
    }),

    /** Never fails: the deploy panel shows what to do when no engine answers. */
    connectivity: procedure
      .input(z.object({ target: DeployTarget }).optional())
      .query(({ input }): Promise<Connectivity> => connectivity(input?.target ?? 'docker')),

    /** The kubeconfig's contexts, the one in use marked (the Kubernetes target's context picker). */
    kubeContexts: procedure.query(
      async (): Promise<Awaited<ReturnType<KubeContexts['list']>>> =>
        deps.kube ? deps.kube.list() : { contexts: [], error: 'this server has no Kubernetes target' },
    ),

    /** Points the Kubernetes target at another kubeconfig context (server-wide: one user, one machine). */
    useKubeContext: procedure.input(z.object({ context: z.string().min(1).max(253) })).mutation(async ({ input }) => {
      if (!deps.kube) return unwrap(appError('UNSUPPORTED', 'This server has no Kubernetes target.'));
      return unwrap(await deps.kube.select(input.context));
    }),

    /** Every target this server offers with its engine's state, asked in parallel (the target picker). */
    targets: procedure.query(
      (): Promise<TargetStatus[]> =>
        Promise.all(targetKinds(deps).map(async (kind) => ({ kind, label: TARGET_LABEL[kind], ...(await connectivity(kind)) }))),
    ),
  });
}

function withTimeout<T>(p: Promise<Result<T>>, kind: TargetKind): Promise<Result<T>> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<Result<T>>((resolve) => {
    timer = setTimeout(
      () =>
        resolve({
          ok: false,
          error: { code: 'ENGINE_UNREACHABLE', message: `The ${TARGET_LABEL[kind]} did not answer within ${INFO_TIMEOUT_MS / 1000} s.` },
        }),
      INFO_TIMEOUT_MS,
    );
  });
  return Promise.race([p, late]).finally(() => clearTimeout(timer));
}
