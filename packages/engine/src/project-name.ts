import { PROJECT_NAME } from './docker/labels';
import type { EngineError } from './types';

/**
 * The project-name check every driver makes before it reads or changes anything: a DNS-1123 label
 * (PROJECT_NAME) of at most `maxLength` characters — 63 where the name is a resource prefix of its
 * own (Docker, Swarm), less where the driver appends to it (Podman's `<project>-<workload>` pods).
 */
export function checkProjectName(project: string, maxLength = 63): EngineError | undefined {
  if (PROJECT_NAME.test(project) && project.length <= maxLength) return undefined;
  return {
    code: 'INVALID_NAME',
    message: `"${project}" is not a valid project name.`,
    hint: `Use lower-case letters, digits and "-", starting and ending with a letter or digit (at most ${maxLength}).`,
  };
}
