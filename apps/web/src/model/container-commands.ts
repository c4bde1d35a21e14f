import {
  type Blueprint,
  type Container,
  type ContainerRole,
  DURATION,
  FORBIDDEN_KEYS,
  type Healthcheck,
  type HealthTest,
  type Service,
} from '@blaupause/model';
import { fail, ok, renameKey, updateService, withoutKey } from './doc';
import { isValidName } from './names';
import type { CommandResult } from './types';

/**
 * Edits of one container of a pod (the inspector's pod rows). A pod keeps exactly one main
 * container (validate/pods.ts): the main container stays main and cannot be removed; a helper
 * cannot become a second main.
 */

function withContainer(
  bp: Blueprint,
  service: string,
  name: string,
  fn: (s: Service, c: Container) => CommandResult<Service>,
): CommandResult<Blueprint> {
  return updateService(bp, service, (s) => {
    const c = Object.hasOwn(s.containers, name) ? s.containers[name] : undefined;
    return c ? fn(s, c) : fail(`The pod of "${service}" has no container "${name}".`);
  });
}

const setContainer = (s: Service, name: string, c: Container): Service => ({ ...s, containers: { ...s.containers, [name]: c } });

/** The volume mounts a container takes with it when it is removed: what the inspector tells before and after. */
export function mountsOf(c: Container): string[] {
  return (c.mounts ?? []).flatMap((m) => (m.type === 'volume' ? [`${m.source} at ${m.target}`] : []));
}

/**
 * Removes a helper container from the pod, and with it its mounts (they are part of the container;
 * the volumes themselves stay, as every removal leaves volumes to the user). The main container
 * cannot be removed: delete the service instead.
 */
export function removeContainer(bp: Blueprint, service: string, name: string): CommandResult<Blueprint> {
  return withContainer(bp, service, name, (s, c) =>
    c.role === 'main'
      ? fail(`"${name}" is the main container of "${service}": a pod keeps its main container (delete the service instead).`)
      : ok({ ...s, containers: withoutKey(s.containers, name) }),
  );
}

/** Renames a container in its pod, at the same position (the YAML order). */
export function renameContainer(bp: Blueprint, service: string, from: string, to: string): CommandResult<Blueprint> {
  return withContainer(bp, service, from, (s, c) => {
    if (from === to) return ok(s);
    if (!isValidName(to)) return fail(`"${to}" is not a valid container name (lower-case letters, digits and "-").`);
    if (Object.hasOwn(s.containers, to)) return fail(`The pod of "${service}" has a container "${to}" already.`);
    return ok({ ...s, containers: renameKey(s.containers, from, to, c) });
  });
}

/** Gives a helper another helper role; the main container stays main and a helper cannot become a second main. */
export function setContainerRole(bp: Blueprint, service: string, name: string, role: ContainerRole): CommandResult<Blueprint> {
  return withContainer(bp, service, name, (s, c) => {
    if (c.role === role) return ok(s);
    if (c.role === 'main') return fail(`"${name}" is the main container of "${service}" and stays main: a pod has exactly one.`);
    if (role === 'main' && Object.values(s.containers).some((o) => o.role === 'main'))
      return fail(`The pod of "${service}" has a main container already; "${name}" stays a helper.`);
    return ok(setContainer(s, name, { ...c, role }));
  });
}

/** Printable ASCII without space and "=", never a key that could alter objects (the schema's StringMap, Compose and Kubernetes accept these). */
const ENV_NAME = /^[!-<>-~]+$/;

export function envNameProblem(name: string): string | undefined {
  if (!ENV_NAME.test(name)) return 'A variable name without spaces or "=", e.g. LOG_LEVEL.';
  if (FORBIDDEN_KEYS.has(name)) return `"${name}" cannot be a variable name.`;
  return undefined;
}

/**
 * Sets an environment variable of a container: a new one goes last; with `was`, the variable of
 * that name is renamed (and given `value`) at its position. The environment stays a map, in order.
 */
export function setEnv(
  bp: Blueprint,
  service: string,
  container: string,
  name: string,
  value: string,
  was?: string,
): CommandResult<Blueprint> {
  const problem = envNameProblem(name);
  if (problem) return fail(problem);
  return withContainer(bp, service, container, (s, c) => {
    const env = c.env ?? {};
    const from = was ?? name;
    if (was !== undefined && !Object.hasOwn(env, was)) return fail(`"${container}" has no variable ${was}.`);
    if (from !== name && Object.hasOwn(env, name)) return fail(`"${container}" has a variable ${name} already.`);
    if (Object.hasOwn(env, from) && env[from] === value && from === name) return ok(s);
    const next = Object.hasOwn(env, from) ? renameKey(env, from, name, value) : { ...env, [name]: value };
    return ok(setContainer(s, container, { ...c, env: next }));
  });
}

