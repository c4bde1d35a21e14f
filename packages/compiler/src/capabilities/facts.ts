import type { DutyId } from './duties';
import { type Features, list } from './features';

export type Level = 'automated' | 'partial' | 'manual' | 'not-applicable';
/** `docker`: Blaupause's own Docker driver and orchestrator; the others: the compiler's targets. */
export type Column = 'docker' | 'compose' | 'swarm' | 'kubernetes';
export interface Fact {
  level: Level;
  why: string;
}
type Rule = (f: Features) => Fact;

const auto = (why: string): Fact => ({ level: 'automated', why });
const partial = (why: string): Fact => ({ level: 'partial', why });
const manual = (why: string): Fact => ({ level: 'manual', why });
const na = (why: string): Fact => ({ level: 'not-applicable', why });

/**
 * What each target does for each duty before the compiler's notes are counted (the notes of this
 * blueprint can only lower an `automated` cell to `partial`; see matrix.ts). The `docker` column
 * states what Blaupause's drivers do — the compiler cannot import the engine, so the facts are
 * copied here from its documentation:
 *   packages/engine/CONTEXT.md (the Docker driver: order, pods, images and builds, names and labels),
 *   packages/engine/src/docker/orchestrate/README.md (scale, rolling update, canary, supervisor, placement),
 *   packages/engine/src/swarm/README.md (Swarm driver: rollback, no canary, no autoscaling),
 *   packages/engine/src/kubernetes/README.md (server-side apply as an ApplySet, pruning, pod status),
 *   packages/engine/src/podman/README.md (the Kubernetes output on Podman: no controller, no HPA).
 * The Compose, Swarm and Kubernetes columns state what those tools do with the compiler's output.
 */
