import { parse, stringify } from 'yaml';

/**
 * Our Compose emitter's output, made acceptable to docker-compose 1.29 (v1), which predates some
 * keys of the Compose Specification: the top-level `name` (the project name is passed with -p
 * instead) and `required` / `restart` under depends_on (v1 knows only `condition`). Nothing else
 * changes, so both sides deploy the same services, links and healthchecks. Says what it stripped.
 */
export function composeForV1(text: string): { text: string; changes: string[] } {
  const doc = parse(text) as { name?: string; services?: Record<string, { depends_on?: Record<string, Record<string, unknown>> }> };
  const changes = new Set<string>();
  if (doc.name !== undefined) {
    delete doc.name;
    changes.add('top-level `name` removed (the project name is given with -p)');
  }
  for (const svc of Object.values(doc.services ?? {}))
    for (const dep of Object.values(svc.depends_on ?? {}))
      for (const key of ['required', 'restart'])
        if (key in dep) {
          delete dep[key];
          changes.add(`depends_on.${key} removed`);
        }
  return { text: stringify(doc), changes: [...changes] };
}
