import { type ParseArgsConfig, parseArgs } from 'node:util';
import { DNS_LABEL, DNS_LABEL_MAX, type Target } from '@blaupause/model';
import { ENGINE_COMMANDS, ENGINE_OPTIONS, type EngineCommandName, type EngineInvocation, engineInvocation } from './engine-args';
import { IMAGES_COMMANDS, IMAGES_OPTIONS, type ImagesInvocation, imagesInvocation } from './images-args';
import { ORCH_COMMANDS, ORCH_OPTIONS, type OrchCommandName, type OrchInvocation, orchInvocation } from './orchestrate-args';
import { PACKAGE_COMMANDS, PACKAGE_OPTIONS, type PackageCommandName, type PackageInvocation, packageInvocation } from './package-args';

/**
 * The command line, parsed into one of a few shapes. Mistakes come back as `usage` values
 * (never thrown), so the caller alone decides what is printed and which exit code follows.
 */
const FILE_COMMANDS = ['validate', 'compile', 'import'] as const;
export const COMMANDS = [...FILE_COMMANDS, ...ENGINE_COMMANDS, ...ORCH_COMMANDS, ...IMAGES_COMMANDS, ...PACKAGE_COMMANDS] as const;
export type CommandName = (typeof COMMANDS)[number];
type FileCommandName = (typeof FILE_COMMANDS)[number];
const TARGETS: readonly Target[] = ['compose', 'swarm', 'kubernetes'];

export type Invocation =
  | { kind: 'help'; command?: CommandName }
  | { kind: 'version' }
  | { kind: 'usage'; message: string; command?: CommandName }
  | { kind: 'validate'; files: string[]; json: boolean }
  | { kind: 'compile'; file: string; target: Target; output?: string; k8sVersion?: string; namespace?: string; json: boolean }
  | { kind: 'import'; file: string; output?: string; envFile?: string; name?: string; json: boolean }
  | { kind: 'kustomize'; file: string; dir: string; overlays?: string; k8sVersion?: string; namespace?: string; json: boolean }
  | PackageInvocation
  | EngineInvocation
  | OrchInvocation
  | ImagesInvocation;

type Options = NonNullable<ParseArgsConfig['options']>;
const common: Options = { json: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } };
const OPTIONS: Record<FileCommandName, Options> = {
  validate: common,
  compile: {
    ...common,
    target: { type: 'string', short: 't' },
    output: { type: 'string', short: 'o' },
    'k8s-version': { type: 'string' },
    namespace: { type: 'string', short: 'n' },
    overlays: { type: 'string' },
  },
  import: { ...common, output: { type: 'string', short: 'o' }, 'env-file': { type: 'string' }, name: { type: 'string' } },
};

const isCommand = (s: string | undefined): s is CommandName => (COMMANDS as readonly string[]).includes(s ?? '');
const isDnsLabel = (s: string) => s.length <= DNS_LABEL_MAX && DNS_LABEL.test(s);

export function parseCommandLine(argv: readonly string[]): Invocation {
  const [first, ...rest] = argv;
  if (first === undefined) return { kind: 'usage', message: 'no command given' };
  if (first === 'help') return helpFor(rest[0]);
  if (!first.startsWith('-') || first === '-') {
    if (!isCommand(first)) return { kind: 'usage', message: `unknown command "${first}"` };
    return parseCommand(first, rest);
  }
  // Options before any command: only --help and --version mean something there.
  const top = tryParse(argv, { help: { type: 'boolean', short: 'h' }, version: { type: 'boolean' } }, false);
  if ('message' in top) return { kind: 'usage', message: top.message };
  if (top.values.help) return { kind: 'help' };
  if (top.values.version) return { kind: 'version' };
  return { kind: 'usage', message: 'no command given' };
}

function helpFor(topic: string | undefined): Invocation {
  if (topic === undefined) return { kind: 'help' };
  return isCommand(topic) ? { kind: 'help', command: topic } : { kind: 'usage', message: `unknown command "${topic}"` };
}

