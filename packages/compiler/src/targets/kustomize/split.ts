import { parse } from 'yaml';

/**
 * The plain Kubernetes manifests (one multi-document YAML text, as compile() writes it) cut into
 * one text per object, each kept byte for byte, with the kind, name and namespace it declares.
 */
export interface ManifestObject {
  kind: string;
  name: string;
  namespace?: string;
  /** The object's document exactly as the compiler wrote it (ends with a newline). */
  text: string;
  /** The parsed object (read-only use). */
  value: Record<string, unknown>;
}

export function splitManifests(text: string): ManifestObject[] {
  const out: ManifestObject[] = [];
  for (const chunk of text.split(/^---\n/m)) {
    if (chunk.trim() === '') continue;
    const value = parse(chunk) as Record<string, unknown> | null;
    if (!value || typeof value !== 'object') continue;
    const meta = (value.metadata ?? {}) as Record<string, unknown>;
    const namespace = typeof meta.namespace === 'string' ? meta.namespace : undefined;
    out.push({
      kind: String(value.kind ?? 'Object'),
      name: String(meta.name ?? 'unnamed'),
      ...(namespace ? { namespace } : {}),
      text: chunk.endsWith('\n') ? chunk : `${chunk}\n`,
      value,
    });
  }
  return out;
}

/** `deployment-web.yaml`; a second object with the same kind and name (other namespace) gets its namespace too. */
export function fileNames(objects: readonly ManifestObject[]): string[] {
  const used = new Set<string>();
  return objects.map((o) => {
    const stem = `${o.kind.toLowerCase()}-${o.name}`;
    let name = `${stem}.yaml`;
    if (used.has(name)) name = `${stem}-${o.namespace ?? 'default'}.yaml`;
    for (let i = 2; used.has(name); i++) name = `${stem}-${i}.yaml`;
    used.add(name);
    return name;
  });
}
