/**
 * Canvas ids are the model's element ids (ids.ts): `service:web`, `volume:data`, `network:backend`,
 * `link:a->b`. Mounts and network memberships have no element id of their own; their edges are
 * `mount:<service>-><volume>` (one per pair however many containers of the pod mount the volume)
 * and `join:<service>-><network>`. Exposure nodes (a published port, an ingress route) belong to
 * their service's port: `exposure:<service>/<port>/<protocol>`, drawn with an `expose:` edge.
 */
export const mountEdgeId = (service: string, volume: string) => `mount:${service}->${volume}`;
export const joinEdgeId = (service: string, network: string) => `join:${service}->${network}`;
export const exposureId = (service: string, port: number, protocol: string) => `exposure:${service}/${port}/${protocol}`;
export const exposeEdgeId = (service: string, port: number, protocol: string) => `expose:${service}/${port}/${protocol}`;

/** `link:a->b` / `mount:a->b` / `join:a->b` → [a, b]. */
export function edgeEnds(id: string): [string, string] | undefined {
  const rest = id.slice(id.indexOf(':') + 1);
  const i = rest.indexOf('->');
  return i < 0 ? undefined : [rest.slice(0, i), rest.slice(i + 2)];
}

/** `exposure:web/80/tcp` → the service and port it shows. */
export function exposureEnds(id: string): { service: string; port: number; protocol: string } | undefined {
  const m = /^exposure:([^/]+)\/(\d+)\/([a-z]+)$/.exec(id);
  return m ? { service: m[1] as string, port: Number(m[2]), protocol: m[3] as string } : undefined;
}
