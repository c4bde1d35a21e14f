import { TARGET_KINDS } from '@blaupause/engine';
import { DEFAULT_LIMITS, DNS_LABEL, DNS_LABEL_MAX } from '@blaupause/model';
import { z } from 'zod';

/**
 * Input shapes of the API. Names are checked against strict patterns here, before anything reaches
 * a driver or the file system (DESIGN §7); the blueprint itself is re-validated by the model.
 */
export const ProjectName = z.string().max(DNS_LABEL_MAX).regex(DNS_LABEL, 'a project name is lowercase letters, digits and -');
export const ElementName = z.string().max(DNS_LABEL_MAX).regex(DNS_LABEL, 'a name is lowercase letters, digits and -');

/** A blueprint as the canvas holds it (a document) or as a file holds it (YAML/JSON text). */
export const BlueprintInput = z.union([
  z.object({ text: z.string().max(DEFAULT_LIMITS.maxBytes) }).strict(),
  z.object({ document: z.unknown() }).strict(),
]);
export type BlueprintInput = z.infer<typeof BlueprintInput>;

export const Target = z.enum(['compose', 'swarm', 'kubernetes']);

/** A deploy target (docker when not given): which driver a plan, deploy, status or log call goes to. */
export const DeployTarget = z.enum(TARGET_KINDS).default('docker');

/** Workspace file names: no dots, no slashes, so no `..` and no hidden files; the extension is ours. */
export const WORKSPACE_NAME = /^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/;
export const WorkspaceName = z.string().regex(WORKSPACE_NAME, 'a file name is letters, digits, _ and - (at most 64)');

export const RunId = z.string().regex(/^[a-f0-9]{32}$/);

/**
 * The id of a dangerous setting the user acknowledged (`privileged:container:web/main`,
 * `bind-root:container:web/main:/`). Only a claim: the driver finds the dangers again in its own
 * payload and deploys only when every one of them is named here.
 */
export const DangerId = z
  .string()
  .max(1024)
  .regex(/^[a-z][a-z-]*:[^\u0000-\u001f\u007f]+$/, 'a dangerous-setting id such as privileged:container:web/main');
export const Acknowledge = z.array(DangerId).max(1000);