function parseCommand(command: CommandName, args: readonly string[]): Invocation {
  // --help wins over every other mistake on the line, as users expect from `cmd --bad --help`.
  const end = args.indexOf('--');
  if ((end < 0 ? args : args.slice(0, end)).some((a) => a === '--help' || a === '-h')) return { kind: 'help', command };
  if ((ORCH_COMMANDS as readonly string[]).includes(command)) {
    const parsed = tryParse(args, ORCH_OPTIONS[command as OrchCommandName], true);
    if ('message' in parsed) return { kind: 'usage', message: parsed.message, command };
    const inv = orchInvocation(command as OrchCommandName, parsed.values, parsed.positionals);
    return inv.kind === 'usage' ? { ...inv, command } : inv;
  }
  if ((PACKAGE_COMMANDS as readonly string[]).includes(command)) {
    const parsed = tryParse(args, PACKAGE_OPTIONS[command as PackageCommandName], true);
    if ('message' in parsed) return { kind: 'usage', message: parsed.message, command };
    const inv = packageInvocation(command as PackageCommandName, parsed.values, parsed.positionals);
    return inv.kind === 'usage' ? { ...inv, command } : inv;
  }
  if (command === 'images') {
    const parsed = tryParse(args, IMAGES_OPTIONS.images, true);
    if ('message' in parsed) return { kind: 'usage', message: parsed.message, command };
    const inv = imagesInvocation(parsed.values, parsed.positionals);
    return inv.kind === 'usage' ? { ...inv, command } : inv;
  }
  const isEngine = (ENGINE_COMMANDS as readonly string[]).includes(command);
  const parsed = tryParse(args, isEngine ? ENGINE_OPTIONS[command as EngineCommandName] : OPTIONS[command as FileCommandName], true);
  if ('message' in parsed) return { kind: 'usage', message: parsed.message, command };
  const { values, positionals } = parsed;
  if (isEngine) {
    const inv = engineInvocation(command as EngineCommandName, values, positionals);
    return inv.kind === 'usage' ? { ...inv, command } : inv;
  }
  const json = values.json === true;
  const str = (k: string) => (typeof values[k] === 'string' ? (values[k] as string) : undefined);
  const usage = (message: string): Invocation => ({ kind: 'usage', message, command });

  if (command === 'validate')
    return positionals.length ? { kind: 'validate', files: positionals, json } : usage('validate needs at least one FILE');
  if (positionals.length !== 1) return usage(`${command} needs exactly one FILE (got ${positionals.length})`);
  const file = positionals[0] as string;
  for (const k of ['output', 'env-file', 'name', 'target', 'k8s-version', 'namespace', 'overlays'])
    if (str(k) === '') return usage(`--${k} needs a non-empty value`);

  if (command === 'import') {
    const name = str('name');
    if (name !== undefined && !isDnsLabel(name)) return usage(`--name "${name}" is not a DNS-1123 label (lower-case letters, digits, "-")`);
    return { kind: 'import', file, json, ...opt('output', str('output')), ...opt('envFile', str('env-file')), ...opt('name', name) };
  }
  return compileInvocation(file, json, str, usage);
}

function compileInvocation(
  file: string,
  json: boolean,
  str: (k: string) => string | undefined,
  usage: (m: string) => Invocation,
): Invocation {
  const target = str('target');
  if (target === undefined) return usage('compile needs --target compose|swarm|kubernetes|kustomize');
  if (target !== 'kustomize' && !(TARGETS as readonly string[]).includes(target))
    return usage(`unknown target "${target}" (use compose, swarm, kubernetes or kustomize)`);
  const k8sVersion = str('k8s-version');
  const namespace = str('namespace');
  const overlays = str('overlays');
  if (overlays !== undefined && target !== 'kustomize') return usage('--overlays applies to --target kustomize only');
  // Kubernetes-only options on another target would be silently ignored: refuse them instead.
  if (target !== 'kubernetes' && target !== 'kustomize' && (k8sVersion !== undefined || namespace !== undefined))
    return usage(`--${k8sVersion !== undefined ? 'k8s-version' : 'namespace'} applies to --target kubernetes only`);
  if (k8sVersion !== undefined && !/^1\.\d{1,3}$/.test(k8sVersion))
    return usage(`--k8s-version "${k8sVersion}" is not a version such as 1.33`);
  if (namespace !== undefined && !isDnsLabel(namespace)) return usage(`--namespace "${namespace}" is not a DNS-1123 label`);
  if (target === 'kustomize') {
    const dir = str('output');
    if (dir === undefined) return usage('--target kustomize writes a folder: name it with -o DIR');
    return {
      kind: 'kustomize',
      file,
      dir,
      json,
      ...opt('overlays', overlays),
      ...opt('k8sVersion', k8sVersion),
      ...opt('namespace', namespace),
    };
  }
  return {
    kind: 'compile',
    file,
    target: target as Target,
    json,
    ...opt('output', str('output')),
    ...opt('k8sVersion', k8sVersion),
    ...opt('namespace', namespace),
  };
}

const opt = <K extends string>(key: K, value: string | undefined) => (value === undefined ? {} : ({ [key]: value } as Record<K, string>));

type Parsed = { values: Record<string, string | boolean | (string | boolean)[] | undefined>; positionals: string[] };

function tryParse(args: readonly string[], options: Options, allowPositionals: boolean): Parsed | { message: string } {
  try {
    return parseArgs({ args: [...args], options, allowPositionals, strict: true });
  } catch (e) {
    return { message: describeParseError(e) };
  }
}

/** Node's parseArgs messages are long and mention internals; keep the part a user needs. */
function describeParseError(e: unknown): string {
  const err = e as { code?: string; message?: string };
  const message = err.message ?? String(e);
  // "Option '-o, --output <value>' argument missing" → --output; "Unknown option '-x'" → -x.
  const option = /--[A-Za-z0-9][A-Za-z0-9-]*/.exec(message)?.[0] ?? /'(-[^',]*)/.exec(message)?.[1] ?? '';
  switch (err.code) {
    case 'ERR_PARSE_ARGS_UNKNOWN_OPTION':
      return `unknown option ${option}`;
    case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE':
      return /argument missing|ambiguous/.test(message) ? `option ${option} needs a value` : `option ${option} takes no value`;
    case 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL':
      return `unexpected argument ${/'([^']*)'/.exec(message)?.[1] ?? ''}`.trim();
    default:
      return message.split('\n')[0] ?? message;
  }
}
