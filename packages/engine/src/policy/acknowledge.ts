import type { EngineError } from '../types';
import type { DangerFinding } from './finding';

/**
 * A deploy with dangerous settings goes ahead only when the caller acknowledged every finding by id
 * (DESIGN §7): a subset is not enough. Ids acknowledged but not found are ignored, not refused: an
 * id names one element, one setting and its value, so it can never cover anything else, and a
 * CLI script or a page may keep acknowledging a setting the blueprint has since dropped.
 */
export function unacknowledged(dangers: readonly DangerFinding[], acknowledged: readonly string[] | undefined): DangerFinding[] {
  const ok = new Set(acknowledged ?? []);
  return dangers.filter((d) => !ok.has(d.id));
}

export function dangerousSettingsError(missing: readonly DangerFinding[]): EngineError {
  const first = missing[0];
  return {
    code: 'DANGEROUS_SETTINGS',
    message: `The blueprint asks for ${missing.length} dangerous setting${missing.length === 1 ? '' : 's'} that ${
      missing.length === 1 ? 'was' : 'were'
    } not acknowledged: ${missing.map((d) => d.id).join(', ')}. Nothing was created.`,
    hint: 'Check each setting; to deploy anyway, acknowledge every one by its id (in the deploy panel, or --allow-dangerous ID,… in the CLI).',
    ...(first ? { elementId: first.elementId } : {}),
    dangers: [...missing],
  };
}
