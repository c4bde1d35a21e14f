import { z } from 'zod';
import { Duration, Labels, Name, Port, Protocol } from './common';
import { Container } from './container';

export const LinkCondition = z
  .enum(['started', 'healthy', 'completed'])
  .describe('when the user may start: the target has started, is healthy, or has run to completion (exit 0)');
export type LinkCondition = z.infer<typeof LinkCondition>;

/** "This service uses that one": drives start order and, if asked, injects a connection variable. */
export const Link = z.strictObject({
  to: Name.describe('the service that is used'),
  port: Port.optional().describe('the port used; defaults to the target service’s first port'),
  protocol: z
    .string()
    .regex(/^[a-z][a-z0-9+.-]*$/)
    .optional()
    .describe('URL scheme for the injected variable, e.g. http, redis, postgres'),
  condition: LinkCondition.default('started'),
  env: z
    .string()
    .regex(/^[A-Za-z_][A-Za-z0-9_]*$/)
    .optional()
    .describe('name of an environment variable to inject with the target address'),
  required: z.boolean().optional().describe('false: start even if the target cannot be started (Compose required: false)'),
  timeout: Duration.optional(),
});
export type Link = z.infer<typeof Link>;

export const Ingress = z.strictObject({
  host: z
    .string()
    .regex(/^(\*\.)?[a-z0-9]([-a-z0-9.]*[a-z0-9])?$/, 'must be a host name')
    .optional(),
  path: z.string().startsWith('/').default('/'),
  tls: z.boolean().optional(),
});

/** A port of the pod; `publish` puts it on the host, `ingress` behind an HTTP entry point. */
export const ServicePort = z.strictObject({
  name: Name.optional(),
  port: Port.describe('port the main container listens on'),
  protocol: Protocol.default('tcp'),
  publish: Port.optional().describe('host port (Compose ports, Kubernetes NodePort/LoadBalancer)'),
  hostIp: z.string().optional().describe('host address to bind the published port to, e.g. 127.0.0.1'),
  ingress: Ingress.optional(),
});
export type ServicePort = z.infer<typeof ServicePort>;

export const Scaling = z.strictObject({
  min: z.number().int().min(0),
  max: z.number().int().min(1),
  targetCPU: z.number().int().min(1).max(100).default(80).describe('average CPU utilisation in percent'),
});
export type Scaling = z.infer<typeof Scaling>;

export const Rollout = z.strictObject({
  strategy: z.enum(['recreate', 'rolling', 'canary']).default('rolling'),
  maxSurge: z.number().int().min(0).optional(),
  maxUnavailable: z.number().int().min(0).optional(),
  order: z.enum(['start-first', 'stop-first']).optional(),
  canary: z.strictObject({ replicas: z.number().int().min(1), image: z.string().min(1).optional() }).optional(),
  failureAction: z.enum(['rollback', 'pause', 'continue']).optional(),
  monitor: Duration.optional(),
});
export type Rollout = z.infer<typeof Rollout>;

export const PlacementConstraint = z.strictObject({
  label: z.string().min(1).describe('node label, e.g. disk, or the well-known hostname / role'),
  op: z.enum(['==', '!=']).default('=='),
  value: z.string(),
});
export const Placement = z.strictObject({ constraints: z.array(PlacementConstraint).default([]) });

export const Service = z.strictObject({
  description: z.string().optional(),
  labels: Labels.optional(),
  mode: z
    .enum(['replicated', 'global'])
    .default('replicated')
    .describe('global: one replica per node (Swarm global, Kubernetes DaemonSet)'),
  replicas: z.number().int().min(0).max(10000).default(1),
  scaling: Scaling.optional(),
  rollout: Rollout.optional(),
  autoHeal: z.boolean().optional().describe('false: the auto-healing supervisor leaves this service alone (no restarts, no re-creates)'),
  placement: Placement.optional(),
  ports: z.array(ServicePort).optional(),
  networks: z.array(Name).optional().describe('segments the service joins; omitted: the blueprint’s default network'),
  links: z.array(Link).optional(),
  profiles: z.array(Name).optional(),
  hostNetwork: z.boolean().optional(),
  hostPid: z.boolean().optional(),
  hostIpc: z.boolean().optional(),
  containers: z.record(Name, Container).describe('the pod: containers keyed by name, exactly one with role main'),
});
export type Service = z.infer<typeof Service>;
export type ServiceInput = z.input<typeof Service>;
