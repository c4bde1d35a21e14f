import { dirname, resolve } from 'node:path';
import type {
  DeployPlan,
  DockerDriver,
  EngineError,
  ImageEntry,
  ImageInventory,
  ProvideReport,
  ResourceAction,
  UnusedImage,
} from '@blaupause/engine';
import type { Blueprint } from '@blaupause/model';
import { type EngineDeps, EXIT, exitCodeFor } from '../engine-deps';
import { formatEngineError } from '../engine-render';
import { readUserFile } from '../files';
import type { ImagesInvocation } from '../images-args';
import { type Io, useColor } from '../io';
import { loadInput } from '../load-input';
import { formatReport, sanitize } from '../render';
import { isError } from '../report';
import { ProgressPrinter } from './progress';

/**
 * `images FILE`: the blueprint's image inventory on the Docker engine; `--pull` / `--build` /
 * `--rebuild` get the missing (or all build-context) images first, `--remove-unused` deletes the
 * project's unused built images.
 */
export async function imagesCommand(inv: ImagesInvocation, io: Io, deps: EngineDeps): Promise<number> {
  const read = readUserFile(inv.file);
  const loaded = read.ok ? loadInput(inv.file, read.text) : { diagnostics: [read.diagnostic], blueprint: undefined };
  const bp = loaded.blueprint;
  if (!bp || loaded.diagnostics.some(isError)) {
    if (inv.json) io.stdout.write(`${JSON.stringify({ ok: false, diagnostics: loaded.diagnostics }, null, 2)}\n`);
    else io.stderr.write(formatReport(loaded.diagnostics, [inv.file], useColor(io, io.stderr)));
    return EXIT.failed;
  }
  const project = inv.project ?? bp.metadata.name;
  const { DockerDriver, imageInventory, removeUnusedImages } = await import('@blaupause/engine');
  const driver = await deps.driver();
  const fail = (error: EngineError): number => {
    if (inv.json) io.stdout.write(`${JSON.stringify({ ok: false, project, errors: [error] }, null, 2)}\n`);
    else io.stderr.write(formatEngineError(error, project));
    return exitCodeFor([error]);
  };
  if (!(driver instanceof DockerDriver)) return fail({ code: 'UNSUPPORTED', message: 'images works on the Docker engine only.' });
  const options = { project, baseDir: dirname(resolve(inv.file)), endpoint: driver.endpoint };
  const errors: EngineError[] = [];
  let provided: ProvideReport | undefined;
  if (inv.provide) {
    const got = await provide(driver, bp, { ...options, ...inv.provide, signal: deps.signal }, inv.json ? undefined : io);
    // Refused before any image (BUSY, an unreachable engine): the progress printed why.
    if (!got.report) {
      const error = got.errors[0] ?? { code: 'ENGINE_ERROR' as const, message: 'Providing the images failed.' };
      return inv.json ? fail(error) : exitCodeFor([error]);
    }
    // Text: the progress has printed the failures already; --json lists them below.
    errors.push(...got.errors);
    provided = got.report;
  }
  const printed = errors.length;
  const r = await imageInventory(driver.docker, bp, options);
  if (!r.ok) return fail(r.error);
  let removed: UnusedImage[] | undefined;
  if (inv.removeUnused) {
    const rm = await removeUnusedImages(driver.docker, bp, options);
    if (!rm.ok) return fail(rm.error);
    removed = rm.value.removed;
    for (const f of rm.value.failed) errors.push({ code: 'ENGINE_ERROR', message: `Image ${f.id.slice(7, 19)}: ${f.message}` });
  }
  if (inv.json) {
    const body = {
      ok: errors.length === 0,
      ...r.value,
      ...(provided ? { provided: provided.provided } : {}),
      ...(removed ? { removed } : {}),
    };
    io.stdout.write(`${JSON.stringify({ ...body, errors }, null, 2)}\n`);
    return exitCodeFor(errors);
  }
  io.stdout.write(formatInventory(r.value, removed));
  for (const e of errors.slice(printed)) io.stderr.write(formatEngineError(e, project));
  return exitCodeFor(errors);
}

/**
 * Pulls / builds under the driver's project lock, progress as deploy prints it (pull and build
 * lines, errors with their hint); the plan and each image's outcome in this command's own words.
 */
