import { describe, expect, it } from 'vitest';
import type { ProgressEvent } from './api-types';
import { buildLabel, NO_BUILDS, type NodeBuilds, reduceBuilds } from './build-progress';

const IMG = 'shop-web:bp-0123456789ab';
const build = (text: string, at = 1, image = IMG, elementId = 'container:web/web'): ProgressEvent => ({
  kind: 'build',
  image,
  elementId,
  text,
  at,
});
const run = (events: ProgressEvent[], from: NodeBuilds = NO_BUILDS, runId = 'r1') =>
  events.reduce((s, e) => reduceBuilds(s, e, runId), from);
const image = (phase: 'started' | 'done' | 'failed', message?: string): ProgressEvent => ({
  kind: 'step',
  action: { kind: 'create', resource: 'image', name: IMG, reason: 'build' },
  phase,
  ...(message ? { message } : {}),
  at: 5,
});

describe('reduceBuilds (image builds on the nodes)', () => {
  it('shows the current step and line while a service’s image builds, then built', () => {
    const building = run([build('Step 1/3 : FROM busybox'), build(' ---> 1a2b3c'), build('Step 2/3 : COPY v.txt /v.txt', 2)]);
    expect(building.services.web).toMatchObject({ state: 'building', step: '2/3', line: 'Step 2/3 : COPY v.txt /v.txt', container: 'web' });
    expect(buildLabel(building.services.web!)).toBe('building · Step 2/3');
    // A line without a step keeps the step it belongs to.
    expect(run([build(' ---> Running in 42')], building).services.web).toMatchObject({ step: '2/3', line: ' ---> Running in 42' });
    // An images run says so with a step event; a deploy's build ends with the builder's last line.
    expect(run([image('done')], building).services.web?.state).toBe('built');
    const tagged = run([build(`Successfully tagged ${IMG}`, 3)], building);
    expect(tagged.services.web?.state).toBe('built');
    expect(buildLabel(tagged.services.web!)).toBe('built');
    // The deploy going on (its plan, its containers) leaves the badge as it is.
    expect(run([{ kind: 'plan', plan: { project: 'shop', actions: [], resources: [], noop: false } }], tagged)).toBe(tagged);
  });

  it('marks the node with the failing step of a BUILD_FAILED', () => {
    const failed = run([
      build('Step 2/2 : COPY missing.txt /missing.txt'),
      image('failed', 'could not be built'),
      {
        kind: 'error',
        error: {
          code: 'BUILD_FAILED',
          message:
            'Image for container "web" of service "web" could not be built at Step 2/2 : COPY missing.txt /missing.txt: no such file',
          elementId: 'container:web/web',
          step: 'Step 2/2 : COPY missing.txt /missing.txt',
        },
        at: 6,
      },
      { kind: 'done', ok: false, durationMs: 5, at: 7 },
    ]);
    expect(failed.services.web).toMatchObject({ state: 'failed', step: '2/2', image: IMG });
    expect(failed.services.web?.line).toMatch(/no such file/);
    expect(buildLabel(failed.services.web!)).toBe('build failed · Step 2/2');
  });

  it('a run ending while a build goes on settles it; the next run starts afresh', () => {
    const cut = run([build('Step 1/2 : FROM busybox'), { kind: 'done', ok: false, durationMs: 1, at: 2 }]);
    expect(cut.services.web?.state).toBe('failed');
    const next = run([{ kind: 'plan', plan: { project: 'shop', actions: [], resources: [], noop: true } }], cut, 'r2');
    expect(next).toEqual({ runId: 'r2', services: {} });
  });

  it('leaves the state object alone for events that are not about builds (no re-render)', () => {
    const s = run([build('Step 1/2 : FROM busybox')]);
    const unrelated: ProgressEvent[] = [
      { kind: 'pull', image: 'redis:7', status: 'Downloading', at: 3 },
      { kind: 'wait', service: 'web', on: 'db', condition: 'healthy', at: 3 },
      { kind: 'error', error: { code: 'PORT_IN_USE', message: 'taken', elementId: 'container:web/web' }, at: 3 },
      build('no element', 3, IMG, 'service:web'),
      image('started'),
    ];
    for (const e of unrelated) expect(reduceBuilds(s, e, 'r1')).toBe(s);
    // A new run without builds keeps the empty state as it was.
    const empty = run([{ kind: 'plan', plan: { project: 'shop', actions: [], resources: [], noop: true } }]);
    expect(empty.services).toBe(NO_BUILDS.services);
    // Another service building does not replace this one.
    expect(run([build('Step 1/1 : FROM x', 4, 'shop-api:bp-1', 'container:api/api')], s).services.web).toBe(s.services.web);
  });
});
