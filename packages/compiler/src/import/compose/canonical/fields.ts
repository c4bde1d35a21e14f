import { type Build, isReservedLabel, type Path, REMOTE_REF, resolveFileRef } from '@blaupause/model';
import { dotted, type ImportContext, isObj } from '../context';
import { shellSplit } from '../shell-words';
import type { CNetworkRef, CService, RestartPolicy } from '../types';
import { readList, readListOrDict, readLiteral, readMap, readStringList, readText, typeError } from '../values';

/** `build:` as a context string or a mapping (context, dockerfile, args, target are carried). */
export function readBuild(ctx: ImportContext, v: unknown, path: Path): Build | undefined {
  if (typeof v === 'string') {
    checkProjectPath(ctx, v, path);
    return { context: v };
  }
  const b = readMap(ctx, v, path);
  if (!b) return undefined;
  const build: Build = { context: readText(ctx, b.context, [...path, 'context']) || '.' };
  if (b.context !== undefined) checkProjectPath(ctx, build.context, [...path, 'context']);
  for (const [k, value] of Object.entries(b)) {
    const p = [...path, k];
    if (k.startsWith('x-') || k === 'context') continue;
    if (k === 'dockerfile' || k === 'target') {
      const s = readText(ctx, value, p);
      if (s) build[k] = s;
    } else if (k === 'args') {
      for (const e of readListOrDict(ctx, value, p)) {
        if (e.value !== undefined) {
          build.args ??= {};
          build.args[e.key] = e.value;
        } else ctx.unsupported(e.at, `the build argument ${e.key} has no value; Compose would take it from the shell environment.`);
      }
    } else ctx.unsupported(p, `the build option "${k}" is not carried (context, dockerfile, args and target are).`);
  }
  return build;
}

/** A file reference of the project: absolute paths and ".." leave the folder the blueprint travels with (the model's resolveFileRef). */
export function checkProjectPath(ctx: ImportContext, file: string, path: Path): void {
  if (REMOTE_REF.test(file)) return; // a remote build context: kept for Compose, never built by Blaupause
  const r = resolveFileRef(file, { baseDir: '/project' });
  if (!r.ok && r.problem !== 'invalid')
    ctx.report(
      'PATH_OUTSIDE_PROJECT',
      'warning',
      path,
      `${dotted(path)}: "${file}" lies outside the project folder.`,
      'Keep files beside the Compose file, so that the blueprint can travel with them.',
    );
}

/** `command:` / `entrypoint:` as argv: a string is split into words the way Compose splits it. */
export function readArgv(ctx: ImportContext, v: unknown, path: Path): string[] | undefined {
  if (v === null || v === undefined) return undefined;
  if (typeof v !== 'string') return readStringList(ctx, v, path);
  const r = shellSplit(v);
  if (!r.ok) {
    ctx.error(
      'SCHEMA_VALUE',
      path,
      `${dotted(path)} cannot be split into words: ${r.error}.`,
      'Close the quote, or write the command as a list.',
    );
    return undefined;
  }
  if (r.rest !== undefined)
    ctx.approximated(
      path,
      `Compose runs no shell: it stops reading the command at "${r.rest}", and so does the import.`,
      'To run a shell pipeline, write ["sh", "-c", "..."].',
    );
  return r.args;
}

/**
 * `environment:`. A variable without a value is passed through from the shell running Compose;
 * the blueprint takes it from a parameter of the same name instead (or from the env given).
 */
export function readEnvironment(ctx: ImportContext, v: unknown, path: Path): Record<string, string> {
  const env: Record<string, string> = {};
  for (const e of readListOrDict(ctx, v, path)) {
    if (e.value !== undefined) env[e.key] = e.value;
    else if (ctx.options.env === undefined) {
      env[e.key] = `\${${e.key}}`;
      ctx.declare(e.key);
      ctx.approximated(e.at, `${e.key} has no value: Compose passes it through from its shell; it became \${${e.key}}, a parameter.`);
    } else if (Object.hasOwn(ctx.options.env, e.key)) env[e.key] = (ctx.options.env[e.key] as string).split('$').join('$$');
    else ctx.approximated(e.at, `${e.key} has no value and is not among the variables given; it was left out.`);
  }
  return env;
}

