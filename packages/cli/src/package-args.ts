import type { ParseArgsConfig } from 'node:util';

/**
 * `blaupause bundle FILE -o OUT.bpz [--with-build-contexts]` and `blaupause unbundle BUNDLE -d DIR`
 * (issue 10, packaging): options, help, and how parsed values become an invocation.
 */
export const PACKAGE_COMMANDS = ['bundle', 'unbundle'] as const;
export type PackageCommandName = (typeof PACKAGE_COMMANDS)[number];

export type PackageInvocation =
  | { kind: 'bundle'; file: string; output: string; withBuildContexts: boolean; json: boolean }
  | { kind: 'unbundle'; bundle: string; dir: string; json: boolean };

type Options = NonNullable<ParseArgsConfig['options']>;
const common: Options = { json: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } };
export const PACKAGE_OPTIONS: Record<PackageCommandName, Options> = {
  bundle: { ...common, output: { type: 'string', short: 'o' }, 'with-build-contexts': { type: 'boolean' } },
  unbundle: { ...common, dir: { type: 'string', short: 'd' } },
};

type Values = Record<string, string | boolean | (string | boolean)[] | undefined>;
type Usage = { kind: 'usage'; message: string };

export function packageInvocation(command: PackageCommandName, values: Values, positionals: string[]): PackageInvocation | Usage {
  const usage = (message: string): Usage => ({ kind: 'usage', message });
  const json = values.json === true;
  if (positionals.length !== 1)
    return usage(`${command} needs exactly one ${command === 'bundle' ? 'FILE' : 'BUNDLE'} (got ${positionals.length})`);
  const input = positionals[0] as string;
  if (command === 'bundle') {
    const output = values.output;
    if (typeof output !== 'string' || output === '') return usage('bundle needs -o OUT (the bundle file to write, e.g. app.bpz)');
    return { kind: 'bundle', file: input, output, withBuildContexts: values['with-build-contexts'] === true, json };
  }
  const dir = values.dir;
  if (typeof dir !== 'string' || dir === '') return usage('unbundle needs -d DIR (an empty or new folder)');
  return { kind: 'unbundle', bundle: input, dir, json };
}

export const PACKAGE_HELP: Record<PackageCommandName, string> = {
  bundle: `Usage: blaupause bundle FILE -o OUT.bpz [--with-build-contexts] [--json]

Packs the blueprint FILE (or a Compose file, or a folder holding compose.yaml) into one
self-contained file (a gzip-compressed tar): the file itself, the config and secret files it
names, its bind mount sources that exist, with --with-build-contexts its build contexts (.git
folders left out), the folder's .env for a Compose project, and a manifest
(blaupause-bundle.json: format version, every file with size and SHA-256). Every file must lie
inside FILE's folder: absolute paths, ".." and symbolic links leading out are refused; links
inside packed folders are refused too (a bundle holds no links).

Options:
  -o, --output OUT        the bundle file to write (required)
  --with-build-contexts   also pack each service's build context folder
  --json                  print { ok, problems, notes, manifest? } on stdout
  -h, --help              show this help

A bundle that holds secret files says so: keep it as safe as the secrets.
`,
  unbundle: `Usage: blaupause unbundle BUNDLE -d DIR [--json]

Unpacks a bundle made by "blaupause bundle" into DIR (which must be empty or not exist yet),
giving the blueprint folder again. Nothing is written unless the whole bundle checks out: no
name may be absolute, climb with "..", or hold a backslash; no entry may be a link or device;
every file must be in the manifest with its SHA-256; sizes are capped (64 MiB a file, 256 MiB
in all, 10,000 files). Then it prints the path of the blueprint (or Compose) file to use.

Options:
  -d, --dir DIR           the folder to unpack into (required)
  --json                  print { ok, problems, entry?, files? } on stdout
  -h, --help              show this help
`,
};
