import { elementId } from '@blaupause/model';
import { tag } from '../../yaml';
import { type KubeContext, type Obj, objectMeta } from './context';

/**
 * Configs: `content` becomes a ConfigMap with one key named after the config (pods mount that key
 * with subPath). The compiler reads no files, so a `file` config gets a note with the command
 * that creates the same ConfigMap; an external one is expected to exist with that key.
 */
export function configMaps(k: KubeContext): Obj[] {
  const out: Obj[] = [];
  for (const [name, c] of Object.entries(k.blueprint.configs ?? {})) {
    const id = elementId.config(name);
    if (c.content !== undefined) {
      out.push(tag({ apiVersion: 'v1', kind: 'ConfigMap', metadata: objectMeta(k, name, name), data: { [name]: c.content } }, id));
    } else if (c.file !== undefined) {
      k.note(
        'approximated',
        ['configs', name, 'file'],
        id,
        `Config ${name} is read from ${c.file}, which the compiler does not read: create ConfigMap ${name} before deploying.`,
        `kubectl create configmap ${name} --from-file=${name}=${c.file}`,
      );
    } else if (c.external) {
      k.note(
        'approximated',
        ['configs', name, 'external'],
        id,
        `External config ${name} must exist as ConfigMap ${name} with a key "${name}".`,
      );
    }
  }
  return out;
}

/**
 * Secrets: values never enter the output. Pods reference Secret `<name>` (key `<name>`); a note
 * gives the command that creates it from the file or the environment variable at deploy time.
 */
export function secretNotes(k: KubeContext): void {
  for (const [name, s] of Object.entries(k.blueprint.secrets ?? {})) {
    const id = elementId.secret(name);
    const from =
      s.file !== undefined
        ? `--from-file=${name}=${s.file}`
        : s.environment !== undefined
          ? `--from-literal=${name}="$${s.environment}"`
          : undefined;
    if (from)
      k.note(
        'approximated',
        ['secrets', name, s.file !== undefined ? 'file' : 'environment'],
        id,
        `Secret values never appear in the output: create Secret ${name} before deploying.`,
        `kubectl create secret generic ${name} ${from}`,
      );
    else if (s.external)
      k.note(
        'approximated',
        ['secrets', name, 'external'],
        id,
        `External secret ${name} must exist as Secret ${name} with a key "${name}".`,
      );
  }
}
