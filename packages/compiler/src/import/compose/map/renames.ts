import type { ImportContext, Obj } from '../context';
import { isObj } from '../context';
import { planNames, toDnsLabel } from '../names';

export const KINDS = ['services', 'volumes', 'networks', 'configs', 'secrets'] as const;
export type Kind = (typeof KINDS)[number];

const SINGULAR: Record<Kind, string> = {
  services: 'service',
  volumes: 'volume',
  networks: 'network',
  configs: 'config',
  secrets: 'secret',
};

/**
 * Compose name → blueprint name for every declared service, volume, network, config and secret.
 * Every reference goes through `of`, so a renamed element is renamed everywhere it is used.
 */
export class Renames {
  private readonly maps: Record<Kind, Map<string, string>>;

  constructor(root: Obj) {
    const names = (k: Kind) => (isObj(root[k]) ? Object.keys(root[k] as Obj).filter((n) => !n.startsWith('x-')) : []);
    this.maps = {
      services: planNames(names('services'), 'service'),
      volumes: planNames(names('volumes'), 'volume'),
      networks: planNames(names('networks'), 'network'),
      configs: planNames(names('configs'), 'config'),
      secrets: planNames(names('secrets'), 'secret'),
    };
  }

  /** The blueprint name; an undeclared name is converted the same way (validation reports it dangling). */
  of(kind: Kind, name: string): string {
    return this.maps[kind].get(name) ?? (toDnsLabel(name) || name);
  }

  /** Changed names only, per kind: what the round trip and the report need. */
  changed(): Record<Kind, Record<string, string>> {
    const out = {} as Record<Kind, Record<string, string>>;
    for (const kind of KINDS) {
      out[kind] = {};
      for (const [from, to] of this.maps[kind]) if (from !== to) out[kind][from] = to;
    }
    return out;
  }

  report(ctx: ImportContext): void {
    for (const kind of KINDS)
      for (const [from, to] of this.maps[kind])
        if (from !== to)
          ctx.approximated(
            [kind, from],
            `the ${SINGULAR[kind]} "${from}" is named "${to}": blueprint names are DNS-1123 labels (lower-case letters, digits, "-"). Every reference was renamed with it.`,
            kind === 'services' ? `Containers that reach ${from} by host name must use ${to}.` : undefined,
          );
  }
}
