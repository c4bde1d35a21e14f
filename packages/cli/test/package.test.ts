import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { promisify } from 'node:util';
import { gunzipSync, gzipSync } from 'node:zlib';
import { BUNDLE_FORMAT, MANIFEST_NAME, writeTar } from '@blaupause/compiler';
import { readYamlDocuments } from '@blaupause/model';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { unbundleCommand } from '../src/commands/unbundle';
import { buildCli, runCli } from './helpers';

const scratch = mkdtempSync(join(tmpdir(), 'blaupause-pkg-'));
beforeAll(buildCli, 60_000);
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const BLUEPRINT = `apiVersion: blaupause.dev/v1
kind: Blueprint
metadata:
  name: shop
services:
  web:
    ports:
      - port: 80
        publish: 8080
    containers:
      web:
        build:
          context: ./web
        mounts:
          - type: bind
            source: ./html
            target: /usr/share/nginx/html
            readOnly: true
          - type: config
            source: site
            target: /etc/nginx/conf.d/default.conf
          - type: secret
            source: token
            target: /run/secrets/token
configs:
  site:
    file: conf/site.conf
secrets:
  token:
    file: secrets/token.txt
`;

/** Machine A: a blueprint folder with a config, a secret, a bind source and a build context. */
function projectA(): string {
  const dir = mkdtempSync(join(scratch, 'a-'));
  const put = (path: string, text: string) => {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), text);
  };
  put('shop.blueprint.yaml', BLUEPRINT);
  put('conf/site.conf', 'server { listen 80; }\n');
  put('secrets/token.txt', 's3cret\n');
  put('html/index.html', '<h1>hi</h1>\n');
  put('web/Dockerfile', 'FROM blaupause-test/busybox:1\nCOPY . /app\n');
  put('web/.git/HEAD', 'ref: refs/heads/main\n');
  put('unrelated.txt', 'not named by the blueprint\n');
  return dir;
}

const tree = (dir: string, at = ''): string[] =>
  readdirSync(join(dir, at), { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? tree(dir, join(at, e.name)) : [join(at, e.name)]))
    .sort();

const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');
const bytes = (s: string) => new TextEncoder().encode(s);

/** A gzip'd bundle as an attacker may build it: any names, a manifest that matches them. */
function hostile(files: { path: string; text: string }[], entry = 'app.blueprint.yaml'): Buffer {
  const manifest = {
    format: BUNDLE_FORMAT,
    version: 1,
    entry,
    files: files.map((f) => ({ path: f.path, size: bytes(f.text).length, sha256: sha(bytes(f.text)), role: 'config' })),
  };
  return gzipSync(
    writeTar([
      { path: MANIFEST_NAME, bytes: bytes(JSON.stringify(manifest)) },
      ...files.map((f) => ({ path: f.path, bytes: bytes(f.text) })),
    ]),
  );
}

