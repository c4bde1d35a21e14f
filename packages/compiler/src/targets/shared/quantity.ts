/**
 * Sizes: the blueprint writes them as Kubernetes quantities (512Mi, 1Gi, 100M); Docker reads
 * "byte values" whose units b, k, m, g are binary (compose-go parses them with go-units'
 * RAMInBytes, docker-compose v1 with docker-py's parse_bytes: k = 1024, m = 1024², g = 1024³).
 * Arithmetic is exact (BigInt), so 1.5Gi becomes 1536m and 100M stays 100000000 bytes.
 */

const QUANTITY = /^(\d+)(?:\.(\d+))?(Ki|Mi|Gi|Ti|Pi|k|M|G|T|P)?$/;

const KI = 1024n;
const MULTIPLIER: Record<string, bigint> = {
  '': 1n,
  k: 10n ** 3n,
  M: 10n ** 6n,
  G: 10n ** 9n,
  T: 10n ** 12n,
  P: 10n ** 15n,
  Ki: KI,
  Mi: KI ** 2n,
  Gi: KI ** 3n,
  Ti: KI ** 4n,
  Pi: KI ** 5n,
};

/** Bytes of a quantity, rounded up to a whole byte as Kubernetes does; undefined if malformed. */
export function quantityToBytes(quantity: string): bigint | undefined {
  const m = QUANTITY.exec(quantity);
  if (!m) return undefined;
  const [, whole = '0', fraction = '', suffix = ''] = m;
  const scale = 10n ** BigInt(fraction.length);
  const scaled = (BigInt(whole) * scale + BigInt(fraction || '0')) * (MULTIPLIER[suffix] as bigint);
  return (scaled + scale - 1n) / scale;
}

// Largest first; no "t": docker-compose v1 does not know it, and 1Ti reads fine as 1024g.
const DOCKER_UNITS: readonly [string, bigint][] = [
  ['g', KI ** 3n],
  ['m', KI ** 2n],
  ['k', KI],
];

/** A byte count in Docker's notation: the largest binary unit that divides it exactly, else "<n>b". */
export function formatDockerBytes(bytes: bigint): string {
  if (bytes === 0n) return '0';
  for (const [unit, size] of DOCKER_UNITS) if (bytes % size === 0n) return `${bytes / size}${unit}`;
  return `${bytes}b`;
}

// A blueprint has a handful of distinct sizes, written once per container: converted once each.
const dockerBytes = new Map<string, string | undefined>();
const DOCKER_BYTES_MAX = 1_024;

/** A quantity as a Docker byte value ("256Mi" → "256m", "1G" → "1000000000b"); undefined if malformed. */
export function quantityToDockerBytes(quantity: string): string | undefined {
  let out = dockerBytes.get(quantity);
  if (out === undefined && !dockerBytes.has(quantity)) {
    const bytes = quantityToBytes(quantity);
    out = bytes === undefined ? undefined : formatDockerBytes(bytes);
    if (dockerBytes.size >= DOCKER_BYTES_MAX) dockerBytes.clear();
    dockerBytes.set(quantity, out);
  }
  return out;
}
