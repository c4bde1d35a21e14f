import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { buildCli, lines, runCli } from './helpers';

/**
 * Threat model T13 through the built CLI: a Compose file that names ${AWS_SECRET_ACCESS_KEY},
 * imported without --env-file by a process whose environment holds that secret. The reference
 * stays as written (a blueprint parameter), the import says so, and the secret is nowhere.
 */
const SECRET = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY';
const scratch = mkdtempSync(join(tmpdir(), 'blaupause-cli-sec-'));
beforeAll(buildCli, 60_000);
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('import never reads the process environment', () => {
  test('${AWS_SECRET_ACCESS_KEY} stays unresolved and is reported; the secret appears in no output', () => {
    writeFileSync(
      join(scratch, 'compose.yaml'),
      'services:\n  app:\n    image: busybox:1\n    environment:\n      AWS_SECRET_ACCESS_KEY: ${AWS_SECRET_ACCESS_KEY}\n',
    );
    const r = runCli(['import', 'compose.yaml'], { cwd: scratch, env: { AWS_SECRET_ACCESS_KEY: SECRET } });
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('AWS_SECRET_ACCESS_KEY: "${AWS_SECRET_ACCESS_KEY}"');
    expect(lines(r.stdout)).toContain('parameters:');
    expect(lines(r.stderr)[0]).toBe(
      'compose.yaml:1:1: info INTERPOLATION_PARAMETER: ${AWS_SECRET_ACCESS_KEY} has no value in the file: it is now the blueprint parameter AWS_SECRET_ACCESS_KEY, empty until set. The environment of Blaupause is never read.',
    );
    expect(r.stdout + r.stderr).not.toContain(SECRET);
    // Compiling the import for Compose keeps the reference for the deploy side to fill; still no secret.
    writeFileSync(join(scratch, 'app.blueprint.yaml'), r.stdout);
    const compiled = runCli(['compile', 'app.blueprint.yaml', '--target', 'compose'], {
      cwd: scratch,
      env: { AWS_SECRET_ACCESS_KEY: SECRET },
    });
    expect(compiled.status, compiled.stderr).toBe(0);
    expect(compiled.stdout).toContain('${AWS_SECRET_ACCESS_KEY}');
    expect(compiled.stdout + compiled.stderr).not.toContain(SECRET);
  });
});
