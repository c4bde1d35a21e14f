import { type Blueprint, loadBlueprint } from '@blaupause/model';

// The reading half of the clipboard, loaded on the first paste: the schema and YAML reader here,
// the importers one step later (only for text that is not a blueprint).

export type ReadFragment = { ok: true; fragment: Blueprint; imported: boolean } | { ok: false; error: string };

/**
 * Clipboard text as something to paste: blueprint YAML (ours, or written by hand) as it is; a Compose
 * file or Kubernetes YAML through the importers, which are loaded only then (they are not needed to
 * draw). Never throws: text that is none of these says so.
 */
export async function readFragment(text: string): Promise<ReadFragment> {
  if (!text.trim()) return { ok: false, error: 'The clipboard is empty.' };
  const loaded = loadBlueprint(text, { file: 'clipboard.yaml' });
  if (loaded.blueprint) return { ok: true, fragment: loaded.blueprint, imported: false };
  const { openText } = await import('../files/open-text');
  const opened = openText(text, 'clipboard.yaml');
  if (opened.blueprint) return { ok: true, fragment: opened.blueprint, imported: opened.format === 'imported' };
  return { ok: false, error: 'The clipboard holds no blueprint, Compose file or Kubernetes YAML.' };
}
