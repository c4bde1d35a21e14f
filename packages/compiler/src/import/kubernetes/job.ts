import { elementId } from '@blaupause/model';
import { type ImportContext, type K8sObject, PENDING, type ServiceDraft } from './context';
import type { Cursor } from './reader';

/** Labels the Job controller puts on its pods and selector: written by the cluster, never carried. */
const JOB_LABEL = /^(batch\.kubernetes\.io\/)?(controller-uid|job-name)$/;
export const isJobLabel = (key: string): boolean => JOB_LABEL.test(key);

/** Job spec fields the API server fills in with these values: nothing to carry. */
const JOB_DEFAULTS = {
  completionMode: ['NonIndexed'],
  suspend: [false],
  manualSelector: [false],
  podReplacementPolicy: ['TerminatingOrFailed'],
};

/** The Job's default retry count; the emitter leaves it unset for restart on-failure. */
const DEFAULT_BACKOFF = 6;

/**
 * A batch/v1 Job → a run-to-completion service (its main container's restart says so; the pod
 * has read restartPolicy already). completions/parallelism → replicas; restartPolicy Never with
 * backoffLimit 0 → restart "no", OnFailure with the default backoffLimit → "on-failure"; Never
 * with retries (new pods) → "on-failure" with a note. Other Job settings stay unread: reported.
 */
export function readJob(o: K8sObject, spec: Cursor, s: ServiceDraft, ctx: ImportContext): void {
  const id = elementId.service(s.name);
  const selector = spec.map('selector');
  const match = selector?.strMap('matchLabels');
  // kubectl get prints the selector the controller wrote: only its own labels, nothing to carry.
  if (selector && match && Object.keys(match).every(isJobLabel) && selector.keys().every((k) => k === 'matchLabels')) spec.take('selector');
  spec.defaults(JOB_DEFAULTS);
  const completions = spec.int('completions');
  const parallelism = spec.int('parallelism');
  const replicas = completions ?? parallelism;
  if (replicas !== undefined && replicas !== 1) s.service.replicas = replicas;
  // A blueprint runs each replica once, all together: completions = parallelism. Otherwise say so.
  if ((completions ?? 1) !== (parallelism ?? 1))
    ctx.approximated(
      [...spec.path, completions === undefined ? 'parallelism' : 'completions'],
      `${o.kind} ${o.name} runs ${completions ?? 1} completion(s), ${parallelism ?? 1} at a time; the service runs its ${replicas} replicas once each, all together.`,
      id,
    );
  const main = Object.values(s.service.containers).find((c) => c !== PENDING && (c.role === undefined || c.role === 'main'));
  const backoff = spec.peek('backoffLimit') ?? DEFAULT_BACKOFF;
  if (!main?.restart || !Number.isInteger(backoff)) return; // no restartPolicy: the cluster refuses the Job; left unread
  if (main.restart === 'on-failure' && backoff === DEFAULT_BACKOFF) spec.take('backoffLimit');
  else if (main.restart === 'no' && backoff === 0) spec.take('backoffLimit');
  else if (main.restart === 'no') {
    spec.take('backoffLimit');
    main.restart = 'on-failure';
    ctx.approximated(
      spec.has('backoffLimit') ? [...spec.path, 'backoffLimit'] : [...spec.path, 'template', 'spec', 'restartPolicy'],
      `${o.kind} ${o.name} replaces a failed pod up to ${backoff} times: it became restart "on-failure"; exported again, the pod restarts in place (restartPolicy OnFailure).`,
      id,
    );
  }
}

/** CronJob fields the API server fills in with these values: nothing to carry. */
const CRONJOB_DEFAULTS = {
  concurrencyPolicy: ['Allow'],
  suspend: [false],
  successfulJobsHistoryLimit: [3],
  failedJobsHistoryLimit: [1],
};

/**
 * A CronJob's job spec (spec.jobTemplate.spec), read as a Job's. A blueprint has no schedule:
 * the task runs once when deployed, and is exported again as a Job; a warning says so.
 */
export function cronJobSpec(o: K8sObject): Cursor | undefined {
  const spec = o.root.map('spec');
  if (!spec) return undefined;
  spec.defaults(CRONJOB_DEFAULTS);
  spec.take('schedule'); // lost: scheduleNote says so once the service is named
  const template = spec.map('jobTemplate');
  template?.map('metadata')?.defaults({ creationTimestamp: [null] });
  return template?.map('spec');
}

/** The schedule a CronJob loses: a warning on the service it became. */
export function scheduleNote(o: K8sObject, s: ServiceDraft, ctx: ImportContext): void {
  const spec = o.root.peek('spec') as { schedule?: unknown } | undefined;
  const schedule = typeof spec?.schedule === 'string' ? spec.schedule : '?';
  ctx.add(
    'IMPORT_APPROXIMATED',
    'warning',
    [...o.path, 'spec', 'schedule'],
    `${o.kind} ${o.name} runs on the schedule "${schedule}"; a blueprint has no schedule: the service ${s.name} runs once, when deployed, and is exported again as a Job.`,
    {
      elementId: elementId.service(s.name),
      hint: 'Start the Job on a schedule from outside the application, or keep the CronJob beside the blueprint.',
    },
  );
}

/** A Job whose pods serve ports becomes a service with ports: exported again it is a Deployment. */
export function jobPortsNote(s: ServiceDraft, ctx: ImportContext): void {
  if ((s.object.kind !== 'Job' && s.object.kind !== 'CronJob') || !s.service.ports?.length) return;
  ctx.approximated(
    s.object.path,
    `${s.object.kind} ${s.object.name} serves ports through a Service: the service ${s.name} is a server, and is exported again as a Deployment.`,
    elementId.service(s.name),
  );
}
