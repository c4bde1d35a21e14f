import { describe, expect, it } from 'vitest';
import { importCompose } from '../../src/import/compose/import-compose';
import { bracedTemplate, evaluate, parseTemplate, references } from '../../src/import/compose/template';
import { codes, fixture, imported, main } from './helpers';

const lookup = (env: Record<string, string>) => (name: string) => (Object.hasOwn(env, name) ? env[name] : undefined);

describe('Compose interpolation syntax', () => {
  it('evaluates every operator as Compose does', () => {
    const env = { SET: 'v', EMPTY: '' };
    const run = (s: string) => evaluate(s, { lookup: lookup(env), mode: 'literal' });
    expect(run('${SET} $SET ${UNSET}')).toEqual({ ok: true, value: 'v v ' });
    expect(run('${EMPTY:-d}|${EMPTY-d}|${UNSET-d}|${UNSET:-d}')).toEqual({ ok: true, value: 'd||d|d' });
    expect(run('${SET:+alt}|${EMPTY:+alt}|${EMPTY+alt}|${UNSET+alt}')).toEqual({ ok: true, value: 'alt||alt|' });
    expect(run('${UNSET:-${SET}/x}')).toEqual({ ok: true, value: 'v/x' });
    expect(run('cost: $$5')).toEqual({ ok: true, value: 'cost: $5' });
  });

  it('calls back for unset and required variables', () => {
    const unset: string[] = [];
    const required: string[] = [];
    const r = evaluate('${A} ${B:?need B} ${C?need C} ${EMPTY:?no empty} ${EMPTY?ok}', {
      lookup: lookup({ EMPTY: '' }),
      mode: 'literal',
      onUnset: (n) => unset.push(n),
      onRequired: (n, m) => required.push(`${n}: ${m}`),
    });
    expect(r).toEqual({ ok: true, value: '    ' });
    expect(unset).toEqual(['A']);
    expect(required).toEqual(['B: need B', 'C: need C', 'EMPTY: no empty']);
  });

  it('keeps "$$" and escapes dollars of values in template mode', () => {
    expect(evaluate('$$HOME ${P}', { lookup: lookup({ P: 'a$b' }), mode: 'template' })).toEqual({ ok: true, value: '$$HOME a$$b' });
  });

  it('reports malformed templates', () => {
    expect(parseTemplate('pa$5').ok).toBe(false);
    expect(parseTemplate('${unclosed').ok).toBe(false);
    expect(parseTemplate('${1X}').ok).toBe(false);
    expect(parseTemplate('${X%y}').ok).toBe(false);
    expect(parseTemplate('end$').ok).toBe(false);
  });

  it('lists references, nested defaults included, and braces bare ones', () => {
    expect(references('${A:-${B}} $C ${D:?msg $E}').map((r) => r.name)).toEqual(['A', 'B', 'C', 'D']);
    expect(bracedTemplate('$A-${B:-$C} $$D ${E:?$msg}')).toBe('${A}-${B:-${C}} $$D ${E:?$msg}');
  });
});

