import type { ContainerStatus } from './api-types';

/** Test data: the status of container web/web #1 of project "shop", running; `over` changes any field. */
export const containerStatus = (over: Partial<ContainerStatus> = {}): ContainerStatus => ({
  project: 'shop',
  service: 'web',
  container: 'web',
  replica: 1,
  elementId: 'container:web/web',
  state: 'running',
  restarts: 0,
  image: 'busybox',
  ports: [],
  at: 1,
  ...over,
});
