import { DNS_LABEL, DNS_LABEL_MAX } from '@blaupause/model';

/**
 * Compose names allow upper case, "_" and "."; blueprint names are DNS-1123 labels so that they
 * work on every target. Conversion: lower-case, every other character becomes "-", trimmed.
 */
export function toDnsLabel(name: string): string {
  return name
    .toLowerCase()
    .replace(/[^a-z0-9-]/g, '-')
    .replace(/^-+/, '')
    .slice(0, DNS_LABEL_MAX)
    .replace(/-+$/, '');
}

export const isDnsLabel = (s: string): boolean => s.length <= DNS_LABEL_MAX && DNS_LABEL.test(s);

/**
 * Old → new name for every name of one kind. Valid names keep theirs (so they never move);
 * converted ones get "-2", "-3"... when they would collide with a name already taken.
 */
export function planNames(names: Iterable<string>, fallback: string): Map<string, string> {
  const out = new Map<string, string>();
  const taken = new Set<string>();
  const invalid: string[] = [];
  for (const n of names) {
    if (isDnsLabel(n)) {
      out.set(n, n);
      taken.add(n);
    } else invalid.push(n);
  }
  for (const n of invalid) out.set(n, uniqueName(n, taken, fallback));
  return out;
}

/** A new name unique among `taken` (which it joins), for generated elements such as anonymous volumes. */
export function uniqueName(wanted: string, taken: Set<string>, fallback: string): string {
  const base = toDnsLabel(wanted) || fallback;
  let candidate = base;
  for (let i = 2; taken.has(candidate); i++) {
    const suffix = `-${i}`;
    candidate = `${base.slice(0, DNS_LABEL_MAX - suffix.length).replace(/-+$/, '')}${suffix}`;
  }
  taken.add(candidate);
  return candidate;
}

const COMPOSE_SUFFIX = /(^|[.-])?(docker-)?compose(\.[a-z0-9_-]+)?\.ya?ml$/i;

/** "shop.compose.yaml" → "shop", "docker-compose.prod.yml" → "prod", "compose.yaml" → "" (the caller falls back). */
export function nameFromFile(file: string): string {
  const base = file.split(/[\\/]/).pop() ?? '';
  const m = COMPOSE_SUFFIX.exec(base);
  if (m) {
    const before = base.slice(0, m.index);
    const variant = m[3]?.slice(1) ?? '';
    return toDnsLabel(before || variant);
  }
  return toDnsLabel(base.replace(/\.(ya?ml|json)$/i, ''));
}
