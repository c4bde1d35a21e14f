import type { Blueprint } from '@blaupause/model';

interface StepFacts {
  failedStep?: { what: string; elementId?: string };
  errors: { code: string; message: string }[];
}

/** The containers (`service` or `service/container`) whose image is `image`, in the blueprint's order. */
export function imageUsers(blueprint: Blueprint | undefined, image: string): string[] {
  const out: string[] = [];
  for (const [service, svc] of Object.entries(blueprint?.services ?? {}))
    for (const [name, c] of Object.entries(svc.containers ?? {}))
      if (c.image === image) out.push(name === service ? service : `${service}/${name}`);
  return out;
}

/**
 * The diagnosis' failed step in words. A pull fails before any step, so the engine's diagnosis
 * names only its code ("Failed step: IMAGE_PULL_FAILED") and no service: here it becomes
 * "pull image X — used by weba, webb", so the developer knows which nodes to fix.
 */
export function failedStepText(d: StepFacts, blueprint: Blueprint | undefined): string | undefined {
  const step = d.failedStep;
  if (!step) return undefined;
  const first = d.errors[0];
  const image = first?.code === 'IMAGE_PULL_FAILED' ? /^Image "([^"]+)"/.exec(first.message)?.[1] : undefined;
  if (image && step.what === first?.code) {
    const users = imageUsers(blueprint, image);
    return `pull image ${image}${users.length ? ` — used by ${users.join(', ')}` : ''}`;
  }
  return `${step.what}${step.elementId ? ` (${step.elementId})` : ''}`;
}
