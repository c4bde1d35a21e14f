import { QUANTITY } from '../schema/common';
import type { Container } from '../schema/container';
import type { Service } from '../schema/service';
import { type Ctx, containersOf, perService, serviceMemo } from './context';
import { imageRefProblem } from './image-ref';
import { hasReference } from './parameters';

/** Per container: something to run (image or build), a well-formed image, requests within limits. */
const remembered = serviceMemo();

export function checkContainers(all: Ctx): void {
  perService(remembered, all, containersOfService);
}

/** checkContainers's report about one service (from that service and its name alone). */
export function containersOfService(ctx: Ctx, name: string, service: Service): void {
  const canary = service.rollout?.canary?.image;
  checkImage(ctx, ['services', name, 'rollout', 'canary', 'image'], `the canary of service "${name}"`, canary);
  for (const [c, container] of containersOf(service)) {
    const path = ['services', name, 'containers', c];
    if (container.image === undefined && container.build === undefined)
      ctx.report(
        'MISSING_IMAGE',
        'error',
        path,
        `Container "${c}" of service "${name}" has neither an image nor a build.`,
        'Set image (e.g. nginx:1.27) or build.context (a folder with a Dockerfile).',
      );
    checkImage(ctx, [...path, 'image'], `container "${c}" of service "${name}"`, container.image);
    checkRequests(ctx, path, c, name, container);
  }
}

function checkImage(ctx: Ctx, path: (string | number)[], owner: string, image: string | undefined): void {
  // A parameterised reference is only known at deploy time (UNKNOWN_PARAMETER covers the name).
  if (image === undefined || hasReference(image)) return;
  const problem = imageRefProblem(image);
  if (problem)
    ctx.report(
      'INVALID_IMAGE_REF',
      'error',
      path,
      `The image "${image}" of ${owner} ${problem}.`,
      'Write a reference such as nginx:1.27, ghcr.io/org/app:2.1 or registry.example:5000/team/app@sha256:<digest>; repository names are lower case.',
    );
}

const FACTORS: Record<string, number> = {
  '': 1,
  k: 1e3,
  M: 1e6,
  G: 1e9,
  T: 1e12,
  P: 1e15,
  Ki: 2 ** 10,
  Mi: 2 ** 20,
  Gi: 2 ** 30,
  Ti: 2 ** 40,
  Pi: 2 ** 50,
};

/** Bytes of a Kubernetes quantity such as 512Mi or 1G; undefined if it is not one. */
export function quantityBytes(q: string): number | undefined {
  if (!QUANTITY.test(q)) return undefined;
  const m = /^(\d+(?:\.\d+)?)([a-zA-Z]*)$/.exec(q);
  const factor = FACTORS[m?.[2] ?? ''];
  return m && factor !== undefined ? Number(m[1]) * factor : undefined;
}

/** Kubernetes refuses a container whose requests exceed its limits. */
function checkRequests(ctx: Ctx, path: (string | number)[], c: string, service: string, container: Container): void {
  const { limits, requests } = container.resources ?? {};
  if (!limits || !requests) return;
  const where = `Container "${c}" of service "${service}"`;
  if (limits.cpus !== undefined && requests.cpus !== undefined && requests.cpus > limits.cpus)
    ctx.report(
      'RESOURCES_RANGE',
      'error',
      [...path, 'resources', 'requests', 'cpus'],
      `${where} requests ${requests.cpus} CPUs but is limited to ${limits.cpus}.`,
      'Lower requests.cpus to at most limits.cpus.',
    );
  const lim = limits.memory === undefined ? undefined : quantityBytes(limits.memory);
  const req = requests.memory === undefined ? undefined : quantityBytes(requests.memory);
  if (lim !== undefined && req !== undefined && req > lim)
    ctx.report(
      'RESOURCES_RANGE',
      'error',
      [...path, 'resources', 'requests', 'memory'],
      `${where} requests ${requests.memory} of memory but is limited to ${limits.memory}.`,
      'Lower requests.memory to at most limits.memory.',
    );
}
