/**
 * What on a host a container must not be given lightly — one list for the model's validation
 * (DANGEROUS_SETTING warnings while drawing) and the engine's payload policy (the acknowledgement
 * before a deploy), so the two cannot drift apart. Plain data: isomorphic.
 */

/** An engine's control socket, wherever it lives (Docker Desktop and rootless Podman keep it under a home or /run/user). */
export const ENGINE_SOCKET = /(^|\/)(docker|podman|containerd|crio|cri-dockerd|dockershim|buildkitd)\.sock$/;

/** System folders of the host (binding one of their parents hands them over too). */
export const SYSTEM_DIRS: readonly string[] = [
  '/etc',
  '/proc',
  '/sys',
  '/dev',
  '/boot',
  '/root',
  '/run',
  '/var/run',
  '/var/lib/docker',
  '/var/lib/containerd',
  '/var/lib/containers',
  '/var/lib/kubelet',
  '/usr',
  '/bin',
  '/sbin',
  '/lib',
  '/lib64',
];

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

/** What the Pod Security Standards "baseline" profile lets a pod add: Docker's set without NET_RAW. */
export const BASELINE_CAPS: ReadonlySet<string> = new Set([...DOCKER_DEFAULT_CAPS].filter((c) => c !== 'NET_RAW'));

/** `cap_sys_admin`, `CAP_SYS_ADMIN` and `SYS_ADMIN` are the same capability to the engine. */
export const normaliseCap = (cap: string): string => cap.trim().toUpperCase().replace(/^CAP_/, '');
