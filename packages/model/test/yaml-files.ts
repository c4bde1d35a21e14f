import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** Every .yml / .yaml file below `dir`, skipping node_modules and dot folders. */
export function yamlFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    if (f === 'node_modules' || f.startsWith('.')) return [];
    if (statSync(p).isDirectory()) return yamlFiles(p);
    return /\.(ya?ml)$/.test(f) ? [p] : [];
  });
}

export function isDir(p: string): boolean {
  try {
    return statSync(p).isDirectory();
  } catch {
    return false;
  }
}
