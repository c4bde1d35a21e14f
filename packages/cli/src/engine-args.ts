import type { ParseArgsConfig } from 'node:util';
import type { TargetKind } from '@blaupause/engine';
import { DNS_LABEL, DNS_LABEL_MAX } from '@blaupause/model';

/**
 * The commands that talk to a container engine (deploy, plan, status, down, logs) and `serve`:
 * their options and how their parsed values become an invocation. Names are checked here, before
 * any engine is contacted, so a typo is a usage error (exit 2), not an engine round trip.
 */
export const ENGINE_COMMANDS = ['deploy', 'plan', 'status', 'down', 'logs', 'serve'] as const;
export type EngineCommandName = (typeof ENGINE_COMMANDS)[number];

/** The deploy targets a command can name with --target (docker when not given). */
export const TARGETS: readonly TargetKind[] = ['docker', 'swarm', 'podman-kube', 'kubernetes'];

export type EngineInvocation =
  | { kind: 'deploy'; file: string; project?: string; allowDangerous: string[]; json: boolean; target?: TargetKind; context?: string }
  | { kind: 'plan'; file: string; project?: string; json: boolean; target?: TargetKind; context?: string }
  | { kind: 'status'; project?: string; watch: boolean; json: boolean; target?: TargetKind; context?: string }
  | { kind: 'down'; project: string; volumes: string[] | 'all'; json: boolean; target?: TargetKind; context?: string }
  | {
      kind: 'logs';
      project: string;
      service: string;
      container?: string;
      tail?: number;
      follow: boolean;
      json: boolean;
      target?: TargetKind;
      context?: string;
    }
  | { kind: 'serve'; port?: number };

type Options = NonNullable<ParseArgsConfig['options']>;
const common: Options = {
  json: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
  target: { type: 'string', short: 't' },
  context: { type: 'string' },
};
const project: Options = { project: { type: 'string', short: 'p' } };

export const ENGINE_OPTIONS: Record<EngineCommandName, Options> = {
  // Repeatable and comma-separated: one id per dangerous setting (DESIGN §7: itemised, never "all").
  deploy: { ...common, ...project, 'allow-dangerous': { type: 'string', multiple: true } },
  plan: { ...common, ...project },
  status: { ...common, watch: { type: 'boolean', short: 'w' } },
  down: { ...common, volumes: { type: 'string' }, 'all-volumes': { type: 'boolean' } },
  logs: {
    ...common,
    container: { type: 'string', short: 'c' },
    tail: { type: 'string', short: 'n' },
    follow: { type: 'boolean', short: 'f' },
  },
  serve: { help: common.help as Options[string], port: { type: 'string' } },
};

type Values = Record<string, string | boolean | (string | boolean)[] | undefined>;
type Usage = { kind: 'usage'; message: string };

const isName = (s: string) => s.length <= DNS_LABEL_MAX && DNS_LABEL.test(s);
const nameProblem = (what: string, s: string): Usage => ({
  kind: 'usage',
  message: `${what} "${s}" is not a valid name (lower-case letters, digits and "-", at most ${DNS_LABEL_MAX})`,
});

export function engineInvocation(command: EngineCommandName, values: Values, positionals: string[]): EngineInvocation | Usage {
  const inv = invocation(command, values, positionals);
  if (inv.kind === 'usage' || inv.kind === 'serve') return inv;
  const t = values.target;
  const context = values.context;
  if (context !== undefined && (t !== 'kubernetes' || typeof context !== 'string' || context === ''))
    return { kind: 'usage', message: '--context NAME (a kubeconfig context) goes with --target kubernetes' };
  if (t === undefined) return inv;
  if (typeof t !== 'string' || !(TARGETS as readonly string[]).includes(t))
    return { kind: 'usage', message: `--target "${String(t)}" is not a target (${TARGETS.join(', ')})` };
  return { ...inv, target: t as TargetKind, ...(typeof context === 'string' ? { context } : {}) };
}

type Untargeted = EngineInvocation extends infer I ? (I extends { target?: TargetKind } ? Omit<I, 'target' | 'context'> : I) : never;