/** Removes an environment variable; the last one takes the `env` key with it. */
export function removeEnv(bp: Blueprint, service: string, container: string, name: string): CommandResult<Blueprint> {
  return withContainer(bp, service, container, (s, c) => {
    if (!c.env || !Object.hasOwn(c.env, name)) return fail(`"${container}" has no variable ${name}.`);
    const env = withoutKey(c.env, name);
    const { env: _dropped, ...rest } = c;
    return ok(setContainer(s, container, Object.keys(env).length > 0 ? { ...c, env } : rest));
  });
}

/** The argv fields of a container: `command` replaces the image's entrypoint, `args` are its arguments. */
export type WordsField = 'command' | 'args';

/**
 * Sets a container's command or arguments, word by word (no shell splits or joins them: each word
 * is one argv entry). An empty list takes the key away: the image's own entrypoint or command again.
 */
export function setWords(
  bp: Blueprint,
  service: string,
  container: string,
  field: WordsField,
  words: readonly string[],
): CommandResult<Blueprint> {
  return withContainer(bp, service, container, (s, c) => {
    const was = c[field];
    if (was ? sameWords(was, words) : words.length === 0) return ok(s);
    if (words.length > 0) return ok(setContainer(s, container, { ...c, [field]: [...words] }));
    const { [field]: _dropped, ...rest } = c;
    return ok(setContainer(s, container, rest));
  });
}

const sameWords = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((w, i) => w === b[i]);

/** The healthcheck's fields as the inspector names them (its errors say which one is wrong). */
export const HEALTH_FIELDS = {
  test: 'Check',
  exec: 'Program',
  shell: 'Shell command',
  port: 'Port',
  path: 'Path',
  interval: 'Interval',
  timeout: 'Timeout',
  retries: 'Retries',
  startPeriod: 'Start period',
} as const;

/** The schema's rule for durations (Compose's Go syntax); the message names the field. */
export function durationProblem(field: string, value: string): string | undefined {
  return DURATION.test(value) ? undefined : `${field}: a duration such as 10s, 1m30s or 500ms.`;
}

export function retriesProblem(value: number): string | undefined {
  return Number.isInteger(value) && value >= 1 && value <= 1000 ? undefined : `${HEALTH_FIELDS.retries}: a whole number from 1 to 1000.`;
}

export function portProblem(value: number): string | undefined {
  return Number.isInteger(value) && value >= 1 && value <= 65535 ? undefined : `${HEALTH_FIELDS.port}: a whole number from 1 to 65535.`;
}

export function healthPathProblem(value: string): string | undefined {
  return value.startsWith('/') ? undefined : `${HEALTH_FIELDS.path}: starts with "/", e.g. /healthz.`;
}

function testProblem(test: HealthTest): string | undefined {
  if ('exec' in test) return test.exec.length > 0 ? undefined : `${HEALTH_FIELDS.exec}: at least one word (the program to run).`;
  if ('shell' in test) return test.shell !== '' ? undefined : `${HEALTH_FIELDS.shell}: a command, e.g. pg_isready -U postgres.`;
  if ('http' in test) {
    const { port, path, scheme } = test.http;
    if (scheme !== undefined && scheme !== 'http' && scheme !== 'https') return 'Scheme: http or https.';
    return portProblem(port) ?? (path === undefined ? undefined : healthPathProblem(path));
  }
  if ('tcp' in test) return portProblem(test.tcp.port);
  return `${HEALTH_FIELDS.test}: exec, shell, http or tcp.`;
}

/** What the schema (Healthcheck in packages/model) would refuse in a healthcheck, naming the field; checked without zod. */
export function healthcheckProblem(hc: Healthcheck): string | undefined {
  const probe = testProblem(hc.test);
  if (probe) return probe;
  for (const key of ['interval', 'timeout', 'startPeriod'] as const) {
    const v = hc[key];
    if (v !== undefined) {
      const p = durationProblem(HEALTH_FIELDS[key], v);
      if (p) return p;
    }
  }
  return hc.retries === undefined ? undefined : retriesProblem(hc.retries);
}

/** Sets (or with `null` removes) a container's healthcheck, checked with the schema's rules. */
export function setHealthcheck(
  bp: Blueprint,
  service: string,
  container: string,
  healthcheck: Healthcheck | null,
): CommandResult<Blueprint> {
  const problem = healthcheck && healthcheckProblem(healthcheck);
  if (problem) return fail(problem);
  return withContainer(bp, service, container, (s, c) => {
    if (healthcheck) return ok(setContainer(s, container, { ...c, healthcheck }));
    if (!c.healthcheck) return ok(s);
    const { healthcheck: _dropped, ...rest } = c;
    return ok(setContainer(s, container, rest));
  });
}