describe('bundle → unbundle', () => {
  test('a clean workspace gets the same blueprint folder, compiling to byte-equal Compose and Kubernetes', () => {
    const a = projectA();
    const out = join(scratch, 'shop.bpz');
    const packed = runCli(['bundle', join(a, 'shop.blueprint.yaml'), '-o', out, '--with-build-contexts']);
    expect(packed.stderr).toContain('note: the bundle holds secret files (secrets/token.txt)');
    expect(packed.stdout).toMatch(/^Wrote .*shop\.bpz: 5 files, \d+ bytes\.\n$/);
    expect(packed.status).toBe(0);

    const b = join(mkdtempSync(join(scratch, 'b-')), 'shop'); // another machine: nothing of A's folder
    const unpacked = runCli(['unbundle', out, '-d', b]);
    expect(unpacked).toEqual({
      status: 0,
      stdout: `Unpacked 5 files into ${b}.\nBlueprint: ${join(b, 'shop.blueprint.yaml')}\n`,
      stderr: '',
    });
    expect(tree(b)).toEqual(['conf/site.conf', 'html/index.html', 'secrets/token.txt', 'shop.blueprint.yaml', 'web/Dockerfile']);
    for (const f of tree(b)) expect(readFileSync(join(b, f))).toEqual(readFileSync(join(a, f)));
    for (const target of ['compose', 'kubernetes']) {
      const fromA = runCli(['compile', join(a, 'shop.blueprint.yaml'), '-t', target]);
      const fromB = runCli(['compile', join(b, 'shop.blueprint.yaml'), '-t', target]);
      expect(fromA.status).toBe(0);
      expect(fromA.stdout.length).toBeGreaterThan(100);
      expect(fromB.stdout).toBe(fromA.stdout);
    }
    // The same folder packs to the same bytes (deterministic tar, gzip without a timestamp).
    const again = join(scratch, 'again.bpz');
    runCli(['bundle', join(a, 'shop.blueprint.yaml'), '-o', again, '--with-build-contexts']);
    expect(readFileSync(again)).toEqual(readFileSync(out));
  });

  test('without --with-build-contexts the context stays out; a missing config file is an error', () => {
    const a = projectA();
    const out = join(scratch, 'noctx.bpz');
    expect(runCli(['bundle', join(a, 'shop.blueprint.yaml'), '-o', out]).stdout).toMatch(/: 4 files,/);
    rmSync(join(a, 'conf/site.conf'));
    const r = runCli(['bundle', join(a, 'shop.blueprint.yaml'), '-o', join(scratch, 'x.bpz')]);
    expect(r.status).toBe(1);
    expect(r.stderr).toBe('blaupause: configs.site.file: "conf/site.conf" does not exist\n');
  });

  test('a symbolic link leading out of the folder is refused when packing', () => {
    const a = projectA();
    rmSync(join(a, 'conf/site.conf'));
    symlinkSync('/etc/hostname', join(a, 'conf/site.conf'));
    const r = runCli(['bundle', join(a, 'shop.blueprint.yaml'), '-o', join(scratch, 'y.bpz')]);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('configs.site.file: "conf/site.conf" cannot be packed: a symbolic link on the way leads out');
    expect(existsSync(join(scratch, 'y.bpz'))).toBe(false);
  });
});

describe('unbundle refuses hostile bundles, writing nothing', () => {
  const app = { path: 'app.blueprint.yaml', text: 'apiVersion: blaupause.dev/v1\n' };
  test.each([
    ['a ../ path', [app, { path: '../escaped.txt', text: 'x' }], '"../escaped.txt" is refused: a ".." segment'],
    ['an absolute path', [app, { path: '/tmp/abs.txt', text: 'x' }], '"/tmp/abs.txt" is refused: an absolute path'],
  ])('%s', (_, files, message) => {
    const file = join(scratch, 'hostile.bpz');
    writeFileSync(file, hostile(files));
    const dir = join(mkdtempSync(join(scratch, 'h-')), 'out');
    const r = runCli(['unbundle', file, '-d', dir]);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(message);
    expect(existsSync(dir)).toBe(false);
    expect(existsSync(join(dir, '..', 'escaped.txt'))).toBe(false);
  });

  test('a symbolic link entry', () => {
    const tar = Buffer.from(gzipSyncUndo(hostile([app, { path: 'link', text: '' }])));
    let at = 0;
    while (tar.subarray(at, at + 4).toString() !== 'link') at += 512;
    tar[at + 156] = '2'.charCodeAt(0);
    tar.fill(0x20, at + 148, at + 156);
    const sum = tar.subarray(at, at + 512).reduce((n, b) => n + b, 0);
    tar.write(`${sum.toString(8).padStart(6, '0')}\0 `, at + 148);
    const file = join(scratch, 'link.bpz');
    writeFileSync(file, gzipSync(tar));
    const r = runCli(['unbundle', file, '-d', join(scratch, 'link-out')]);
    expect(r).toMatchObject({ status: 1, stderr: `blaupause: ${file}: link: symbolic link entries are not accepted\n` });
  });

  test('a checksum mismatch', () => {
    const good = gzipSyncUndo(hostile([app, { path: 'conf.txt', text: 'AAAA' }]));
    const tar = Buffer.from(good);
    const at = tar.indexOf('AAAA', 1024);
    tar.write('BBBB', at);
    const file = join(scratch, 'sum.bpz');
    writeFileSync(file, gzipSync(tar));
    const r = runCli(['unbundle', file, '-d', join(scratch, 'sum-out')]);
    expect(r.stderr).toContain('conf.txt: checksum mismatch');
    expect(existsSync(join(scratch, 'sum-out'))).toBe(false);
  });

  test('oversize: a decompression bomb stops at the cap; a non-empty target folder is refused', () => {
    const file = join(scratch, 'bomb.bpz');
    writeFileSync(file, gzipSync(new Uint8Array(4 << 20)));
    const out: string[] = [];
    const io = {
      stdout: { write: (t: string) => void out.push(t), isTTY: false },
      stderr: { write: (t: string) => void out.push(t), isTTY: false },
      noColor: true,
    };
    const limits = { maxFiles: 10, maxFileBytes: 1 << 20, maxTotalBytes: 1 << 20 };
    expect(unbundleCommand({ bundle: file, dir: join(scratch, 'bomb-out'), json: false, limits }, io)).toBe(1);
    expect(out.join('')).toMatch(/decompresses to more than \d+ bytes \(oversize\)/);
    const full = mkdtempSync(join(scratch, 'full-'));
    writeFileSync(join(full, 'keep.txt'), 'mine');
    writeFileSync(join(scratch, 'ok.bpz'), hostile([app]));
    const r = runCli(['unbundle', join(scratch, 'ok.bpz'), '-d', full]);
    expect(r.stderr).toContain('is not empty');
    expect(readdirSync(full)).toEqual(['keep.txt']);
  });
});