function invocation(command: EngineCommandName, values: Values, positionals: string[]): Untargeted | Usage {
  const json = values.json === true;
  const str = (k: string) => (typeof values[k] === 'string' ? (values[k] as string) : undefined);
  const usage = (message: string): Usage => ({ kind: 'usage', message });
  for (const k of ['project', 'volumes', 'container', 'tail', 'port']) if (str(k) === '') return usage(`--${k} needs a non-empty value`);
  const count = (n: number, what: string) =>
    positionals.length === n
      ? undefined
      : usage(`${command} needs ${what} (got ${positionals.length} argument${positionals.length === 1 ? '' : 's'})`);

  switch (command) {
    case 'deploy':
    case 'plan': {
      const wrong = count(1, 'exactly one FILE');
      if (wrong) return wrong;
      const p = str('project');
      if (p !== undefined && !isName(p)) return nameProblem('--project', p);
      const base = { file: positionals[0] as string, json, ...(p ? { project: p } : {}) };
      if (command === 'plan') return { kind: 'plan', ...base };
      const allowDangerous = ((values['allow-dangerous'] as string[] | undefined) ?? []).flatMap((v) => v.split(',')).map((v) => v.trim());
      if (allowDangerous.some((v) => v === '')) return usage('--allow-dangerous needs the ids of dangerous settings (see blaupause plan)');
      return { kind: 'deploy', ...base, allowDangerous };
    }
    case 'status': {
      if (positionals.length > 1) return usage(`status takes at most one PROJECT (got ${positionals.length})`);
      const p = positionals[0];
      if (p !== undefined && !isName(p)) return nameProblem('project', p);
      return { kind: 'status', watch: values.watch === true, json, ...(p ? { project: p } : {}) };
    }
    case 'down':
      return downInvocation(values, positionals, json, usage);
    case 'logs': {
      const wrong = count(2, 'PROJECT and SERVICE');
      if (wrong) return wrong;
      const [p, service] = positionals as [string, string];
      for (const [what, s] of [
        ['project', p],
        ['service', service],
        ['--container', str('container')],
      ] as const)
        if (s !== undefined && !isName(s)) return nameProblem(what, s);
      const tailText = str('tail');
      if (tailText !== undefined && !/^\d{1,7}$/.test(tailText)) return usage(`--tail "${tailText}" is not a number of lines`);
      const container = str('container');
      return {
        kind: 'logs',
        project: p,
        service,
        follow: values.follow === true,
        json,
        ...(container ? { container } : {}),
        ...(tailText !== undefined ? { tail: Number(tailText) } : {}),
      };
    }
    case 'serve': {
      if (positionals.length) return usage(`serve takes no arguments (got ${positionals[0]})`);
      const portText = str('port');
      if (portText === undefined) return { kind: 'serve' };
      const port = /^\d{1,5}$/.test(portText) ? Number(portText) : Number.NaN;
      if (!(port >= 1 && port <= 65535)) return usage(`--port "${portText}" is not a port number (1–65535)`);
      return { kind: 'serve', port };
    }
  }
}

function downInvocation(values: Values, positionals: string[], json: boolean, usage: (m: string) => Usage): Untargeted | Usage {
  if (positionals.length !== 1) return usage(`down needs exactly one PROJECT (got ${positionals.length})`);
  const p = positionals[0] as string;
  if (!isName(p)) return nameProblem('project', p);
  const list = typeof values.volumes === 'string' ? values.volumes : undefined;
  // Deleting data is never implied: both forms are explicit, and together they would be ambiguous.
  if (list !== undefined && values['all-volumes'] === true) return usage('use either --volumes NAME,... or --all-volumes, not both');
  if (values['all-volumes'] === true) return { kind: 'down', project: p, volumes: 'all', json };
  const volumes = (list ?? '')
    .split(',')
    .map((v) => v.trim())
    .filter((v) => v !== '');
  if (list !== undefined && volumes.length === 0) return usage('--volumes needs at least one volume name');
  const bad = volumes.find((v) => !/^[A-Za-z0-9][A-Za-z0-9_.-]{0,62}$/.test(v));
  if (bad !== undefined) return usage(`--volumes: "${bad}" is not a volume name`);
  return { kind: 'down', project: p, volumes, json };
}
