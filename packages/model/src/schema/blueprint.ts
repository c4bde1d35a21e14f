import { z } from 'zod';
import { Labels, Name } from './common';
import { Config, Network, Secret, Volume } from './resources';
import { Service } from './service';

export const API_VERSION = 'blaupause.dev/v1' as const;
export const KIND = 'Blueprint' as const;

export const Parameter = z.strictObject({
  default: z.string().optional(),
  description: z.string().optional(),
  required: z.boolean().optional(),
});

/** Where things are drawn. Kept apart from the semantics: moving a node never changes compiled output. */
export const LayoutEntry = z.strictObject({
  x: z.number(),
  y: z.number(),
  width: z.number().positive().optional(),
  height: z.number().positive().optional(),
  collapsed: z.boolean().optional(),
});
export const Layout = z.strictObject({ nodes: z.record(z.string(), LayoutEntry).default({}) });
export type Layout = z.infer<typeof Layout>;

export const Blueprint = z.strictObject({
  apiVersion: z.literal(API_VERSION),
  kind: z.literal(KIND),
  metadata: z.strictObject({
    name: Name.describe('application name; the Compose project and Kubernetes part-of label'),
    description: z.string().optional(),
    version: z.string().optional(),
    labels: Labels.optional(),
  }),
  parameters: z.record(z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/), Parameter).optional(),
  services: z.record(Name, Service).default({}),
  volumes: z.record(Name, Volume).optional(),
  networks: z.record(Name, Network).optional(),
  configs: z.record(Name, Config).optional(),
  secrets: z.record(Name, Secret).optional(),
  layout: Layout.optional(),
});
export type Blueprint = z.infer<typeof Blueprint>;
export type BlueprintInput = z.input<typeof Blueprint>;
