import type { Path } from '@blaupause/model';
import type { ImportContext } from './context';

// What the engine (com.docker.compose.*) and the Docker driver (dev.blaupause.*, e.g. the ownership
// label dev.blaupause.managed) set on what they deploy: an imported file may not claim them.
const RESERVED = /^(com\.docker\.compose\.|dev\.blaupause\.)/;

/** The labels without reserved keys; each one dropped is reported at its path. */
export function withoutReserved(labels: Record<string, string>, path: Path, ctx: ImportContext): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(labels)) {
    if (!RESERVED.test(k)) out[k] = v;
    else ctx.unsupported([...path, k], `the label ${k} is reserved: the engine or Blaupause sets it on what it deploys.`);
  }
  return out;
}