describe('a folder holding compose.yaml', () => {
  function composeFolder(): string {
    const dir = mkdtempSync(join(scratch, 'compose-'));
    writeFileSync(
      join(dir, 'compose.yaml'),
      'name: folderapp\nservices:\n  web:\n    image: nginx:${NGINX_TAG}\n    configs: [site]\nconfigs:\n  site:\n    file: ./site.conf\n',
    );
    writeFileSync(join(dir, '.env'), 'NGINX_TAG=1.27\n');
    writeFileSync(join(dir, 'site.conf'), 'server {}\n');
    return dir;
  }

  test('import and compile read its .env, never the process environment', () => {
    const dir = composeFolder();
    const imported = runCli(['import', dir], { env: { NGINX_TAG: '9.9' } });
    expect(imported.status).toBe(0);
    expect(imported.stdout).toContain('        image: nginx:1.27\n');
    expect(imported.stdout).not.toContain('parameters:');
    const compiled = runCli(['compile', dir, '-t', 'compose'], { env: { NGINX_TAG: '9.9' } });
    expect(compiled.stdout).toContain('    image: nginx:1.27\n');
    // Without the .env the variable stays a parameter of the blueprint.
    rmSync(join(dir, '.env'));
    expect(runCli(['import', dir]).stdout).toContain('parameters:');
  });

  test('bundles with its .env and config file; the unpacked folder compiles the same', () => {
    const dir = composeFolder();
    const out = join(scratch, 'folder.bpz');
    expect(runCli(['bundle', dir, '-o', out]).stdout).toMatch(/: 3 files,/);
    const b = join(scratch, 'folder-b');
    expect(runCli(['unbundle', out, '-d', b]).status).toBe(0);
    expect(tree(b)).toEqual(['.env', 'compose.yaml', 'site.conf']);
    expect(runCli(['compile', b, '-t', 'kubernetes']).stdout).toBe(runCli(['compile', dir, '-t', 'kubernetes']).stdout);
  });

  test("services' env_files are read in the folder (environment wins) and packed into a bundle", () => {
    const dir = mkdtempSync(join(scratch, 'envfile-'));
    writeFileSync(
      join(dir, 'compose.yaml'),
      'services:\n  web:\n    image: nginx:1.27\n    env_file: [conf/app.env, { path: missing.env, required: false }]\n    environment: { MODE: prod }\n',
    );
    mkdirSync(join(dir, 'conf'));
    writeFileSync(join(dir, 'conf/app.env'), 'GREETING=hello $USER\nMODE=dev\n');
    const r = runCli(['import', dir]);
    expect(r.stderr).not.toContain('env_file');
    expect(r.stdout).toContain('          GREETING: hello $$USER\n');
    expect(r.stdout).toContain('          MODE: prod\n');
    expect(r.status).toBe(0);
    const out = join(scratch, 'envfile.bpz');
    expect(runCli(['bundle', dir, '-o', out]).status).toBe(0);
    // Compose's project name is the folder's: unpack into a folder of the same name.
    expect(r.stdout).toContain(`  name: ${basename(dir).toLowerCase()}\n`);
    const b = join(mkdtempSync(join(scratch, 'machine-b-')), basename(dir));
    runCli(['unbundle', out, '-d', b]);
    expect(tree(b)).toEqual(['compose.yaml', 'conf/app.env']);
    expect(runCli(['import', b]).stdout).toBe(r.stdout);
    // A required env_file that is missing is an error naming it.
    rmSync(join(dir, 'conf/app.env'));
    const missing = runCli(['import', dir]);
    expect(missing.status).toBe(1);
    expect(missing.stderr).toContain('env_file "conf/app.env" cannot be read in the project folder.');
  });

  test('a folder without a Compose file says what it looked for', () => {
    const r = runCli(['import', mkdtempSync(join(scratch, 'empty-'))]);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('This folder holds no Compose file (compose.yaml, compose.yml, docker-compose.yml, docker-compose.yaml).');
  });
});

