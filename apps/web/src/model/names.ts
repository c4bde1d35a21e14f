import { DNS_LABEL, DNS_LABEL_MAX } from '@blaupause/model';

/** Whether a name is usable for services, containers and volumes (DNS-1123 label, every target accepts it). */
export function isValidName(name: string): boolean {
  return name.length <= DNS_LABEL_MAX && DNS_LABEL.test(name);
}

/** `base`, else `base-2`, `base-3`, … : the first that is not taken. Deterministic. */
export function uniqueName(base: string, taken: Iterable<string>): string {
  const used = new Set(taken);
  if (!used.has(base)) return base;
  for (let i = 2; ; i++) {
    const candidate = `${base}-${i}`;
    if (!used.has(candidate)) return candidate;
  }
}
