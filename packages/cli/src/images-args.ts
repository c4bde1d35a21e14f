import type { ParseArgsConfig } from 'node:util';
import { DNS_LABEL, DNS_LABEL_MAX } from '@blaupause/model';

/**
 * `blaupause images FILE [--project NAME] [--pull] [--build] [--rebuild] [--provide] [--remove-unused] [--json]`
 * (issue 10): its options, help and how parsed values become an invocation; a bad project name is
 * a usage error (exit 2).
 */
export const IMAGES_COMMANDS = ['images'] as const;
export type ImagesCommandName = (typeof IMAGES_COMMANDS)[number];

export type ImagesInvocation = {
  kind: 'images';
  file: string;
  project?: string;
  removeUnused: boolean;
  json: boolean;
  /** --pull / --build / --provide / --rebuild: which missing images to get before listing. */
  provide?: { sources: ('pull' | 'build')[]; rebuild: boolean };
};

type Options = NonNullable<ParseArgsConfig['options']>;
export const IMAGES_OPTIONS: Record<ImagesCommandName, Options> = {
  images: {
    json: { type: 'boolean' },
    help: { type: 'boolean', short: 'h' },
    project: { type: 'string', short: 'p' },
    'remove-unused': { type: 'boolean' },
    pull: { type: 'boolean' },
    build: { type: 'boolean' },
    rebuild: { type: 'boolean' },
    provide: { type: 'boolean' },
  },
};

type Values = Record<string, string | boolean | (string | boolean)[] | undefined>;

export function imagesInvocation(values: Values, positionals: string[]): ImagesInvocation | { kind: 'usage'; message: string } {
  if (positionals.length !== 1) return { kind: 'usage', message: `images needs exactly one FILE (got ${positionals.length})` };
  const project = values.project;
  if (project !== undefined && (typeof project !== 'string' || project.length > DNS_LABEL_MAX || !DNS_LABEL.test(project)))
    return {
      kind: 'usage',
      message: `--project "${String(project)}" is not a valid name (lower-case letters, digits and "-", at most ${DNS_LABEL_MAX})`,
    };
  const rebuild = values.rebuild === true;
  const sources: ('pull' | 'build')[] = [];
  if (values.pull === true || values.provide === true) sources.push('pull');
  if (values.build === true || values.provide === true || rebuild) sources.push('build');
  return {
    kind: 'images',
    file: positionals[0] as string,
    removeUnused: values['remove-unused'] === true,
    json: values.json === true,
    ...(typeof project === 'string' ? { project } : {}),
    ...(sources.length > 0 ? { provide: { sources, rebuild } } : {}),
  };
}

export const IMAGES_HELP: Record<ImagesCommandName, string> = {
  images: `Usage: blaupause images FILE [--project NAME] [--pull] [--build] [--rebuild] [--provide]
                       [--remove-unused] [--json]

Lists the images the blueprint FILE runs on the local Docker engine: which exist (size, age),
which a deploy would pull, and which it would build from a build context (contexts resolve
inside FILE's folder). Also lists the images built for the project that no container uses
any more; --remove-unused deletes those (only images this tool built for the project).
--pull and --build get the missing images first, without deploying (progress as in deploy);
a failed image is reported (the build's failing step) and the others still run.

Options:
  -p, --project NAME      the project (default: the blueprint's name)
  --pull                  pull the missing images that come from a registry
  --build                 build the missing images that come from a build context
  --rebuild               build every build-context image again, without the layer cache
                          (running containers keep their image until they are recreated)
  --provide               both --pull and --build
  --remove-unused         delete the project's unused built images
  --json                  print { ok, project, images, unused, provided?, removed?, errors }
  -h, --help              show this help

Exit codes: 0 ok, 1 invalid blueprint or a failure (an image not pulled or built), 2 usage error,
3 engine unreachable.
`,
};