async function provide(
  driver: DockerDriver,
  bp: Blueprint,
  options: { project: string; baseDir: string; sources: ('pull' | 'build')[]; rebuild: boolean; signal: AbortSignal },
  io: Io | undefined,
): Promise<{ report?: ProvideReport; errors: EngineError[] }> {
  const { provideImagesExclusive } = await import('@blaupause/engine');
  const printer = io && new ProgressPrinter(io, options.project);
  const errors: EngineError[] = [];
  const got: { report?: ProvideReport } = {};
  const started = new Map<string, number>();
  for await (const ev of provideImagesExclusive(driver, bp, options, (r) => {
    got.report = r;
  })) {
    if (ev.kind === 'error') errors.push(ev.error);
    if (!io || !printer) continue;
    if (ev.kind === 'plan') io.stdout.write(formatProvidePlan(ev.plan, options.project));
    else if (ev.kind === 'step') {
      const a = ev.action;
      if (!('resource' in a)) continue;
      if (ev.phase === 'started') started.set(a.name, ev.at);
      else {
        printer.end(); // a pull line open on the terminal ends first
        io.stdout.write(`${stepLine(a, ev.phase === 'failed', ev.at - (started.get(a.name) ?? ev.at))}\n`);
      }
    } else printer.event(ev);
  }
  printer?.end();
  return { ...got, errors };
}

/** What provide will do: one line per image (`build`, `rebuild`, `pull`), or that nothing is missing. */
export function formatProvidePlan(plan: DeployPlan, project: string): string {
  if (plan.resources.length === 0) return `Nothing to pull or build for project ${sanitize(project)}: every image is present.\n`;
  const lines = [`Images to provide for project ${sanitize(project)}:`];
  for (const r of plan.resources) lines.push(`  ${(r.reason ?? 'pull').padEnd(11)}${sanitize(r.name)}`);
  return `${lines.join('\n')}\n`;
}

function stepLine(a: ResourceAction, failed: boolean, ms: number): string {
  const built = a.reason !== 'pull';
  if (failed) return `  FAILED     ${built ? 'build' : 'pull'} ${sanitize(a.name)}`;
  return `  ${(built ? 'built' : 'pulled').padEnd(11)}${sanitize(a.name)} (${(ms / 1000).toFixed(1)} s)`;
}

export function formatInventory(inv: ImageInventory, removed?: UnusedImage[], now = Date.now()): string {
  const lines = [`Images of project ${inv.project}:`];
  for (const i of inv.images)
    lines.push(`  ${state(i)}  ${i.reference}${sizeAge(i.sizeBytes, i.createdAt, now)}  (${i.elementIds.join(', ')})`);
  const gone = new Set((removed ?? []).map((u) => u.id));
  const left = inv.unused.filter((u) => !gone.has(u.id));
  if (removed?.length) {
    lines.push(`Removed ${removed.length} unused built image${removed.length === 1 ? '' : 's'}:`);
    for (const u of removed) lines.push(`  ${u.tags.join(', ') || u.id.slice(7, 19)}${sizeAge(u.sizeBytes, u.createdAt, now)}`);
  }
  if (left.length) {
    lines.push(`Unused images built for ${inv.project} (blaupause images FILE --remove-unused deletes them):`);
    for (const u of left) lines.push(`  ${u.tags.join(', ') || u.id.slice(7, 19)}${sizeAge(u.sizeBytes, u.createdAt, now)}`);
  }
  return `${lines.join('\n')}\n`;
}

function state(i: ImageEntry): string {
  if (i.present) return i.source === 'build' ? 'built  ' : 'present';
  return i.action === 'build' ? 'build  ' : 'pull   ';
}

function sizeAge(size: number | undefined, created: number | undefined, now: number): string {
  if (size === undefined || created === undefined) return '';
  return `  ${(size / 1e6).toFixed(1)} MB, ${age(now - created)} old`;
}

function age(ms: number): string {
  const s = Math.max(0, Math.round(ms / 1000));
  if (s < 120) return `${s} s`;
  if (s < 7200) return `${Math.round(s / 60)} min`;
  if (s < 172_800) return `${Math.round(s / 3600)} h`;
  return `${Math.round(s / 86_400)} days`;
}
