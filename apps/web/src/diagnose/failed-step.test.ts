import type { Blueprint } from '@blaupause/model';
import { describe, expect, it } from 'vitest';
import { failedStepText, imageUsers } from './failed-step';

const bp = {
  apiVersion: 'blaupause.dev/v1',
  kind: 'Blueprint',
  metadata: { name: 'seed-haproxy' },
  services: {
    haproxy: { containers: { haproxy: { image: 'qaware/haproxy' } } },
    weba: { containers: { nginx: { image: 'qaware/nginx' } } },
    webb: { containers: { nginx: { image: 'qaware/nginx' }, log: { image: 'busybox' } } },
  },
} as unknown as Blueprint;

const pull = (image: string) => ({
  code: 'IMAGE_PULL_FAILED',
  message: `Image "${image}" could not be pulled: (HTTP code 500) server error - Get "https://registry-1.docker.io/v2/": no such host`,
});

describe('failedStepText', () => {
  it('names the image and the services that use it when a pull failed (was only "IMAGE_PULL_FAILED")', () => {
    const d = { failedStep: { what: 'IMAGE_PULL_FAILED' }, errors: [pull('qaware/nginx')] };
    expect(failedStepText(d, bp)).toBe('pull image qaware/nginx — used by weba/nginx, webb/nginx');
    expect(failedStepText({ ...d, errors: [pull('qaware/haproxy')] }, bp)).toBe('pull image qaware/haproxy — used by haproxy');
    expect(failedStepText({ ...d, errors: [pull('other:1')] }, bp)).toBe('pull image other:1');
    expect(failedStepText(d, undefined)).toBe('pull image qaware/nginx');
  });

  it('leaves a real step as the engine said it', () => {
    const d = {
      failedStep: { what: 'create web #1', elementId: 'container:web/web' },
      errors: [{ code: 'PORT_IN_USE', message: 'Service "web" cannot publish host port 8181' }],
    };
    expect(failedStepText(d, bp)).toBe('create web #1 (container:web/web)');
    expect(failedStepText({ failedStep: { what: 'after its start: the container exited' }, errors: [] }, bp)).toBe(
      'after its start: the container exited',
    );
    expect(failedStepText({ errors: [] }, bp)).toBeUndefined();
  });
});

describe('imageUsers', () => {
  it('lists every container with that image, service alone when the container is named like it', () => {
    expect(imageUsers(bp, 'busybox')).toEqual(['webb/log']);
    expect(imageUsers(bp, 'qaware/haproxy')).toEqual(['haproxy']);
    expect(imageUsers(bp, 'none')).toEqual([]);
  });
});
