import { randomBytes } from 'node:crypto';
import { importAny } from '@blaupause/compiler';
import { createDockerDriver, type ProgressEvent } from '@blaupause/engine';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureDocker, ensureTestImages } from '../../../scripts/docker-env.mjs';
import { collect, startTestServer } from './harness';

/**
 * Issue 5 on a real engine, through the API: (1) interpolation never reads the server's own
 * environment — the server process holds AWS_SECRET_ACCESS_KEY, a Compose file imported the way
 * the page imports it references it, and neither the plan, the answers nor the container get the
 * secret; (2) every bad input keeps the previous work — after a good deploy, invalid, dangerous,
 * forged-ownership and escaping blueprints change nothing on the running deployment (same
 * container ids, same start times), and a bad save leaves the saved blueprint as it was.
 */
const PROJECT = `bpsec-${randomBytes(3).toString('hex')}`;
const SECRET = `leak-${randomBytes(8).toString('hex')}`;
const COMPOSE = `name: keep
services:
  app:
    image: blaupause-test/busybox:1
    command: ["sleep", "3600"]
    environment:
      FROM_SERVER_ENV: \${AWS_SECRET_ACCESS_KEY}
      PLAIN: visible
`;

let srv: Awaited<ReturnType<typeof startTestServer<ReturnType<typeof createDockerDriver>>>>;
let good: Record<string, unknown>;
const saved = process.env.AWS_SECRET_ACCESS_KEY;

beforeAll(async () => {
  // The server runs in this process: this is the server's own environment.
  process.env.AWS_SECRET_ACCESS_KEY = SECRET;
  const env = await ensureDocker();
  await ensureTestImages(env.socket);
  srv = await startTestServer(createDockerDriver({ host: `unix://${env.socket}`, stopTimeoutSeconds: 1, settleMs: 500 }));
  // What the page does with an opened Compose file (apps/web/src/files/open-text.ts): import in the browser.
  const imported = importAny(COMPOSE, { file: 'compose.yaml' });
  if (!imported.ok) throw new Error(JSON.stringify(imported.diagnostics));
  good = imported.value as unknown as Record<string, unknown>;
}, 120_000);

afterAll(async () => {
  if (saved === undefined) delete process.env.AWS_SECRET_ACCESS_KEY;
  else process.env.AWS_SECRET_ACCESS_KEY = saved;
  await srv?.client.deployments.destroy.mutate({ project: PROJECT }).catch(() => undefined);
  await new Promise((r) => setTimeout(r, 1500));
  // Whatever is left of this test's own project (never anyone else's) goes.
  const left = await srv?.driver.docker.listContainers({ all: true, filters: { label: [`com.docker.compose.project=${PROJECT}`] } });
  for (const c of left ?? [])
    await srv.driver.docker
      .getContainer(c.Id)
      .remove({ force: true })
      .catch(() => undefined);
  await srv?.stop();
}, 30_000);

const deploy = async (document: unknown, acknowledge?: string[]) => {
  const run = await srv.client.deployments.deploy.mutate({
    blueprint: { document },
    project: PROJECT,
    ...(acknowledge ? { acknowledge } : {}),
  });
  const seen = await collect<{ data: ProgressEvent }>(
    (h) => srv.client.deployments.progress.subscribe({ runId: run.runId }, h),
    (s) => s.at(-1)?.data.kind === 'done',
    60_000,
  );
  return seen.map((s) => s.data);
};

/** What "unchanged" means on the engine: the same containers, started at the same moment, still running. */
async function engineState() {
  const list = await srv.driver.docker.listContainers({ all: true, filters: { label: [`com.docker.compose.project=${PROJECT}`] } });
  const out: string[] = [];
  for (const c of list.sort((a, b) => a.Id.localeCompare(b.Id))) {
    const i = await srv.driver.docker.getContainer(c.Id).inspect();
    out.push(`${c.Id} ${i.State.Status} ${i.State.StartedAt} ${i.Config.Labels['com.docker.compose.config-hash'] ?? ''}`);
  }
  return out;
}

