import { diagnoseRun, LABEL } from '@blaupause/engine';
import { describe, expect, it } from 'vitest';
import { portHolderHint, portOf, withPortHolder } from './port-holder';

const ours = (project: string, service: string, port: number, state = 'running') => ({
  Names: [`/${project}-${service}-1`],
  State: state,
  Labels: { [LABEL.project]: project, [LABEL.managed]: 'true', [LABEL.blueprintService]: service, [LABEL.service]: service },
  Ports: [{ IP: '127.0.0.1', PublicPort: port }],
});

describe('portOf', () => {
  it('reads the host port of the engine error', () => {
    expect(portOf('Service "web" cannot publish host port 8181: it is already in use (…)')).toBe(8181);
    expect(portOf('something else')).toBeUndefined();
  });
});

describe('portHolderHint', () => {
  it('names another deployment of ours holding the port, with project and service', () => {
    const list = [ours('run-sidecar', 'web', 8181, 'created'), ours('hux2-sidecar', 'web', 8181), ours('x', 'y', 9000)];
    expect(portHolderHint(8181, list, 'run-sidecar')).toBe(
      'Port 8181 is held by the container hux2-sidecar-web-1 of the deployment "hux2-sidecar" (service web): tear that deployment down, or publish this service on another host port.',
    );
  });

  it('names a plain Compose project or a bare container', () => {
    const compose = {
      Names: ['/shop-db-1'],
      State: 'running',
      Labels: { [LABEL.project]: 'shop', [LABEL.service]: 'db' },
      Ports: [{ PublicPort: 5432 }],
    };
    expect(portHolderHint(5432, [compose], 'mine')).toMatch(/container shop-db-1 of the Compose project "shop" \(service db\): stop it/);
    const bare = { Names: ['/nginx'], State: 'running', Labels: {}, Ports: [{ PublicPort: 80 }] };
    expect(portHolderHint(80, [bare], 'mine')).toBe(
      'Port 80 is held by the container nginx: stop it, or publish this service on another host port.',
    );
  });

  it('says a host process holds it when no running container of another project publishes it', () => {
    expect(portHolderHint(28714, [ours('mine', 'site', 28714, 'created')], 'mine')).toMatch(
      /^No container publishes port 28714: a process on this machine/,
    );
  });
});

describe('withPortHolder', () => {
  it('puts who holds the port in place of the error’s own general hint: one piece of advice, not two alike', () => {
    const hint = 'Stop what listens on port 8181, or publish web on another host port.';
    const d = diagnoseRun([
      {
        kind: 'error',
        error: { code: 'PORT_IN_USE', message: 'Service "web" cannot publish host port 8181: it is already in use', hint },
        at: 1,
      },
      { kind: 'done', ok: false, durationMs: 1, at: 1 },
    ]);
    const holder = portHolderHint(8181, [ours('other', 'web', 8181)], 'shop');
    expect(withPortHolder(d.tryNext, holder, hint)).toEqual([holder]);
  });
});