describe('importCompose: interpolation', () => {
  it('without variables keeps templates as written and declares each variable a parameter', () => {
    const { bp, diagnostics } = imported(fixture('interpolation.compose.yaml'));
    // Variables without a default are said to be parameters now, empty until set (never read from the environment).
    expect(codes({ diagnostics })).toEqual([
      'INTERPOLATION_PARAMETER parameters.DB_PASSWORD',
      'INTERPOLATION_PARAMETER parameters.DB_NAME',
    ]);
    expect(diagnostics.map((d) => d.severity)).toEqual(['info', 'info']);
    expect(diagnostics[1]?.message).toBe(
      '${DB_NAME} has no value in the file: it is now the blueprint parameter DB_NAME, empty until set. The environment of Blaupause is never read.',
    );
    expect(bp.parameters).toEqual({
      PG_VERSION: { default: '16' },
      DB_USER: { default: 'app' },
      DB_PASSWORD: { required: true, description: 'set DB_PASSWORD' },
      DB_NAME: {},
      DATA_DIR: { default: './data' },
    });
    const db = main(bp, 'db');
    expect(db.image).toBe('postgres:${PG_VERSION:-16}');
    expect(db.env).toEqual({
      POSTGRES_USER: '${DB_USER-app}',
      POSTGRES_PASSWORD: '${DB_PASSWORD:?set DB_PASSWORD}',
      POSTGRES_DB: '${DB_NAME}',
      PGDATA: '/var/lib/postgresql/data/$${SUBDIR}',
    });
    expect(db.healthcheck?.test).toEqual({ shell: 'pg_isready -U $$POSTGRES_USER' });
    expect(db.mounts).toEqual([{ type: 'bind', source: '${DATA_DIR:-./data}', target: '/var/lib/postgresql/data' }]);
  });

  it('with variables resolves from them only, warns for unset and fails for required ones', () => {
    const r = importCompose(fixture('interpolation.compose.yaml'), { env: { PG_VERSION: '17', DB_NAME: 'shop', PATH: '/usr/bin' } });
    expect(codes(r)).toEqual(['INTERPOLATION_REQUIRED services.db.environment.POSTGRES_PASSWORD']);
    expect(r.ok).toBe(false);
    expect(r.diagnostics[0]?.message).toContain('set DB_PASSWORD');
    expect(r.diagnostics[0]?.source).toEqual({ line: 7, col: 7 });
  });

  it('with variables gives a blueprint without parameters; "$$" stays an escaped dollar', () => {
    const { bp, diagnostics } = imported(fixture('interpolation.compose.yaml'), { env: { DB_PASSWORD: 'pa$$word', DATA_DIR: '/srv/pg' } });
    expect(codes({ diagnostics })).toEqual(['INTERPOLATION_UNSET services.db.environment.POSTGRES_DB']);
    expect(bp.parameters).toBeUndefined();
    const db = main(bp, 'db');
    expect(db.image).toBe('postgres:16');
    expect(db.env).toEqual({
      POSTGRES_USER: 'app',
      POSTGRES_PASSWORD: 'pa$$$$word',
      POSTGRES_DB: '',
      PGDATA: '/var/lib/postgresql/data/$${SUBDIR}',
    });
    expect(db.mounts).toEqual([{ type: 'bind', source: '/srv/pg', target: '/var/lib/postgresql/data' }]);
  });

  it('never reads the process environment', () => {
    process.env.BLAUPAUSE_TEST_SECRET = 'from-process';
    const { bp } = imported('services:\n  a:\n    image: x\n    environment:\n      S: ${BLAUPAUSE_TEST_SECRET}\n', { env: {} });
    expect(main(bp, 'a').env).toEqual({ S: '' });
    delete process.env.BLAUPAUSE_TEST_SECRET;
  });

  it('uses the default where no parameter can stay (a number) and says so', () => {
    const { bp, diagnostics } = imported(
      'services:\n  a:\n    image: x\n    ports:\n      - "${PORT:-8080}:80"\n    deploy:\n      replicas: ${N}\n',
    );
    expect(codes({ diagnostics })).toEqual([
      'IMPORT_APPROXIMATED services.a.ports.0',
      'IMPORT_APPROXIMATED services.a.deploy.replicas',
      'INTERPOLATION_PARAMETER parameters.N',
    ]);
    expect(diagnostics[0]?.message).toContain('"8080:80"');
    expect(diagnostics[1]?.message).toContain('no default');
    expect(bp.services.a?.replicas).toBe(1);
    expect(bp.services.a?.ports).toEqual([{ port: 80, protocol: 'tcp', publish: 8080 }]);
    expect(bp.parameters).toEqual({ PORT: { default: '8080' }, N: {} });
  });

  it('reports a malformed template as an error, as Compose does', () => {
    const r = importCompose('services:\n  a:\n    image: x\n    environment:\n      PASS: pa$5\n');
    expect(codes(r)).toEqual(['INTERPOLATION_SYNTAX services.a.environment.PASS']);
    expect(r.ok).toBe(false);
    expect(r.diagnostics[0]?.hint).toContain('$$');
  });

  it('takes a variable written without value from a parameter of the same name', () => {
    const text = 'services:\n  a:\n    image: x\n    environment:\n      - TOKEN\n      - MODE=prod\n';
    const { bp, diagnostics } = imported(text);
    expect(codes({ diagnostics })).toEqual(['IMPORT_APPROXIMATED services.a.environment.0', 'INTERPOLATION_PARAMETER parameters.TOKEN']);
    expect(main(bp, 'a').env).toEqual({ TOKEN: '${TOKEN}', MODE: 'prod' });
    expect(bp.parameters).toEqual({ TOKEN: {} });
    const given = imported(text, { env: { TOKEN: 't$k' } });
    expect(given.diagnostics).toEqual([]);
    expect(main(given.bp, 'a').env).toEqual({ TOKEN: 't$$k', MODE: 'prod' });
    const missing = imported(text, { env: {} });
    expect(codes(missing)).toEqual(['IMPORT_APPROXIMATED services.a.environment.0']);
    expect(main(missing.bp, 'a').env).toEqual({ MODE: 'prod' });
  });

  it('leaves x- extensions uninterpolated and unreported', () => {
    const { bp, diagnostics } = imported('x-note: "costs $5"\nservices:\n  a:\n    image: x\n    x-cost: ${UNSET\n');
    expect(diagnostics).toEqual([]);
    expect(bp.parameters).toBeUndefined();
  });

  it('finds a "$" written as an escape in a double-quoted scalar (the text then holds no "$")', () => {
    for (const dollar of ['\\x24', '\\u0024', '\\U00000024']) {
      const text = `services:\n  web:\n    image: "nginx:${dollar}{TAG:-1.27}"\n`;
      expect(text.includes('$')).toBe(false);
      const { bp } = imported(text);
      expect(main(bp, 'web').image).toBe('nginx:${TAG:-1.27}');
      expect(bp.parameters?.TAG).toEqual({ default: '1.27' });
    }
  });
});
