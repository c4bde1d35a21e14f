import type { Blueprint } from '@blaupause/model';
import type { FileRole } from './manifest';

/** A file or folder a blueprint names, with where it is named (for messages) and what it is. */
export interface FileReference {
  ref: string;
  at: string;
  role: Exclude<FileRole, 'entry'>;
  /** A missing config or secret file is an error; a missing bind source is skipped (Docker would create a folder). */
  required: boolean;
}

/**
 * Every host file a blueprint names: configs' and secrets' `file`, bind mount sources and (when
 * asked) build contexts. The blueprint's own text is the entry; the caller adds `.env` for Compose.
 */
export function fileReferences(blueprint: Blueprint, opts: { withBuildContexts?: boolean } = {}): FileReference[] {
  const out: FileReference[] = [];
  for (const [name, c] of Object.entries(blueprint.configs ?? {}))
    if (c.file && !c.external) out.push({ ref: c.file, at: `configs.${name}.file`, role: 'config', required: true });
  for (const [name, s] of Object.entries(blueprint.secrets ?? {}))
    if (s.file && !s.external) out.push({ ref: s.file, at: `secrets.${name}.file`, role: 'secret', required: true });
  for (const [svc, service] of Object.entries(blueprint.services)) {
    for (const [cname, c] of Object.entries(service.containers)) {
      const at = `services.${svc}.containers.${cname}`;
      (c.mounts ?? []).forEach((m, i) => {
        if (m.type === 'bind') out.push({ ref: m.source, at: `${at}.mounts.${i}.source`, role: 'bind', required: false });
      });
      if (opts.withBuildContexts && c.build)
        out.push({ ref: c.build.context, at: `${at}.build.context`, role: 'build-context', required: true });
    }
  }
  return out;
}
