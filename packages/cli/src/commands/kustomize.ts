import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { kustomize, type OverlaySpec } from '@blaupause/compiler';
import { readYaml } from '@blaupause/model';
import { readUserFile } from '../files';
import { type Io, useColor } from '../io';
import { formatReport } from '../render';
import { isError, reported } from '../report';
import { compileCommand } from './compile';

export interface KustomizeArgs {
  file: string;
  dir: string;
  overlays?: string;
  k8sVersion?: string;
  namespace?: string;
  json: boolean;
}

/**
 * `blaupause compile FILE --target kustomize -o DIR`: the Kubernetes manifests as compile writes
 * them, cut into a Kustomize base, plus overlays: from --overlays FILE (YAML: env → { replicas,
 * images, resources }) or the default dev/prod pair. Files in DIR with the same names are replaced.
 */
export function kustomizeCommand(args: KustomizeArgs, io: Io): number {
  const compiled = compileCommand({
    file: args.file,
    target: 'kubernetes',
    ...(args.k8sVersion ? { k8sVersion: args.k8sVersion } : {}),
    ...(args.namespace ? { namespace: args.namespace } : {}),
  });
  const files = [...compiled.files, ...(args.overlays ? [args.overlays] : [])];
  const diagnostics = [...compiled.diagnostics];
  let spec: Record<string, OverlaySpec> | undefined;
  if (args.overlays) {
    const read = readUserFile(args.overlays);
    if (!read.ok) diagnostics.push(read.diagnostic);
    else {
      const yaml = readYaml(read.text, { file: args.overlays });
      if (!yaml.ok) diagnostics.push(...reported(args.overlays, yaml.diagnostics));
      else spec = yaml.value.value as Record<string, OverlaySpec>;
    }
  }
  const failed = compiled.output === undefined || diagnostics.some(isError);
  if (failed || args.json === false) {
    if (diagnostics.length) io.stderr.write(formatReport(diagnostics, files, useColor(io, io.stderr)));
    if (failed) return done(io, args.json, { ok: false, diagnostics });
  }
  if (spec !== undefined && (typeof spec !== 'object' || spec === null || Array.isArray(spec)))
    return problem(io, args, [`${args.overlays}: expected a mapping of overlay names to { replicas, images, resources }`]);
  const result = kustomize(compiled.output ?? '', spec);
  if (!result.ok)
    return problem(
      io,
      args,
      result.problems.map((p) => `${args.overlays ?? 'overlays'}: ${p.path.join('.')}: ${p.message}`),
    );
  try {
    for (const f of result.files) {
      mkdirSync(dirname(join(args.dir, f.path)), { recursive: true });
      writeFileSync(join(args.dir, f.path), f.content);
    }
  } catch (e) {
    return problem(io, args, [`cannot write into ${args.dir} (${(e as { code?: string }).code ?? 'unknown error'})`]);
  }
  const overlays = [...new Set(result.files.filter((f) => f.path.startsWith('overlays/')).map((f) => f.path.split('/')[1]))];
  if (args.json) return done(io, true, { ok: true, diagnostics, files: result.files.map((f) => f.path) });
  io.stderr.write(`Wrote ${result.files.length} files to ${args.dir}: base/, ${overlays.map((o) => `overlays/${o}/`).join(', ')}.\n`);
  return 0;
}

function done(io: Io, json: boolean, body: { ok: boolean } & Record<string, unknown>): number {
  if (json) io.stdout.write(`${JSON.stringify(body, null, 2)}\n`);
  return body.ok ? 0 : 1;
}

function problem(io: Io, args: KustomizeArgs, problems: string[]): number {
  if (args.json) return done(io, true, { ok: false, problems });
  io.stderr.write(problems.map((p) => `blaupause: ${p}\n`).join(''));
  return 1;
}
