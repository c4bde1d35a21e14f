import { dirname, resolve } from 'node:path';
import type { EngineError, ImageEntry, ImageInventory, UnusedImage } from '@blaupause/engine';
import { type EngineDeps, EXIT, exitCodeFor } from '../engine-deps';
import { formatEngineError } from '../engine-render';
import { readUserFile } from '../files';
import type { ImagesInvocation } from '../images-args';
import { type Io, useColor } from '../io';
import { loadInput } from '../load-input';
import { formatReport } from '../render';
import { isError } from '../report';

/** `images FILE`: the blueprint's image inventory on the Docker engine; `--remove-unused` deletes the project's unused built images. */
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
  const r = await imageInventory(driver.docker, bp, options);
  if (!r.ok) return fail(r.error);
  let removed: UnusedImage[] | undefined;
  const errors: EngineError[] = [];
  if (inv.removeUnused) {
    const rm = await removeUnusedImages(driver.docker, bp, options);
    if (!rm.ok) return fail(rm.error);
    removed = rm.value.removed;
    for (const f of rm.value.failed) errors.push({ code: 'ENGINE_ERROR', message: `Image ${f.id.slice(7, 19)}: ${f.message}` });
  }
  if (inv.json) {
    io.stdout.write(`${JSON.stringify({ ok: errors.length === 0, ...r.value, ...(removed ? { removed } : {}), errors }, null, 2)}\n`);
    return exitCodeFor(errors);
  }
  io.stdout.write(formatInventory(r.value, removed));
  for (const e of errors) io.stderr.write(formatEngineError(e, project));
  return exitCodeFor(errors);
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
