import { createHash } from 'node:crypto';
import { DEFAULT_NETWORK } from '@blaupause/compiler';
import type { Blueprint } from '@blaupause/model';
import { elementId as ids } from '@blaupause/model';
import { inBaseDir } from '../docker/create-options';
import type { EngineError, Result } from '../types';
import { ownLabels, SWARM_LABEL, stackName } from './labels';

/**
 * The stack's networks, secrets and configs (pure but for the injected file reader). Networks are
 * attachable overlays. Secrets and configs are immutable in Swarm, so their engine name carries a
 * hash of the data (`<stack>_<key>_<sha12>`): changed data makes a new object, the services move
 * to it in a rolling update, and the old one is removed once nothing uses it. Their data is read
 * here and only ever sent to the engine: no message, plan or event carries it.
 */
export interface DesiredNetwork {
  key: string;
  name: string;
  external: boolean;
  elementId: string;
  internal?: boolean | undefined;
  driver: string;
  labels: Record<string, string>;
}

export interface DesiredData {
  kind: 'secret' | 'config';
  key: string;
  name: string;
  external: boolean;
  elementId: string;
  /** Undefined for external ones (they exist already). */
  data?: Buffer;
  labels: Record<string, string>;
}

export interface ResourceContext {
  project: string;
  blueprint: Blueprint;
  baseDir?: string | undefined;
  readFile: (path: string) => Buffer;
  env: Record<string, string | undefined>;
}

export function desiredNetworks(ctx: ResourceContext, used: ReadonlySet<string>): DesiredNetwork[] {
  const declared = ctx.blueprint.networks ?? {};
  return [...used].map((key) => {
    const n = declared[key];
    return {
      key,
      name: n?.external ? key : stackName(ctx.project, key),
      external: n?.external === true,
      elementId: ids.network(key),
      internal: n?.internal,
      driver: n?.driver ?? 'overlay',
      labels: ownLabels(ctx.project, { ...(n?.labels ?? {}), [SWARM_LABEL.key]: key }),
    };
  });
}

/** Networks a service joins: its own list, or the stack's default network. */
export function joined(bp: Blueprint, networks: readonly string[]): string[] {
  const declared = bp.networks ?? {};
  return networks.filter((n) => n in declared || n === DEFAULT_NETWORK);
}

export function desiredData(ctx: ResourceContext, used: ReadonlySet<string>, kind: 'secret' | 'config'): Result<DesiredData[]> {
  const out: DesiredData[] = [];
  const declared = (kind === 'secret' ? ctx.blueprint.secrets : ctx.blueprint.configs) ?? {};
  for (const key of used) {
    const entry = declared[key] as { file?: string; content?: string; environment?: string; external?: boolean } | undefined;
    const elementId = kind === 'secret' ? ids.secret(key) : ids.config(key);
    const fail = (message: string, code: EngineError['code'] = 'INVALID_BLUEPRINT'): Result<DesiredData[]> => ({
      ok: false,
      error: { code, message: `The ${kind} "${key}" ${message}.`, elementId },
    });
    if (!entry) return fail('is mounted but not declared');
    if (entry.external) {
      out.push({ kind, key, name: key, external: true, elementId, labels: {} });
      continue;
    }
    let data: Buffer;
    if (entry.file !== undefined) {
      const path = inBaseDir(ctx.baseDir, entry.file);
      if (!path.ok) return fail(`file "${entry.file}": ${path.why}`);
      try {
        data = ctx.readFile(path.path);
      } catch (e) {
        return fail(`file "${entry.file}" cannot be read (${(e as NodeJS.ErrnoException).code ?? 'error'})`);
      }
    } else if (entry.content !== undefined) data = Buffer.from(entry.content, 'utf8');
    else if (entry.environment !== undefined) {
      const value = ctx.env[entry.environment];
      if (value === undefined) return fail(`comes from the environment variable ${entry.environment}, which is not set`);
      data = Buffer.from(value, 'utf8');
    } else return fail('has no file, content or environment variable');
    const sha = createHash('sha256').update(data).digest('hex').slice(0, 12);
    out.push({
      kind,
      key,
      name: `${stackName(ctx.project, key)}_${sha}`,
      external: false,
      elementId,
      data,
      labels: ownLabels(ctx.project, { [SWARM_LABEL.key]: key }),
    });
  }
  return { ok: true, value: out };
}
