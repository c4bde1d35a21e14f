import type { ParseArgsConfig } from 'node:util';
import { DNS_LABEL, DNS_LABEL_MAX } from '@blaupause/model';

/**
 * The orchestration commands (issue 7, Docker engine): scale, canary, promote, abort. Their
 * options, help and how parsed values become an invocation; names are checked before any engine
 * is contacted, so a typo is a usage error (exit 2).
 */
export const ORCH_COMMANDS = ['scale', 'canary', 'promote', 'abort'] as const;
export type OrchCommandName = (typeof ORCH_COMMANDS)[number];

export type OrchInvocation =
  | { kind: 'scale'; project: string; changes: { service: string; replicas: number }[]; json: boolean }
  | { kind: 'canary'; file: string; project?: string; service: string; replicas?: number; allowDangerous: string[]; json: boolean }
  | { kind: 'promote' | 'abort'; project: string; service: string; json: boolean };

type Options = NonNullable<ParseArgsConfig['options']>;
const common: Options = { json: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } };

export const ORCH_OPTIONS: Record<OrchCommandName, Options> = {
  scale: common,
  canary: {
    ...common,
    project: { type: 'string', short: 'p' },
    service: { type: 'string', short: 's' },
    replicas: { type: 'string', short: 'r' },
    'allow-dangerous': { type: 'string', multiple: true },
  },
  promote: common,
  abort: common,
};

type Values = Record<string, string | boolean | (string | boolean)[] | undefined>;
type Usage = { kind: 'usage'; message: string };
const usage = (message: string): Usage => ({ kind: 'usage', message });
const isName = (s: string) => s.length <= DNS_LABEL_MAX && DNS_LABEL.test(s);
const badName = (what: string, s: string): Usage =>
  usage(`${what} "${s}" is not a valid name (lower-case letters, digits and "-", at most ${DNS_LABEL_MAX})`);

export function orchInvocation(command: OrchCommandName, values: Values, positionals: string[]): OrchInvocation | Usage {
  const json = values.json === true;
  const str = (k: string) => (typeof values[k] === 'string' ? (values[k] as string) : undefined);
  if (command === 'scale') {
    const [project, ...pairs] = positionals;
    if (project === undefined || pairs.length === 0) return usage('scale needs PROJECT and at least one SERVICE=N');
    if (!isName(project)) return badName('project', project);
    const changes: { service: string; replicas: number }[] = [];
    for (const p of pairs) {
      const m = /^([^=]+)=(\d{1,5})$/.exec(p);
      if (!m) return usage(`"${p}" is not SERVICE=N (e.g. web=3)`);
      const [, service = '', n = ''] = m;
      if (!isName(service)) return badName('service', service);
      if (Number(n) > 10_000) return usage(`${service}=${n}: at most 10000 replicas`);
      if (changes.some((c) => c.service === service)) return usage(`service "${service}" is named twice`);
      changes.push({ service, replicas: Number(n) });
    }
    return { kind: 'scale', project, changes, json };
  }
  if (command === 'canary') {
    if (positionals.length !== 1) return usage(`canary needs exactly one FILE (got ${positionals.length} arguments)`);
    const service = str('service');
    if (!service) return usage('canary needs --service SERVICE');
    if (!isName(service)) return badName('--service', service);
    const project = str('project');
    if (project !== undefined && !isName(project)) return badName('--project', project);
    const r = str('replicas');
    if (r !== undefined && !/^[1-9]\d{0,4}$/.test(r)) return usage(`--replicas "${r}" is not a number of replicas (1 or more)`);
    const allowDangerous = ((values['allow-dangerous'] as string[] | undefined) ?? []).flatMap((v) => v.split(',')).map((v) => v.trim());
    if (allowDangerous.some((v) => v === '')) return usage('--allow-dangerous needs the ids of dangerous settings (see blaupause plan)');
    return {
      kind: 'canary',
      file: positionals[0] as string,
      service,
      allowDangerous,
      json,
      ...(project ? { project } : {}),
      ...(r ? { replicas: Number(r) } : {}),
    };
  }
  if (positionals.length !== 2) return usage(`${command} needs PROJECT and SERVICE (got ${positionals.length} arguments)`);
  const [project, service] = positionals as [string, string];
  if (!isName(project)) return badName('project', project);
  if (!isName(service)) return badName('service', service);
  return { kind: command, project, service, json };
}

const ENGINE = `Docker engine only (DOCKER_HOST, else /var/run/docker.sock); exit code 3 when it cannot be reached.`;

export const ORCH_HELP: Record<OrchCommandName, string> = {
  scale: `Usage: blaupause scale PROJECT SERVICE=N [SERVICE=N ...] [--json]

Adds or removes replicas of a deployed service without touching the others: new replicas are
copies of a running one (same image, settings and limits) and must turn healthy; the highest
replica numbers are removed first. Every replica answers under the service's name on the
project network (DNS round robin). SERVICE=0 stops the last replica and keeps it.
Put the same count into the blueprint (replicas:) so the next deploy keeps it.

Options:
  --json                  print { ok, project, events, errors }
  -h, --help              show this help

${ENGINE}

Example:
  blaupause scale shop web=3 worker=2
`,
  canary: `Usage: blaupause canary FILE --service SERVICE [--replicas K] [--project NAME] [--json]

Runs FILE's version of SERVICE on K of its running replicas (default: the blueprint's
rollout.canary.replicas, else 1), beside the old version on the others. Each canary must turn
healthy, else it is rolled back at once. The old containers of those replicas are kept, stopped,
until you decide:
  blaupause promote PROJECT SERVICE    roll the new version out to every replica
  blaupause abort PROJECT SERVICE      remove the canaries; the old containers run again

Options:
  -s, --service SERVICE   the service to try the new version on
  -r, --replicas K        how many replicas run the canary (fewer than all)
  -p, --project NAME      the project (default: the blueprint's metadata.name)
  --allow-dangerous ID,…  acknowledge dangerous settings by id (see blaupause plan)
  --json                  print { ok, project, service, events, errors }
  -h, --help              show this help

${ENGINE}
`,
  promote: `Usage: blaupause promote PROJECT SERVICE [--json]

Rolls the canary's version of SERVICE out to its other replicas (start-first, one at a time;
rolled back if a replica does not turn healthy), then removes the old containers kept aside.

Options:
  --json                  print { ok, project, service, events, errors }
  -h, --help              show this help

${ENGINE}
`,
  abort: `Usage: blaupause abort PROJECT SERVICE [--json]

Removes the canaries of SERVICE and starts the old containers kept aside again: the old
version runs exactly as before (the same containers).

Options:
  --json                  print { ok, project, service, events, errors }
  -h, --help              show this help

${ENGINE}
`,
};
