import { z } from 'zod';
import { Labels, Quantity } from './common';

export const Volume = z.strictObject({
  size: Quantity.optional(),
  access: z
    .enum(['single-writer', 'shared'])
    .default('single-writer')
    .describe('single-writer: one pod mounts it read-write (ReadWriteOnce); shared: many (ReadWriteMany)'),
  perReplica: z.boolean().optional().describe('every replica gets its own copy (Kubernetes StatefulSet volumeClaimTemplate)'),
  ephemeral: z.boolean().optional().describe('kept in memory, gone when the pod goes (tmpfs / emptyDir)'),
  external: z.boolean().optional().describe('created outside the blueprint; never created or deleted by it'),
  driver: z.string().optional(),
  labels: Labels.optional(),
});
export type Volume = z.infer<typeof Volume>;

export const Network = z.strictObject({
  internal: z.boolean().optional().describe('no route to the outside world'),
  external: z.boolean().optional(),
  driver: z.string().optional(),
  labels: Labels.optional(),
});
export type Network = z.infer<typeof Network>;

export const Config = z.strictObject({
  file: z.string().min(1).optional().describe('file relative to the blueprint file'),
  content: z.string().optional(),
  external: z.boolean().optional(),
});
export type Config = z.infer<typeof Config>;

export const Secret = z.strictObject({
  file: z.string().min(1).optional().describe('file relative to the blueprint file'),
  environment: z.string().min(1).optional().describe('name of an environment variable read at deploy time'),
  external: z.boolean().optional(),
});
export type Secret = z.infer<typeof Secret>;