// The provenance labels our own Compose emitter writes: derived from the blueprint, so dropped silently
// (importing our own output must not drown the user in warnings).
const OWN_LABELS = new Set(['dev.blaupause.element', 'dev.blaupause.service', 'dev.blaupause.role']);

export function readLabels(ctx: ImportContext, v: unknown, path: Path): Record<string, string> {
  const labels: Record<string, string> = {};
  for (const e of readListOrDict(ctx, v, path)) {
    if (OWN_LABELS.has(e.key)) continue;
    if (isReservedLabel(e.key))
      ctx.unsupported(e.at, `the label ${e.key} is reserved: the engine or Blaupause sets it on what it deploys.`);
    else labels[e.key] = e.value ?? '';
  }
  return labels;
}

/** `networks:` as a list of names or a mapping name → settings (aliases, addresses: not carried). */
export function readNetworks(ctx: ImportContext, v: unknown, path: Path): CNetworkRef[] {
  if (Array.isArray(v)) {
    const out: CNetworkRef[] = [];
    v.forEach((item, i) => {
      const name = readLiteral(ctx, item, [...path, i]);
      if (name !== undefined) out.push({ name, at: [...path, i] });
    });
    return out;
  }
  const map = readMap(ctx, v, path);
  return Object.entries(map ?? {}).map(([name, settings]) => {
    const at = [...path, name];
    if (isObj(settings)) {
      for (const k of Object.keys(settings)) if (!k.startsWith('x-')) networkSetting(ctx, [...at, k], k);
    } else if (settings !== null) typeError(ctx, at, 'a mapping', settings);
    return { name, at };
  });
}

function networkSetting(ctx: ImportContext, p: Path, k: string): void {
  if (k === 'aliases') ctx.unsupported(p, 'network aliases are lost: other services reach this one by its service name only.');
  else if (k === 'priority' || k === 'gw_priority') ctx.unsupported(p, 'network priorities are not carried.', undefined, 'info');
  else ctx.unsupported(p, 'fixed addresses and per-network settings are not carried.');
}

/** `network_mode:` host → host network; service:<name> → a helper container in that service's pod. */
export function readNetworkMode(ctx: ImportContext, v: unknown, path: Path, s: CService): void {
  const mode = readLiteral(ctx, v, path);
  if (mode === undefined) return;
  if (mode === 'host') s.hostNetwork = true;
  else if (mode.startsWith('service:')) s.joins = { service: mode.slice('service:'.length), at: path };
  else
    ctx.unsupported(
      path,
      mode === 'none'
        ? 'a container without network is not carried; the service joins the project network.'
        : `the network mode "${mode}" is not carried; the service joins the project network.`,
    );
}

const RESTART = new Set(['no', 'always', 'on-failure', 'unless-stopped']);

export function readRestart(ctx: ImportContext, v: unknown, path: Path): RestartPolicy | undefined {
  const r = readLiteral(ctx, v, path);
  if (r === undefined) return undefined;
  if (RESTART.has(r)) return r as RestartPolicy;
  const m = /^on-failure:(\d+)$/.exec(r);
  if (m) {
    ctx.approximated(path, `restarts on failure without the limit of ${m[1]} attempts.`);
    return 'on-failure';
  }
  ctx.error('SCHEMA_VALUE', path, `${dotted(path)} is "${r}"; it must be no, always, on-failure or unless-stopped.`);
  return undefined;
}

/** `devices:` as "host[:container[:permissions]]" strings or {source, target, permissions}. */
export function readDevices(ctx: ImportContext, v: unknown, path: Path): string[] {
  const out: string[] = [];
  for (const [i, item] of (readList(ctx, v, path) ?? []).entries()) {
    const at = [...path, i];
    if (!isObj(item)) {
      const s = readText(ctx, item, at);
      if (s !== undefined) out.push(s);
      continue;
    }
    const source = readText(ctx, item.source, [...at, 'source']);
    const target = readText(ctx, item.target, [...at, 'target']);
    const permissions = readText(ctx, item.permissions, [...at, 'permissions']);
    if (source === undefined) ctx.error('SCHEMA_REQUIRED', [...at, 'source'], `${dotted(at)} names no device.`, undefined, at);
    else out.push([source, target ?? source, ...(permissions ? [permissions] : [])].join(':'));
  }
  return out;
}
