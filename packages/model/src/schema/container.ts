import { z } from 'zod';
import { Duration, Name, Port, Quantity, StringMap } from './common';

export const ContainerRole = z
  .enum(['main', 'sidecar', 'ambassador', 'adapter', 'init'])
  .describe(
    'main: the service itself (exactly one per pod); sidecar extends it, ambassador proxies its outbound connections, adapter normalises its output; init runs to completion before the others start',
  );
export type ContainerRole = z.infer<typeof ContainerRole>;

export const Build = z.strictObject({
  context: z.string().min(1).describe('build context folder, relative to the blueprint file'),
  dockerfile: z.string().min(1).optional(),
  args: StringMap.optional(),
  target: z.string().min(1).optional(),
});
export type Build = z.infer<typeof Build>;

/** Exactly one probe kind; the targets translate it (exec/shell natively, http/tcp per target). */
export const HealthTest = z.union([
  z.strictObject({ exec: z.array(z.string()).min(1).describe('argv run inside the container; exit 0 = healthy') }),
  z.strictObject({ shell: z.string().min(1).describe('shell command run inside the container; exit 0 = healthy') }),
  z.strictObject({
    http: z.strictObject({ port: Port, path: z.string().startsWith('/').default('/'), scheme: z.enum(['http', 'https']).optional() }),
  }),
  z.strictObject({ tcp: z.strictObject({ port: Port }) }),
]);
export type HealthTest = z.infer<typeof HealthTest>;

export const Healthcheck = z.strictObject({
  test: HealthTest,
  interval: Duration.optional(),
  timeout: Duration.optional(),
  retries: z.number().int().min(1).max(1000).optional(),
  startPeriod: Duration.optional(),
  liveness: z
    .boolean()
    .optional()
    .describe('also restart the container when the check fails (Kubernetes livenessProbe); readiness is always derived'),
});
export type Healthcheck = z.infer<typeof Healthcheck>;

export const ResourceAmounts = z.strictObject({
  cpus: z.number().positive().max(1024).optional().describe('CPU cores, e.g. 0.5'),
  memory: Quantity.optional(),
});
export const Resources = z.strictObject({ limits: ResourceAmounts.optional(), requests: ResourceAmounts.optional() });
export type Resources = z.infer<typeof Resources>;

const mountBase = { target: z.string().startsWith('/').describe('absolute path inside the container'), readOnly: z.boolean().optional() };
export const Mount = z.discriminatedUnion('type', [
  z.strictObject({
    type: z.literal('volume'),
    source: Name.describe('a volume of this blueprint'),
    subPath: z.string().optional(),
    ...mountBase,
  }),
  z.strictObject({
    type: z.literal('bind'),
    source: z.string().min(1).describe('host path, relative to the blueprint file'),
    ...mountBase,
  }),
  z.strictObject({ type: z.literal('tmpfs'), size: Quantity.optional(), ...mountBase }),
  z.strictObject({ type: z.literal('config'), source: Name.describe('a config of this blueprint'), ...mountBase }),
  z.strictObject({ type: z.literal('secret'), source: Name.describe('a secret of this blueprint'), ...mountBase }),
]);
export type Mount = z.infer<typeof Mount>;

export const RestartPolicy = z.enum(['no', 'always', 'on-failure', 'unless-stopped']);

export const Container = z.strictObject({
  role: ContainerRole.default('main'),
  image: z.string().min(1).optional().describe('image reference; required unless build is given'),
  build: Build.optional(),
  command: z.array(z.string()).optional().describe('replaces the image entrypoint (Compose entrypoint, Kubernetes command)'),
  args: z.array(z.string()).optional().describe('arguments (Compose command, Kubernetes args)'),
  workingDir: z.string().optional(),
  user: z.string().optional(),
  env: StringMap.optional(),
  mounts: z.array(Mount).optional(),
  healthcheck: Healthcheck.optional(),
  resources: Resources.optional(),
  restart: RestartPolicy.optional(),
  // Settings that give a container power over the host: allowed in the format, flagged by validation.
  privileged: z.boolean().optional(),
  capAdd: z.array(z.string()).optional(),
  capDrop: z.array(z.string()).optional(),
  devices: z.array(z.string()).optional(),
  readOnlyRootFilesystem: z.boolean().optional(),
});
export type Container = z.infer<typeof Container>;
export type ContainerInput = z.input<typeof Container>;