const withService = (patch: Record<string, unknown>, container: Record<string, unknown> = {}) => {
  const doc = structuredClone(good) as { services: Record<string, { containers: Record<string, Record<string, unknown>> }> };
  const svc = doc.services.app as { containers: Record<string, Record<string, unknown>> };
  Object.assign(svc, patch);
  Object.assign(svc.containers.app as Record<string, unknown>, container);
  return doc;
};

describe('the server never interpolates from its own environment', () => {
  it('the import keeps the reference; plan, deploy and the container hold no secret', async () => {
    expect(JSON.stringify(good)).toContain('${AWS_SECRET_ACCESS_KEY}');
    expect(JSON.stringify(good)).not.toContain(SECRET);
    const compile = await srv.client.blueprints.compile.query({ blueprint: { document: good }, targets: ['compose', 'kubernetes'] });
    const plan = await srv.client.deployments.plan.query({ blueprint: { document: good }, project: PROJECT });
    expect(JSON.stringify([compile, plan])).not.toContain(SECRET);

    const events = await deploy(good);
    expect(events.at(-1)).toMatchObject({ kind: 'done', ok: true });
    expect(JSON.stringify(events)).not.toContain(SECRET);
    const [c] = await srv.driver.docker.listContainers({ filters: { label: [`com.docker.compose.project=${PROJECT}`] } });
    const env = (await srv.driver.docker.getContainer(c?.Id ?? '').inspect()).Config.Env;
    expect(env).toContain('FROM_SERVER_ENV=');
    expect(env).toContain('PLAIN=visible');
    expect(env.join('\n')).not.toContain(SECRET);
  }, 90_000);
});

describe('bad input keeps the previous work', () => {
  it('invalid, dangerous, forged-ownership and escaping blueprints change nothing on the running deployment', async () => {
    const before = await engineState();
    expect(before).toHaveLength(1);
    expect(before[0]).toContain(' running ');

    // Refused before a run starts: the blueprint does not validate.
    const invalid = [
      withService({ links: [{ to: 'nowhere' }] }),
      withService({ labels: { 'dev.blaupause.managed': 'true', 'com.docker.compose.project': 'someone-else' } }),
      { apiVersion: 'blaupause.dev/v1', kind: 'Blueprint', metadata: { name: 'x' }, services: 'not a map' },
    ];
    for (const doc of invalid)
      await expect(srv.client.deployments.deploy.mutate({ blueprint: { document: doc }, project: PROJECT })).rejects.toMatchObject({
        data: { appError: { code: 'INVALID_BLUEPRINT' } },
      });

    // Refused by the run: an unacknowledged danger, a bind that leaves the (absent) blueprint folder.
    const dangerous = await deploy(withService({ hostNetwork: true }, { command: ['sleep', '3601'] }));
    expect(dangerous.filter((e) => e.kind === 'error').map((e) => (e.kind === 'error' ? e.error.code : ''))).toEqual([
      'DANGEROUS_SETTINGS',
    ]);
    const escaping = await deploy(withService({}, { mounts: [{ type: 'bind', source: '../../etc', target: '/x' }] }));
    expect(escaping.at(-1)).toMatchObject({ kind: 'done', ok: false });

    expect(await engineState()).toEqual(before);
  }, 120_000);

  it('a save of text that is no blueprint leaves the saved file as it was', async () => {
    const text = `apiVersion: blaupause.dev/v1\nkind: Blueprint\nmetadata:\n  name: keep\n`;
    await srv.client.workspace.write.mutate({ name: 'keep', text });
    for (const bad of ['services: [unclosed', `x: &a [${'*a,'.repeat(3)}]`, `a: ${'['.repeat(500)}`, 'just: a mapping\n'])
      await expect(srv.client.workspace.write.mutate({ name: 'keep', text: bad })).rejects.toMatchObject({
        data: { appError: { code: 'INVALID_BLUEPRINT' } },
      });
    expect((await srv.client.workspace.read.query({ name: 'keep' })).text).toBe(text);
  });
});
