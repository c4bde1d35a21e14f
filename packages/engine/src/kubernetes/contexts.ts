import { loadKubeConfig } from './client';

export interface KubeContext {
  name: string;
  cluster: string;
  namespace?: string;
  current: boolean;
}

/** The kubeconfig's contexts for the target picker; an absent or broken kubeconfig lists none. */
export async function listContexts(kubeconfig?: string): Promise<{ contexts: KubeContext[]; error?: string }> {
  try {
    const kc = await loadKubeConfig(kubeconfig ? { kubeconfig } : {});
    const current = kc.getCurrentContext();
    return {
      contexts: kc.getContexts().map((c) => ({
        name: c.name,
        cluster: c.cluster,
        ...(c.namespace ? { namespace: c.namespace } : {}),
        current: c.name === current,
      })),
    };
  } catch (e) {
    return { contexts: [], error: (e as Error).message };
  }
}
