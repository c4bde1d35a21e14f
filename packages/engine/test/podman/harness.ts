import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
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
  await ensureWaitImage();
  return env.socket;
}

/**
 * The compiler's link waits run `nc -z` in busybox:1.36, which no registry can give here. The
 * stand-in is built locally: Debian's busybox-static has a small nc without -z and its shell runs
 * applets before PATH, so the image gets the host's dash as /bin/sh (with its libc) and an `nc`
 * script that drops -z and runs `true` on the connection (exit 0 at once when the port accepts,
 * 1 when refused) — the semantics the compiler's loop relies on.
 */
async function ensureWaitImage(): Promise<void> {
  if (spawnSync('podman', ['image', 'exists', WAIT_IMAGE]).status === 0) return;
  const dir = mkdtempSync(join(tmpdir(), 'bppod-wait-'));
  try {
    for (const d of ['bin', 'etc', 'tmp', 'lib/x86_64-linux-gnu', 'lib64']) mkdirSync(join(dir, d), { recursive: true });
    writeFileSync(join(dir, 'bin', 'busybox'), readFileSync('/bin/busybox'), { mode: 0o755 });
    const applets = spawnSync('/bin/busybox', ['--list'], { encoding: 'utf8' }).stdout.split('\n');
    for (const a of applets)
      if (/^[a-z0-9_.[-]+$/.test(a) && !['busybox', 'sh', 'nc'].includes(a)) symlinkSync('busybox', join(dir, 'bin', a));
    writeFileSync(join(dir, 'bin', 'sh'), readFileSync('/bin/dash'), { mode: 0o755 });
    writeFileSync(join(dir, 'lib/x86_64-linux-gnu/libc.so.6'), readFileSync('/lib/x86_64-linux-gnu/libc.so.6'), { mode: 0o755 });
    writeFileSync(join(dir, 'lib64/ld-linux-x86-64.so.2'), readFileSync('/lib64/ld-linux-x86-64.so.2'), { mode: 0o755 });
    writeFileSync(join(dir, 'bin', 'nc'), '#!/bin/sh\n[ "$1" = "-z" ] && shift\nexec /bin/busybox nc "$@" -e /bin/true\n', { mode: 0o755 });
    writeFileSync(join(dir, 'etc', 'passwd'), 'root:x:0:0:root:/root:/bin/sh\nnobody:x:65534:65534:nobody:/:/bin/false\n');
    const tar = spawn('tar', ['-C', dir, '-c', '.'], { stdio: ['ignore', 'pipe', 'inherit'] });
    const imp = spawn('podman', ['import', '--change', 'ENV PATH=/bin', '-', WAIT_IMAGE], { stdio: ['pipe', 'ignore', 'inherit'] });
    tar.stdout.pipe(imp.stdin);
    const code = await new Promise((r) => imp.on('close', r));
    if (code !== 0 && spawnSync('podman', ['image', 'exists', WAIT_IMAGE]).status !== 0)
      throw new Error(`podman import ${WAIT_IMAGE} failed`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
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
