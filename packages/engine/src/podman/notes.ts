import { type Diagnostic, diag } from '@blaupause/model';

/**
 * Fidelity notes of the podman-kube target: what `podman kube play` (4.3) ignores or runs
 * differently from a cluster. They travel in `DeployPlan.notes`, beside the compiler's own
 * Kubernetes notes, so the user sees them before deploying.
 */
export class PodmanNotes {
  readonly list: Diagnostic[] = [];
  private readonly seen = new Set<string>();

  lost(service: string, path: (string | number)[], message: string, hint?: string): void {
    this.add('FIDELITY_LOST', 'warning', service, path, message, hint);
  }

  approximated(service: string, path: (string | number)[], message: string, hint?: string): void {
    this.add('FIDELITY_APPROXIMATED', 'info', service, path, message, hint);
  }

  private add(
    code: 'FIDELITY_LOST' | 'FIDELITY_APPROXIMATED',
    severity: 'warning' | 'info',
    service: string,
    path: (string | number)[],
    message: string,
    hint?: string,
  ): void {
    const key = `${code}\u0000${service}\u0000${message}`;
    if (this.seen.has(key)) return;
    this.seen.add(key);
    const where = service ? ['services', service, ...path] : path;
    this.list.push(
      diag(code, severity, where, `Podman: ${message}`, {
        target: 'kubernetes',
        ...(service ? { elementId: `service:${service}` } : {}),
        ...(hint ? { hint } : {}),
      }),
    );
  }
}

/**
 * Compiler notes about how a cluster publishes ports (NodePort / LoadBalancer Services) do not hold
 * here: Podman publishes with hostPort on the pod instead. Every other compiler note stays.
 */
export function keepCompilerNote(d: Diagnostic): boolean {
  return !/NodePort|LoadBalancer/.test(d.message);
}