export const FACTS: Record<Exclude<DutyId, 'other'>, Record<Column, Rule>> = {
  scheduling: {
    docker: (f) =>
      f.placed.length
        ? partial(
            `One engine is one node: placement of ${list(f.placed)} is checked against docker info by update and canary only (the plain apply does not check it yet). Start order and pods are kept.`,
          )
        : auto(
            'Starts services in link order, waiting for each link’s condition (started, healthy, completed); pod helpers join the main’s network namespace.',
          ),
    compose: () => auto('depends_on with conditions orders the starts; pod helpers share the main’s namespace (network_mode: service:…).'),
    swarm: () => auto('The swarm scheduler places tasks on nodes by placement constraints and spreads replicas.'),
    kubernetes: () => auto('The scheduler places pods by node selectors; a pod groups its containers; links wait in init containers.'),
  },
  networking: {
    docker: () =>
      auto('Creates the blueprint’s networks on the engine, attaches every container with its service name as alias, publishes ports.'),
    compose: () => auto('networks: and ports: of the Compose file; docker compose creates the bridge networks.'),
    swarm: () => auto('Overlay networks span the nodes; published ports through the routing mesh (or host mode).'),
    kubernetes: () =>
      auto('One flat pod network; network segments become NetworkPolicies; published ports become NodePort or LoadBalancer Services.'),
  },
  storage: {
    docker: (f) => (f.volumes ? auto('Creates named volumes on the engine; apply never removes them.') : noVolumes(f)),
    compose: (f) => (f.volumes ? auto('Named volumes are created by docker compose on the one host.') : noVolumes(f)),
    swarm: (f) =>
      f.volumes
        ? partial('Swarm creates a local volume on each node: a task that moves to another node does not find its data.')
        : noVolumes(f),
    kubernetes: (f) =>
      f.volumes
        ? auto(
            'PersistentVolumeClaims (claim templates for per-replica volumes) are bound by the cluster’s StorageClass and follow the pod.',
          )
        : noVolumes(f),
  },
  scaling: {
    docker: (f) =>
      manual(
        `The orchestrator’s scale(service, n) adds or removes replicas on request (readiness checked); there is no autoscaler${f.scaled.length ? `: the scaling policy of ${list(f.scaled)} is not applied` : ''}.`,
      ),
    compose: () => manual('A fixed number of replicas; docker compose up --scale changes it by hand; no autoscaler.'),
    swarm: () => manual('docker service scale changes the replica count by hand; Swarm has no autoscaler.'),
    kubernetes: (f) =>
      f.scaled.length
        ? auto(`A HorizontalPodAutoscaler scales ${list(f.scaled)} between the policy’s bounds by CPU utilisation.`)
        : manual('No service has a scaling policy, so no HorizontalPodAutoscaler is written: kubectl scale by hand.'),
  },
  healing: {
    docker: (f) =>
      auto(
        `The supervisor restarts unhealthy containers, starts dead ones and re-creates removed ones, with back-off, while the backend runs; one engine, so nothing moves to another node${f.noHeal.length ? `; ${list(f.noHeal)} opted out (autoHeal: false)` : ''}.`,
      ),
    compose: (f) =>
      f.restarts.length
        ? partial(
            `The restart policies of ${list(f.restarts)} restart them when they exit; an unhealthy container is not restarted, and a removed one comes back only at the next docker compose up.`,
          )
        : manual(
            'No container has a restart policy: one that exits stays down until the next docker compose up; an unhealthy one is only marked.',
          ),
    swarm: (f) =>
      f.noRestart.length
        ? partial(
            `Swarm replaces failed and unhealthy tasks on any node, but not those of ${list(f.noRestart)} (restart: no becomes condition none).`,
          )
        : auto('Swarm replaces failed and unhealthy tasks (restart condition any by default) and reschedules them on other nodes.'),
    kubernetes: () => auto('Controllers replace lost pods, liveness probes restart containers, pods of a failed node are rescheduled.'),
  },
  logistics: {
    docker: () =>
      auto('Pulls missing images and builds build contexts (tag = content hash); lists and removes the project’s unused images.'),
    compose: () => auto('docker compose pulls the images and builds build contexts.'),
    swarm: (f) =>
      f.builds.length
        ? partial(`Each node pulls images from a registry; Swarm does not build: ${list(f.builds)} must be built and pushed first.`)
        : auto('Each node pulls the images it runs from the registry.'),
    kubernetes: (f) =>
      f.builds.length
        ? partial(`The kubelet pulls images; Kubernetes does not build: ${list(f.builds)} must be built and pushed first.`)
        : auto('The kubelet pulls the images each pod needs on its node.'),
  },
  packages: {
    docker: () =>
      partial('The blueprint is deployed, planned and torn down as one labelled project; no versioned releases or package repository.'),
    compose: () => partial('The Compose file is the application unit (docker compose up / down); no versions or repository.'),
    swarm: () => partial('A stack (docker stack deploy / rm) is the application unit; no versions or repository.'),
    kubernetes: () =>
      partial(
        'The objects are applied and pruned as one ApplySet; configs and secrets as objects; no chart versions or repository (Helm is not used).',
      ),
  },
  admin: {
    docker: () => auto('Blaupause’s server API and CLI (plan, apply, destroy, logs, exec) over the Docker Engine API.'),
    compose: () => auto('The docker compose command line over the Docker Engine API.'),
    swarm: () => auto('The docker service / stack commands and the Engine API of a manager.'),
    kubernetes: () => auto('The Kubernetes API server and kubectl.'),
  },
  services: {
    docker: (f) =>
      f.ingress
        ? partial(
            'The service name resolves to every replica (DNS round robin); no HTTP ingress is created: the port is only published on the host.',
          )
        : auto('Every replica answers to the service name (network alias, DNS round robin over the replicas).'),
    compose: () => auto('Service names resolve through Docker’s DNS; several replicas answer in DNS round robin.'),
    swarm: () => auto('Service names resolve to a virtual IP that load-balances across the tasks (or DNS round robin).'),
    kubernetes: () => auto('Services with a ClusterIP and DNS name load-balance across the selected pods; Ingress routes HTTP.'),
  },
  rollout: {
    docker: (f) =>
      auto(
        f.canary.length
          ? `canary() runs the new version of ${list(f.canary)} beside the old one on a share of the replicas; promote or abort on request; rolling updates roll back by themselves.`
          : 'update() swaps replicas in batches, checks readiness and rolls back what it swapped when one fails; canary, promote and abort on request.',
      ),
    compose: () => manual('docker compose up replaces changed containers all at once: no rolling update, no canary, no rollback.'),
    swarm: (f) =>
      f.canary.length
        ? partial(`Rolling updates with rollback on failure, but no canary beside the old version for ${list(f.canary)}.`)
        : auto('Rolling updates (start-first or stop-first) with rollback on failure (the driver sets failure_action: rollback).'),
    kubernetes: (f) =>
      f.canary.length
        ? partial(
            `${list(f.canary)}: a canary Deployment runs beside the stable one behind the same Service; promoting it is a manual step.`,
          )
        : auto('Deployments roll pods by maxSurge / maxUnavailable and wait for readiness.'),
  },
  monitoring: {
    docker: () => auto('Status events from the engine (health, exits, crash loops), logs, inspect and exec of every container.'),
    compose: (f) =>
      partial(
        `docker compose ps and logs${f.healthchecks.length ? '; health checks mark containers healthy or unhealthy' : ''}; no metrics or alerts.`,
      ),
    swarm: () => partial('docker service ps and logs show task states and output; no metrics or alerts.'),
    kubernetes: () => partial('Probes, events, kubectl logs and describe; metrics and alerts need add-ons (metrics-server, Prometheus).'),
  },
};

function noVolumes(f: Features): Fact {
  return na(f.mounts ? 'The blueprint declares no named volumes (only mounts of files or folders).' : 'The blueprint declares no volumes.');
}
