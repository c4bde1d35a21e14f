import type { Blueprint } from '@blaupause/model';

/**
 * The parts of a blueprint a compiler reads: everything but `layout`. Commands keep untouched
 * parts identical (structural sharing), so comparing these by identity tells whether anything
 * but the layout changed — what lets a drag skip validation, compilation and re-projection.
 */
export function semanticParts(bp: Blueprint): readonly unknown[] {
  return [bp.apiVersion, bp.kind, bp.metadata, bp.parameters, bp.services, bp.volumes, bp.networks, bp.configs, bp.secrets];
}

export function sameParts(a: readonly unknown[] | undefined, b: readonly unknown[]): boolean {
  return !!a && a.length === b.length && a.every((p, i) => p === b[i]);
}
