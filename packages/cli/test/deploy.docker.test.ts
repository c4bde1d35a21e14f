import { mkdirSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { dockerSocket, ensureDocker, ensureTestImages } from '../../../scripts/docker-env.mjs';
import { cli, fetchText, finished, freePort, IMAGE, startCli, stdoutContains, tempDir, uniqueProject } from './engine-helpers';
import { buildCli, lines } from './helpers';

/**
 * The engine commands end to end: the built bin against a REAL Docker engine (DESIGN §8, never a
 * mock of it), with the local busybox image (no registry). Each project has a unique name and is
 * torn down in afterAll whatever a failed test left behind.
 */
const dir = tempDir();
const projects: string[] = [];
const fresh = (name: string) => {
  const p = uniqueProject(name);
  projects.push(p);
  return p;
};

beforeAll(async () => {
  const env = await ensureDocker();
  await ensureTestImages(env.socket);
  await buildCli();
}, 120_000);

afterAll(async () => {
  for (const p of projects) await cli(['down', p], { cwd: dir });
}, 120_000);

interface StatusJson {
  ok: boolean;
  containers: { project: string; service: string; state: string; ports: string[]; id?: string }[];
}
const statusOf = async (project: string): Promise<StatusJson> =>
  JSON.parse((await cli(['status', project, '--json'], { cwd: dir })).stdout);

describe('deploy, status, plan, logs, down on the real engine', () => {
  const P = fresh('web');
  let port = 0;
  const file = join(dir, 'web.blueprint.yaml');

  beforeAll(async () => {
    port = await freePort();
    // The page is bind-mounted from a folder beside the file: relative sources resolve there (baseDir).
    mkdirSync(join(dir, 'site'), { recursive: true });
    writeFileSync(join(dir, 'site', 'index.html'), 'hello from the cli test\n');
    writeFileSync(
      file,
      `apiVersion: blaupause.dev/v1
kind: Blueprint
metadata:
  name: ${P}
services:
  web:
    ports:
      - port: 80
        publish: ${port}
        hostIp: 127.0.0.1
    containers:
      web:
        image: ${IMAGE}
        command: [busybox, httpd, -f, -v, -p, "80", -h, /site]
        mounts:
          - type: bind
            source: ./site
            target: /site
            readOnly: true
`,
    );
  });

  test('deploy prints the plan, the steps and the published port, and the page is served', async () => {
    const r = await cli(['deploy', 'web.blueprint.yaml'], { cwd: dir });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const out = lines(r.stdout);
    expect(out[0]).toBe(`Plan for project ${P}:`);
    expect(out).toContain('  create     web #1');
    expect(out.some((l) => /^ {2}created {4}web #1 \(\d+\.\d s\)$/.test(l))).toBe(true);
    expect(out).toContain(`  web #1: 127.0.0.1:${port} -> 80/tcp`);
    expect(r.stdout).toMatch(new RegExp(`Deployed project ${P} in [\\d.]+ s: 1 of 1 container running\\.`));
    expect(await fetchText(`http://127.0.0.1:${port}/`)).toBe('hello from the cli test\n');
  }, 90_000);

  test('status --json shows it running with its port; the table names it', async () => {
    const s = await statusOf(P);
    expect(s.ok).toBe(true);
    expect(s.containers).toMatchObject([{ project: P, service: 'web', state: 'running', ports: [`127.0.0.1:${port}->80/tcp`] }]);
    const table = lines((await cli(['status', P], { cwd: dir })).stdout);
    expect(table[0]).toMatch(/^SERVICE +CONTAINER +REPLICA +STATE +HEALTH +RESTARTS +PORTS +ID$/);
    expect(table[1]).toMatch(new RegExp(`^web +web +1 +running +- +0 +127\\.0\\.0\\.1:${port}->80/tcp +[0-9a-f]{12}$`));
  });

  test('plan and a redeploy of the unchanged file are no-ops that keep the container', async () => {
    const before = (await statusOf(P)).containers[0]?.id;
    const plan = await cli(['plan', 'web.blueprint.yaml'], { cwd: dir });
    expect(plan.status).toBe(0);
    expect(lines(plan.stdout)).toEqual([
      `Plan for project ${P}:`,
      '  unchanged  web #1',
      'No changes: the deployment already matches the blueprint.',
    ]);
    const again = await cli(['deploy', 'web.blueprint.yaml', '--json'], { cwd: dir });
    expect(again.status).toBe(0);
    const body = JSON.parse(again.stdout);
    expect(body).toMatchObject({ ok: true, project: P, plan: { noop: true }, errors: [] });
    expect((await statusOf(P)).containers[0]?.id).toBe(before);
  }, 60_000);

  test('logs shows the request the server answered, prefixed with its container', async () => {
    await fetchText(`http://127.0.0.1:${port}/`);
    const r = await cli(['logs', P, 'web', '--tail', '50'], { cwd: dir });
    expect(r.status).toBe(0);
    const out = lines(r.stdout);
    expect(out.length).toBeGreaterThan(0);
    expect(out.every((l) => l.startsWith('web-1 | '))).toBe(true);
    expect(out.some((l) => l.includes('response:200'))).toBe(true);
    const missing = await cli(['logs', P, 'nope'], { cwd: dir });
    expect(missing.status).toBe(1);
    expect(missing.stderr).toContain(`error NOT_FOUND: Project ${P} has no service "nope".`);
  });

  test('status --watch follows the stream: down appears as "removed", Ctrl+C ends it with 0', async () => {
    const watch = startCli(['status', P, '--watch'], { cwd: dir });
    const done = finished(watch);
    await stdoutContains(watch, /web +web +1 +running/);
    const down = await cli(['down', P], { cwd: dir });
    expect(down.status).toBe(0);
    expect(down.stdout).toMatch(new RegExp(`^ {2}removed {4}web #1 \\(.*\\n {2}removed {4}network ${P}_default \\(`, 'm'));
    await stdoutContains(watch, new RegExp(`${P}/web #1 removed`));
    watch.kill('SIGINT');
    const r = await done;
    expect(r.status).toBe(0);
    expect(r.stderr).toBe('');
    expect((await statusOf(P)).containers).toEqual([]);
    await expect(fetchText(`http://127.0.0.1:${port}/`)).rejects.toThrow();
  }, 90_000);
});

describe('a Compose file deploys too', () => {
  test('imported first (notes shown), deployed under --project, served, torn down', async () => {
    const P = fresh('compose');
    const port = await freePort();
    const sub = join(dir, 'compose-app');
    mkdirSync(sub, { recursive: true });
    writeFileSync(
      join(sub, 'compose.yaml'),
      `services:
  web:
    image: ${IMAGE}
    command: ["busybox", "httpd", "-f", "-p", "80", "-h", "/www"]
    ports:
      - "127.0.0.1:${port}:80"
`,
    );
    const r = await cli(['deploy', 'compose-app/compose.yaml', '--project', P], { cwd: dir });
    expect(r.status).toBe(0);
    expect(r.stdout).toContain(`  web #1: 127.0.0.1:${port} -> 80/tcp`);
    expect(await fetchText(`http://127.0.0.1:${port}/`)).toContain('blaupause test');
    const down = await cli(['down', P, '--volumes', 'data'], { cwd: dir });
    expect(down.status).toBe(0);
    expect(down.stderr).toBe(`warning: no volume "data" in project ${P} (nothing deleted for it)\n`);
    expect((await statusOf(P)).containers).toEqual([]);
  }, 90_000);
});

/** Asks the engine itself (not our CLI) whether a volume exists: GET /volumes/NAME answers 200 or 404. */
function volumeExists(name: string): Promise<boolean> {
  return new Promise((resolve, reject) => {
    const req = request({ socketPath: dockerSocket(), path: `/volumes/${encodeURIComponent(name)}`, method: 'GET' }, (res) => {
      res.resume();
      resolve(res.statusCode === 200);
    });
    req.on('error', reject);
    req.end();
  });
}

describe('down keeps named volumes unless they are named', () => {
  test('a plain down keeps the volume; --volumes NAME deletes it', async () => {
    const P = fresh('vol');
    writeFileSync(
      join(dir, 'vol.blueprint.yaml'),
      `apiVersion: blaupause.dev/v1
kind: Blueprint
metadata:
  name: ${P}
services:
  db:
    containers:
      db:
        image: ${IMAGE}
        command: [busybox, sleep, "3600"]
        mounts:
          - type: volume
            source: data
            target: /data
volumes:
  data: {}
`,
    );
    expect((await cli(['deploy', 'vol.blueprint.yaml'], { cwd: dir })).status).toBe(0);
    expect(await volumeExists(`${P}_data`)).toBe(true);
    const down = await cli(['down', P], { cwd: dir });
    expect(down.status).toBe(0);
    expect(down.stdout).not.toMatch(/removed +volume/);
    expect(await volumeExists(`${P}_data`)).toBe(true);
    const withVolume = await cli(['down', P, '--volumes', 'data'], { cwd: dir });
    expect(withVolume.status).toBe(0);
    expect(withVolume.stdout).toMatch(new RegExp(`^ {2}removed {4}volume ${P}_data \\(`, 'm'));
    expect(await volumeExists(`${P}_data`)).toBe(false);
  }, 90_000);
});

describe('failures have exit codes and say what to do', () => {
  test('a file with errors exits 1 before any engine is contacted', async () => {
    writeFileSync(
      join(dir, 'bad.blueprint.yaml'),
      'apiVersion: blaupause.dev/v1\nkind: Blueprint\nmetadata:\n  name: bad\nservices:\n  web:\n    replicas: many\n',
    );
    // An engine that is not there proves the file is refused first: otherwise the code would be 3.
    const r = await cli(['deploy', 'bad.blueprint.yaml'], { cwd: dir, env: { DOCKER_HOST: 'unix:///nonexistent.sock' } });
    expect(r.status).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^bad\.blueprint\.yaml:7:\d+: error SCHEMA_/m);
  });

  test('a container that exits fails the deploy (exit 1), naming it, its exit code, its last words and what to do', async () => {
    const P = fresh('exits');
    writeFileSync(
      join(dir, 'exits.blueprint.yaml'),
      `apiVersion: blaupause.dev/v1
kind: Blueprint
metadata:
  name: ${P}
services:
  job:
    containers:
      job:
        image: ${IMAGE}
        command: [busybox, sh, -c, "echo bye; exit 3"]
`,
    );
    const r = await cli(['deploy', 'exits.blueprint.yaml'], { cwd: dir });
    expect(r.status).toBe(1);
    expect(lines(r.stderr)).toEqual([
      `error CONTAINER_EXITED (container:job/job): Container ${P}-job-1 of service "job" exited with code 3.`,
      '  exit code 3',
      '  last log lines:',
      '    | bye',
      `  hint: Read its logs (blaupause logs ${P} job), fix its command or configuration in the blueprint, then deploy again.`,
      expect.stringMatching(new RegExp(`^Deploy of project ${P} failed after [\\d.]+ s\\.$`)),
      'What was done stays (labelled): fix the problem and run deploy again, it continues from there.',
    ]);
  }, 60_000);

  test('dangerous settings are listed by plan and refused by deploy until each is allowed by id', async () => {
    const P = fresh('danger');
    writeFileSync(
      join(dir, 'danger.blueprint.yaml'),
      `apiVersion: blaupause.dev/v1
kind: Blueprint
metadata:
  name: ${P}
services:
  net:
    containers:
      net:
        image: ${IMAGE}
        command: [busybox, sleep, "3600"]
        capAdd: [NET_ADMIN]
`,
    );
    const id = 'cap-add:container:net/net:NET_ADMIN';
    const plan = await cli(['plan', 'danger.blueprint.yaml'], { cwd: dir });
    expect(plan.status).toBe(0);
    expect(lines(plan.stdout).slice(-3)).toEqual([
      'Dangerous settings (deploy needs each acknowledged with --allow-dangerous ID):',
      `  ${id}`,
      "      NET_ADMIN is beyond Docker's default capability set (HostConfig.CapAdd = NET_ADMIN)",
    ]);
    const refused = await cli(['deploy', 'danger.blueprint.yaml'], { cwd: dir });
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain(`error DANGEROUS_SETTINGS (container:net/net):`);
    expect(refused.stderr).toContain(`  hint: Check each setting; to deploy anyway, run deploy again with --allow-dangerous ${id}\n`);
    expect(refused.stderr).not.toContain('What was done stays');
    expect((await statusOf(P)).containers).toEqual([]);
    const allowed = await cli(['deploy', 'danger.blueprint.yaml', '--allow-dangerous', id], { cwd: dir });
    expect(allowed.status).toBe(0);
    expect((await statusOf(P)).containers).toMatchObject([{ service: 'net', state: 'running' }]);
  }, 90_000);

  test('Ctrl+C stops a deploy while it waits for a link: exit 130, what was done stays', async () => {
    const P = fresh('wait');
    writeFileSync(
      join(dir, 'wait.blueprint.yaml'),
      `apiVersion: blaupause.dev/v1
kind: Blueprint
metadata:
  name: ${P}
services:
  db:
    containers:
      db:
        image: ${IMAGE}
        command: [busybox, sleep, "3600"]
        healthcheck:
          test: { exec: [busybox, "false"] }
          interval: 10m
          startPeriod: 10m
  app:
    links:
      - to: db
        condition: healthy
        timeout: 5m
    containers:
      app:
        image: ${IMAGE}
        command: [busybox, sleep, "3600"]
`,
    );
    const deploy = startCli(['deploy', 'wait.blueprint.yaml'], { cwd: dir });
    const done = finished(deploy);
    await stdoutContains(deploy, '  waiting    app: for db to be healthy');
    deploy.kill('SIGINT');
    const r = await done;
    expect(r.status).toBe(130);
    expect(r.stderr).toContain('error CANCELLED: Deploy cancelled while app waited for db.');
    expect(r.stderr).toMatch(new RegExp(`Deploy of project ${P} was cancelled after [\\d.]+ s\\.`));
    // Containers are created first and started in link order (as Compose v2): app exists, never started.
    const after = (await statusOf(P)).containers;
    expect(after.map((c) => c.service).sort()).toEqual(['app', 'db']);
    expect(after.find((c) => c.service === 'app')?.state).not.toMatch(/^(running|healthy|starting)$/);
  }, 90_000);

  test('an unreachable engine exits 3, naming the socket and what to do', async () => {
    const env = { DOCKER_HOST: 'unix:///nonexistent.sock' };
    for (const args of [['deploy', 'web.blueprint.yaml'], ['plan', 'web.blueprint.yaml'], ['status'], ['down', 'x'], ['logs', 'x', 'y']]) {
      const r = await cli(args, { cwd: dir, env });
      expect(r.status, args.join(' ')).toBe(3);
      expect(r.stderr).toContain('error ENGINE_UNREACHABLE: The container engine at unix:///nonexistent.sock cannot be reached');
      expect(r.stderr).toContain('node scripts/docker-env.mjs up');
    }
  }, 60_000);
});
