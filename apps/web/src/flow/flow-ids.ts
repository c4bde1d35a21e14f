/**
 * Canvas ids are the model's element ids (ids.ts): `service:web`, `volume:data`, `link:a->b`.
 * Mounts have no element id of their own; their edges are `mount:<service>-><volume>`, one per pair
 * however many containers of the pod mount the volume.
 */
export const mountEdgeId = (service: string, volume: string) => `mount:${service}->${volume}`;

/** `link:a->b` / `mount:a->b` → [a, b]. */
export function edgeEnds(id: string): [string, string] | undefined {
  const rest = id.slice(id.indexOf(':') + 1);
  const i = rest.indexOf('->');
  return i < 0 ? undefined : [rest.slice(0, i), rest.slice(i + 2)];
}
