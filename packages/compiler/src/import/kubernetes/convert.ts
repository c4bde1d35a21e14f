import { DNS_LABEL, DNS_LABEL_MAX, QUANTITY } from '@blaupause/model';

/**
 * Small value conversions between Kubernetes forms and blueprint forms. Each returns undefined
 * when the value has no blueprint form, so the caller can report it instead of guessing.
 */

/** A DNS-1123 label from any Kubernetes name (subdomains allow dots, labels upper case). */
export function dnsLabel(name: string): string {
  const s = name
    .toLowerCase()
    .replace(/[^a-z0-9-]+/g, '-')
    .replace(/-{2,}/g, '-')
    .slice(0, DNS_LABEL_MAX)
    .replace(/^-+|-+$/g, '');
  return DNS_LABEL.test(s) ? s : 'x';
}

/** A name not in `taken`: the label itself, else label-2, label-3, ... (kept within 63 characters). */
export function uniqueName(base: string, taken: { has(n: string): boolean }): string {
  if (!taken.has(base)) return base;
  for (let i = 2; ; i++) {
    const suffix = `-${i}`;
    const n = `${base.slice(0, DNS_LABEL_MAX - suffix.length).replace(/-+$/, '')}${suffix}`;
    if (!taken.has(n)) return n;
  }
}

/** CPU quantity → cores: 500m → 0.5, "2" → 2, 1.5 → 1.5. */
export function cpuCores(q: unknown): number | undefined {
  if (typeof q === 'number') return q > 0 && Number.isFinite(q) ? q : undefined;
  if (typeof q !== 'string') return undefined;
  const m = /^(\d+(?:\.\d+)?)(m?)$/.exec(q);
  if (!m) return undefined;
  const n = Number(m[1]) / (m[2] ? 1000 : 1);
  // Rounded to micro-cores so that 100m reads as 0.1, not 0.1000000001.
  return n > 0 ? Math.round(n * 1e6) / 1e6 : undefined;
}

/** Memory or storage quantity in a form the blueprint accepts (binary or decimal suffixes). */
export function sizeQuantity(q: unknown): string | undefined {
  if (typeof q === 'number') return Number.isInteger(q) && q >= 0 ? String(q) : undefined;
  return typeof q === 'string' && QUANTITY.test(q) ? q : undefined;
}

/** Whole seconds → a blueprint duration: 90 → "90s". */
export const seconds = (n: number): string => `${n}s`;

/** Kubernetes protocol → blueprint protocol; SCTP has none. */
export function protocol(p: string | undefined): 'tcp' | 'udp' | undefined {
  if (p === undefined || p === 'TCP') return 'tcp';
  return p === 'UDP' ? 'udp' : undefined;
}

/** Base64 as Kubernetes accepts it in Secret data (standard alphabet, padded). Checked, never decoded. */
export function isBase64(s: string): boolean {
  // Go's decoder (which the API server uses) skips line breaks, so wrapped values are fine.
  const t = s.replace(/[\r\n]/g, '');
  return t.length % 4 === 0 && /^[A-Za-z0-9+/]*={0,2}$/.test(t);
}

export { utf8Length as utf8Bytes } from '@blaupause/model';

/** The base name of a file path without its YAML/JSON extensions: deploy/shop.k8s.yaml → shop. */
export function fileStem(file: string): string {
  const base = file.split(/[\\/]/).pop() ?? '';
  return base.replace(/(\.(ya?ml|json))$/i, '').replace(/\.(k8s|kube|kubernetes|manifests?)$/i, '');
}

/**
 * Labels the Kubernetes emitter writes itself (recommended app labels and our own prefix):
 * they are derived from the blueprint on export, so importing them as user labels would double them.
 */
export function isGeneratedLabel(key: string): boolean {
  return (
    key === 'app.kubernetes.io/name' ||
    key === 'app.kubernetes.io/part-of' ||
    key === 'app.kubernetes.io/managed-by' ||
    key === 'app.kubernetes.io/component' ||
    /(^|\.)blaupause\.dev\//.test(key)
  );
}

/** User labels: everything but the generated ones; undefined when none are left. */
export function userLabels(...sources: Record<string, string>[]): Record<string, string> | undefined {
  const out: Record<string, string> = {};
  for (const labels of sources) for (const [k, v] of Object.entries(labels)) if (!isGeneratedLabel(k)) out[k] = v;
  return Object.keys(out).length ? out : undefined;
}
