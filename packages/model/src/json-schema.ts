import { z } from 'zod';
import { API_VERSION, Blueprint } from './schema/blueprint';
import { Container, Healthcheck, Mount } from './schema/container';
import { Config, Network, Secret, Volume } from './schema/resources';
import { Link, Service, ServicePort } from './schema/service';

export const BLUEPRINT_SCHEMA_ID = 'https://blaupause.dev/schemas/blueprint-v1.schema.json';

/**
 * The blueprint format as a JSON Schema (draft-07: what monaco-yaml / yaml-language-server and most
 * editors read best), generated from the zod schema so the two cannot drift apart. Input side:
 * fields with defaults are optional. Named definitions make editor hovers and errors readable.
 */
export function blueprintJsonSchema(): Record<string, unknown> {
  const registry = z.registry<{ id: string; title?: string; description?: string }>();
  const named: [z.ZodType, string, string][] = [
    [Service, 'Service', 'A logical unit with a stable name, implemented by one pod of containers.'],
    [Container, 'Container', 'One container of a pod: image or build, command, env, mounts, healthcheck, resources.'],
    [Link, 'Link', '"This service uses that one": start order, readiness, optional connection variable.'],
    [ServicePort, 'ServicePort', 'A port of the main container, optionally published on the host or behind an ingress.'],
    [Mount, 'Mount', 'A volume, bind, tmpfs, config or secret mounted into a container.'],
    [Healthcheck, 'Healthcheck', 'How to tell that a container is healthy: exec, shell, http or tcp.'],
    [Volume, 'Volume', 'Named persistent (or ephemeral) storage.'],
    [Network, 'Network', 'A network segment that services join.'],
    [Config, 'Config', 'A file or value mounted into containers.'],
    [Secret, 'Secret', 'A secret mounted into containers; its value never appears in the blueprint.'],
  ];
  for (const [schema, id, description] of named) registry.add(schema, { id, title: id, description });
  const body = z.toJSONSchema(Blueprint, {
    target: 'draft-07',
    io: 'input',
    metadata: registry,
    unrepresentable: 'any',
    override: ({ zodSchema, jsonSchema }) => {
      // .describe() texts live in the global registry, which `metadata` above replaces.
      const described = z.globalRegistry.get(zodSchema)?.description;
      if (described && jsonSchema.description === undefined) jsonSchema.description = described;
      // startsWith() becomes a pattern plus a made-up format that strict validators refuse.
      if (jsonSchema.format === 'starts_with') delete jsonSchema.format;
      // z.number().int() adds ±2^53 bounds: true, but noise in every editor hover.
      if (jsonSchema.maximum === Number.MAX_SAFE_INTEGER) delete jsonSchema.maximum;
      if (jsonSchema.minimum === Number.MIN_SAFE_INTEGER) delete jsonSchema.minimum;
    },
  }) as Record<string, unknown>;
  const { $schema, ...rest } = body;
  return {
    $schema,
    $id: BLUEPRINT_SCHEMA_ID,
    title: 'Blaupause blueprint',
    description: `A containerised application drawn in Blaupause (apiVersion ${API_VERSION}); compiles to Docker Compose, Swarm and Kubernetes. Reference: docs/blueprint-format.md.`,
    ...rest,
  };
}
