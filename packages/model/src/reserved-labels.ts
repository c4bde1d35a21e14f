/**
 * Label keys that say who owns a deployed resource. The Docker driver puts `com.docker.compose.*`
 * (Compose's conventions) and `dev.blaupause.*` (our ownership label `dev.blaupause.managed`) on
 * everything it creates and removes only what carries them; the Kubernetes output uses
 * `*.blaupause.dev/` keys and ApplySet's `applyset.kubernetes.io/*`. A blueprint that set one of
 * them could make a foreign resource look like ours (or ours like another project's), so neither
 * the blueprint nor an imported file may set them (issue 5). Plain data: isomorphic.
 */
export const RESERVED_LABEL_PREFIXES: readonly string[] = [
  'com.docker.compose.',
  'dev.blaupause.',
  'blaupause.dev/',
  'applyset.kubernetes.io/',
];

/** `network.blaupause.dev/front` and the like: any subdomain of blaupause.dev used as a key prefix. */
const BLAUPAUSE_DOMAIN = /^([a-z0-9-]+\.)+blaupause\.dev\//i;

export function isReservedLabel(key: string): boolean {
  const k = key.trim().toLowerCase();
  return RESERVED_LABEL_PREFIXES.some((p) => k.startsWith(p)) || BLAUPAUSE_DOMAIN.test(k);
}