describe('compile --target kustomize', () => {
  test('writes a base that kubectl kustomize renders to the plain manifests, and overlays', async () => {
    const dir = join(scratch, 'kustomize');
    const overlays = join(scratch, 'overlays.yaml');
    writeFileSync(overlays, 'staging:\n  replicas: { web: 3 }\n  images: { shop/web: "2.0" }\n');
    const example = join(__dirname, '../../../examples/three-tier.blueprint.yaml');
    const r = runCli(['compile', example, '-t', 'kustomize', '-o', dir, '--overlays', overlays]);
    expect(r.status).toBe(0);
    expect(r.stderr).toContain(`Wrote 10 files to ${dir}: base/, overlays/staging/.`);
    const plain = runCli(['compile', example, '-t', 'kubernetes']).stdout;
    const kubectl = async (d: string) => (await promisify(execFile)('/usr/bin/kubectl', ['kustomize', d])).stdout;
    const set = (text: string) => {
      const docs = readYamlDocuments(text);
      if (!docs.ok) throw new Error('unreadable YAML');
      return docs.value.map((d) => canonical(d.value)).sort();
    };
    expect(set(await kubectl(join(dir, 'base')))).toEqual(set(plain));
    const staging = await kubectl(join(dir, 'overlays/staging'));
    expect(staging).toContain('image: shop/web:2.0');
    expect(staging).toMatch(/name: web\n(.*\n)*?spec:\n {2}replicas: 3/);
  }, 60_000);

  test('an overlay naming an unknown workload is refused by name', () => {
    const overlays = join(scratch, 'bad-overlays.yaml');
    writeFileSync(overlays, 'prod:\n  replicas: { nope: 3 }\n');
    const example = join(__dirname, '../../../examples/three-tier.blueprint.yaml');
    const r = runCli(['compile', example, '-t', 'kustomize', '-o', join(scratch, 'k2'), '--overlays', overlays]);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(`blaupause: ${overlays}: prod.replicas.nope: no Deployment or StatefulSet "nope" in the manifests`);
  });
});

/** JSON with keys sorted at every level: kubectl writes keys in its own order. */
const canonical = (v: unknown): string =>
  Array.isArray(v)
    ? `[${v.map(canonical).join(',')}]`
    : v && typeof v === 'object'
      ? `{${Object.keys(v)
          .sort()
          .map((k) => `${JSON.stringify(k)}:${canonical((v as Record<string, unknown>)[k])}`)
          .join(',')}}`
      : JSON.stringify(v);

const gzipSyncUndo = (gz: Buffer): Uint8Array => gunzipSync(gz);
