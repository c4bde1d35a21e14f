import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type Blueprint, loadBlueprint } from '@blaupause/model';
import { ensurePodman, ensurePodmanImages, TEST_IMAGE } from '../../../../scripts/podman-env.mjs';
import { PodmanApi } from '../../src/podman/api';
import { PodmanKubeDriver, type PodmanKubeDriverOptions } from '../../src/podman/driver';
import type { EngineError, ProgressEvent } from '../../src/types';

/**
 * Real-Podman harness for the podman-kube driver (never a mock of the engine): the service at
 * PODMAN_SOCKET / /run/podman/podman.sock, started if none answers; the local busybox test image,
 * also tagged as the compiler's wait-for image (busybox:1.36) since no registry is reachable here.
 */
export const IMAGE = TEST_IMAGE;
export const WAIT_IMAGE = 'docker.io/library/busybox:1.36';
export const ROOT = join(__dirname, '../../../..');

export async function podman(): Promise<string> {
  const env = await ensurePodman();
  await ensurePodmanImages();
  ensureWaitImage();
  return env.socket;
}

/**
 * The compiler's link waits run busybox:1.36 (`nc -z` loop). Tagged from the test image so they
 * can run without a registry — but Debian's busybox-static has a small nc without -z and its shell
 * runs applets before PATH, so this stand-in's wait never succeeds: tests use it for the timeout
 * path only (a wait that cannot succeed); links that must connect are `required: false` (no wait).
 */
function ensureWaitImage(): void {
  if (spawnSync('podman', ['image', 'exists', WAIT_IMAGE]).status !== 0) spawnSync('podman', ['tag', IMAGE, WAIT_IMAGE]);
}

export const driver = (socket: string, options: PodmanKubeDriverOptions = {}) =>
  new PodmanKubeDriver({ socket, stopTimeoutSeconds: 1, settleMs: 1500, playTimeoutMs: 60_000, ...options });

export const project = (name: string): string => `bppod-${name}-${randomBytes(3).toString('hex')}`;

/** A port in 20000–29999 for a test's hostPort (random: other helpers' tests run at the same time). */
export const freePort = (): number => 20000 + Math.floor(Math.random() * 10000);

export function example(file: string): Blueprint {
  const r = loadBlueprint(readFileSync(join(ROOT, 'examples', file), 'utf8'));
  if (!r.blueprint) throw new Error(`examples/${file} did not load`);
  return r.blueprint;
}

export async function collect(events: AsyncIterable<ProgressEvent>): Promise<ProgressEvent[]> {
  const out: ProgressEvent[] = [];
  for await (const e of events) out.push(e);
  return out;
}

export const errorsOf = (events: ProgressEvent[]): EngineError[] => events.flatMap((e) => (e.kind === 'error' ? [e.error] : []));

export function succeeded(events: ProgressEvent[]): boolean {
  const done = events.find((e) => e.kind === 'done');
  return done?.kind === 'done' && done.ok;
}

/** Our pods of a project, as Podman lists them. */
export async function podsOf(api: PodmanApi, p: string): Promise<{ Name: string; Status: string }[]> {
  return (
    (await api.get<{ Name: string; Status: string }[] | null>('/pods/json', { filters: { label: [`dev.blaupause.project=${p}`] } })) ?? []
  );
}

/** Removes every pod, the network and the volumes of a project, whatever state a failed test left. */
export async function cleanup(socket: string, p: string): Promise<void> {
  const api = new PodmanApi(socket);
  for (const pod of await podsOf(api, p).catch(() => []))
    await api.call('DELETE', `/pods/${pod.Name}`, { query: { force: true } }).catch(() => {});
  await api.call('DELETE', `/networks/${p}_kube`).catch(() => {});
  const vols =
    (await api.get<{ Name: string }[] | null>('/volumes/json', { filters: { label: [`dev.blaupause.project=${p}`] } }).catch(() => [])) ??
    [];
  for (const v of vols) await api.call('DELETE', `/volumes/${v.Name}`).catch(() => {});
}

/** A pod that is not ours (no labels of ours), played straight through the API. */
export async function foreignPod(socket: string, name: string): Promise<void> {
  const api = new PodmanApi(socket);
  const doc = {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name },
    spec: { containers: [{ name: 'main', image: IMAGE, command: ['sleep', '3600'] }] },
  };
  await api.call('POST', '/play/kube', { body: JSON.stringify(doc), contentType: 'application/yaml' });
}

export async function httpGet(port: number, timeoutMs = 20_000): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  let last = '';
  while (Date.now() < deadline) {
    try {
      const r = await fetch(`http://127.0.0.1:${port}/`, { signal: AbortSignal.timeout(2000) });
      const text = await r.text();
      if (r.ok) return text;
      last = `HTTP ${r.status}`;
    } catch (e) {
      last = String(e);
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Error(`nothing answered on 127.0.0.1:${port}: ${last}`);
}
