import type { ParseArgsConfig } from 'node:util';
import { DNS_LABEL, DNS_LABEL_MAX } from '@blaupause/model';

/**
 * `blaupause images FILE [--project NAME] [--remove-unused] [--json]` (issue 10): its options, help
 * and how parsed values become an invocation; a bad project name is a usage error (exit 2).
 */
export const IMAGES_COMMANDS = ['images'] as const;
export type ImagesCommandName = (typeof IMAGES_COMMANDS)[number];

export type ImagesInvocation = { kind: 'images'; file: string; project?: string; removeUnused: boolean; json: boolean };

type Options = NonNullable<ParseArgsConfig['options']>;
export const IMAGES_OPTIONS: Record<ImagesCommandName, Options> = {
  images: {
    json: { type: 'boolean' },
    help: { type: 'boolean', short: 'h' },
    project: { type: 'string', short: 'p' },
    'remove-unused': { type: 'boolean' },
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
  return {
    kind: 'images',
    file: positionals[0] as string,
    removeUnused: values['remove-unused'] === true,
    json: values.json === true,
    ...(typeof project === 'string' ? { project } : {}),
  };
}

export const IMAGES_HELP: Record<ImagesCommandName, string> = {
  images: `Usage: blaupause images FILE [--project NAME] [--remove-unused] [--json]

Lists the images the blueprint FILE runs on the local Docker engine: which exist (size, age),
which a deploy would pull, and which it would build from a build context (contexts resolve
inside FILE's folder). Also lists the images built for the project that no container uses
any more; --remove-unused deletes those (only images this tool built for the project).

Options:
  -p, --project NAME      the project (default: the blueprint's name)
  --remove-unused         delete the project's unused built images
  --json                  print { ok, project, images, unused, removed?, errors }
  -h, --help              show this help

Exit codes: 0 ok, 1 invalid blueprint or a failure, 2 usage error, 3 engine unreachable.
`,
};
