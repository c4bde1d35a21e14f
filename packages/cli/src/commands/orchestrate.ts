import { dirname, resolve } from 'node:path';
import type { EngineError, ProgressEvent, RolloutEvent } from '@blaupause/engine';
import { type EngineDeps, EXIT, exitCodeFor } from '../engine-deps';
import { formatEngineError } from '../engine-render';
import { readUserFile } from '../files';
import { type Io, useColor } from '../io';
import { loadInput } from '../load-input';
import type { OrchInvocation } from '../orchestrate-args';
import { formatReport } from '../render';
import { isError } from '../report';
import { ProgressPrinter } from './progress';

/**
 * `scale`, `canary`, `promote`, `abort`: the orchestrator of the Docker driver (issue 7). Progress
 * is one line per replica step; errors as the other engine commands print them; exit codes from
 * the one table (engine-deps.ts): 1 failed or rolled back, 3 engine unreachable.
 */
export async function orchestrateCommand(inv: OrchInvocation, io: Io, deps: EngineDeps): Promise<number> {
  let project = 'project' in inv ? inv.project : undefined;
  let blueprint: import('@blaupause/model').Blueprint | undefined;
  if (inv.kind === 'canary') {
    const read = readUserFile(inv.file);
    const loaded = read.ok ? loadInput(inv.file, read.text) : { diagnostics: [read.diagnostic] };
    if (!loaded.blueprint || loaded.diagnostics.some(isError)) {
      if (inv.json) io.stdout.write(`${JSON.stringify({ ok: false, diagnostics: loaded.diagnostics }, null, 2)}\n`);
      else io.stderr.write(formatReport(loaded.diagnostics, [inv.file], useColor(io, io.stderr)));
      return EXIT.failed;
    }
    blueprint = loaded.blueprint;
    project = inv.project ?? blueprint.metadata.name;
  }
  const { DockerDriver, Orchestrator } = await import('@blaupause/engine');
  const driver = await deps.driver();
  if (!(driver instanceof DockerDriver)) {
    const error: EngineError = { code: 'UNSUPPORTED', message: `${inv.kind} works on the Docker engine only.` };
    io.stderr.write(formatEngineError(error, project));
    return EXIT.failed;
  }
  const o = new Orchestrator(driver);
  const p = project as string;
  const runs: { service: string; events: AsyncIterable<ProgressEvent> }[] =
    inv.kind === 'scale'
      ? inv.changes.map((c) => ({ service: c.service, events: o.scale(p, c.service, c.replicas, { signal: deps.signal }) }))
      : inv.kind === 'canary'
        ? [
            {
              service: inv.service,
              events: o.canary(blueprint as import('@blaupause/model').Blueprint, {
                project: p,
                service: inv.service,
                baseDir: dirname(resolve(inv.file)),
                acknowledge: inv.allowDangerous,
                signal: deps.signal,
                ...(inv.replicas ? { replicas: inv.replicas } : {}),
              }),
            },
          ]
        : [
            {
              service: inv.service,
              events:
                inv.kind === 'promote'
                  ? o.promote(p, inv.service, { signal: deps.signal })
                  : o.abort(p, inv.service, { signal: deps.signal }),
            },
          ];

  const printer = inv.json ? undefined : new ProgressPrinter(io, p);
  const errors: EngineError[] = [];
  const steps: RolloutEvent[] = [];
  // One after the other: a scale of several services is several operations under the project lock.
  for (const r of runs) {
    for await (const ev of r.events) {
      if (ev.kind === 'error') errors.push(ev.error);
      if (ev.kind === 'rollout') steps.push(ev);
      printer?.event(ev);
    }
    if (errors.length) break;
  }
  printer?.end();
  if (inv.json) {
    const service = inv.kind === 'scale' ? undefined : inv.service;
    io.stdout.write(
      `${JSON.stringify({ ok: errors.length === 0, project: p, ...(service ? { service } : {}), events: steps, errors }, null, 2)}\n`,
    );
  } else if (errors.length === 0) io.stdout.write(`${summary(inv, p)}\n`);
  return exitCodeFor(errors);
}

function summary(inv: OrchInvocation, project: string): string {
  switch (inv.kind) {
    case 'scale':
      return `${inv.changes.map((c) => `${c.service}: ${c.replicas} replica${c.replicas === 1 ? '' : 's'}`).join(', ')} (project ${project}). Put the same count into the blueprint so the next deploy keeps it.`;
    case 'canary':
      return `Canary of ${inv.service} runs. Next: blaupause promote ${project} ${inv.service}   or   blaupause abort ${project} ${inv.service}`;
    case 'promote':
      return `Every replica of ${inv.service} runs the canary's version; the old containers are removed.`;
    case 'abort':
      return `The canaries of ${inv.service} are removed; the old version runs again.`;
  }
}
