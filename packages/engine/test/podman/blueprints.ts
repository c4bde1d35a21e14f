import { type Blueprint, type BlueprintInput, Blueprint as BlueprintSchema } from '@blaupause/model';

/** A blueprint from its services (and volumes), through the model's schema (defaults applied). */
export function bp(input: Omit<BlueprintInput, 'apiVersion' | 'kind' | 'metadata'> & { name?: string }): Blueprint {
  const { name = 'podman-test', ...rest } = input;
  return BlueprintSchema.parse({ apiVersion: 'blaupause.dev/v1', kind: 'Blueprint', metadata: { name }, ...rest });
}
