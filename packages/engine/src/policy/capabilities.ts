/** Docker's default capability set (moby oci/caps/defaults.go): adding one of these changes nothing. */
export const DOCKER_DEFAULT_CAPS: ReadonlySet<string> = new Set([
  'CHOWN',
  'DAC_OVERRIDE',
  'FSETID',
  'FOWNER',
  'MKNOD',
  'NET_RAW',
  'SETGID',
  'SETUID',
  'SETFCAP',
  'SETPCAP',
  'NET_BIND_SERVICE',
  'SYS_CHROOT',
  'KILL',
  'AUDIT_WRITE',
]);

/**
 * What the Pod Security Standards "baseline" profile lets a pod add: Docker's set without NET_RAW
 * (the Kubernetes reference the research recommends).
 */
export const BASELINE_CAPS: ReadonlySet<string> = new Set([...DOCKER_DEFAULT_CAPS].filter((c) => c !== 'NET_RAW'));

/** `cap_sys_admin`, `CAP_SYS_ADMIN` and `SYS_ADMIN` are the same capability to the engine. */
export const normaliseCap = (cap: string): string => cap.trim().toUpperCase().replace(/^CAP_/, '');
