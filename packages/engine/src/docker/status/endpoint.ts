import type Dockerode from 'dockerode';

/** Where the engine was looked for, for the message that says it is not there. */
export function endpointOf(docker: Dockerode): string {
  const m = docker.modem as { socketPath?: unknown; host?: string; port?: number; protocol?: string };
  if (typeof m.socketPath === 'string') return `unix://${m.socketPath}`;
  if (m.host) return `${m.protocol ?? 'http'}://${m.host}${m.port ? `:${m.port}` : ''}`;
  // docker-modem without options resolves the socket lazily: DOCKER_HOST or the default.
  return process.env.DOCKER_HOST ?? 'unix:///var/run/docker.sock';
}
