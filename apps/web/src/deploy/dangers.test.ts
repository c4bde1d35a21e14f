import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { DeployPlan, ProgressEvent } from './api-types';
import { DangerConfirm } from './DangerConfirm';
import { acknowledgement, type Danger, knownDangers } from './dangers';

const priv: Danger = {
  id: 'privileged:container:web/main',
  code: 'privileged',
  elementId: 'container:web/main',
  field: 'HostConfig.Privileged',
  value: 'true',
  why: 'it gets every capability and every device of the host: root on the host',
};
const sock: Danger = {
  ...priv,
  id: 'bind-engine-socket:container:web/main:/var/run/docker.sock',
  code: 'bind-engine-socket',
  value: '/var/run/docker.sock',
};
const plan = (dangers: Danger[]): DeployPlan => ({ project: 'shop', actions: [], resources: [], noop: false, dangers });

describe('the typed confirmation of dangerous settings', () => {
  it('Deploy needs nothing extra without dangers', () => {
    expect(acknowledgement([], '', 'shop')).toEqual([]);
  });

  it('with dangers, only the exact project name acknowledges, and then every id', () => {
    expect(acknowledgement([priv, sock], '', 'shop')).toBeUndefined();
    expect(acknowledgement([priv, sock], 'sho', 'shop')).toBeUndefined();
    expect(acknowledgement([priv, sock], 'Shop', 'shop')).toBeUndefined();
    expect(acknowledgement([priv, sock], 'shop', 'shop')).toEqual([priv.id, sock.id]);
  });

  it('the dangers come from the plan, or from a refused run when there was none', () => {
    const refused: ProgressEvent = {
      kind: 'error',
      at: 1,
      error: { code: 'DANGEROUS_SETTINGS', message: 'm', dangers: [sock] },
    };
    expect(knownDangers(plan([priv]), [refused])).toEqual([priv]);
    expect(knownDangers(undefined, [refused])).toEqual([sock]);
    expect(knownDangers(undefined, [])).toEqual([]);
  });

  it('lists each finding plainly: element, why, field and value', () => {
    const html = renderToStaticMarkup(
      createElement(DangerConfirm, { dangers: [priv, sock], project: 'shop', typed: '', onType: () => {} }),
    );
    expect(html).toContain('2 dangerous settings');
    expect(html).toContain('web/main');
    expect(html).toContain('root on the host');
    expect(html).toContain('/var/run/docker.sock');
    expect(html).toContain('Type <code>shop</code>');
    expect(renderToStaticMarkup(createElement(DangerConfirm, { dangers: [], project: 'shop', typed: '', onType: () => {} }))).toBe('');
  });
});
