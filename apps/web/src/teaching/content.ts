import type { ViewId } from './scene-types';

/** What the teaching view shows: one view, or both side by side. */
export type ViewMode = ViewId | 'both';

/** Text of the explanation panel for one model (after the lecture "Orchestrierung"). */
export interface Explanation {
  title: string;
  model: string;
  summary: string;
  orchestrator: string[];
  user: string[];
}

export const EXPLAIN: Record<ViewId, Explanation> = {
  one: {
    title: '1-level orchestration',
    model: 'Container graph',
    summary:
      'Every container is a node and every link between containers is a wire. The graph you write is the system that runs: Docker and Docker Compose start exactly these containers and connect them as drawn.',
    orchestrator: [
      'The start order: a container starts after the containers it links to.',
      'The network between linked containers and the names they reach each other by.',
      'Publishing ports on the host it runs on.',
    ],
    user: [
      'Every container: its image, its name, the ports it exposes.',
      'Every wire: which container talks to which one.',
      'Every copy: a second web server is a second node (weba, webb) that you add and wire yourself.',
      'Where it runs: the one Docker host you start it on.',
    ],
  },
  two: {
    title: '2-level orchestration',
    model: 'Container repository with central build instructions',
    summary:
      'The images wait in a repository; the YAML files are the central build instructions, a description of the desired state. Kubernetes assembles the running system from them: a Deployment creates a ReplicaSet, the ReplicaSet keeps its Pods running, and a Service finds its Pods by their labels, not by a wire to one container.',
    orchestrator: [
      'Which node of the cluster each Pod runs on (scheduling), within the constraints you give.',
      'Creating Pods and replacing failed ones: the ReplicaSet keeps the requested number running (auto-healing).',
      'Which Pods answer behind a Service: every Pod whose labels match its selector, load-balanced behind one DNS name.',
      'Rolling a new version out Pod by Pod.',
    ],
    user: [
      'Which images, and how many replicas of each Pod.',
      'The labels on the Pods and the selectors of the Services that find them.',
      'Constraints, storage, scaling and rollout rules — declared once, carried out by the orchestrator.',
    ],
  },
};

export interface CodeSample {
  caption: string;
  text: string;
}

export interface TourStep {
  id: string;
  /** The template the step loads (apps/web/src/templates). */
  template: string;
  view: ViewMode;
  kicker: string;
  heading: string;
  body: string[];
  code: CodeSample[];
}

/** The lecture's progression: plain Docker, Docker Compose, Kubernetes, then both models side by side. */
export const TOUR: readonly TourStep[] = [
  {
    id: 'docker',
    template: 'single-container',
    view: 'one',
    kicker: 'Step 1 · Plain Docker',
    heading: 'Plain Docker: one container',
    body: [
      'A Dockerfile describes one image: an nginx web server on Ubuntu that exposes port 80.',
      '`docker run` starts one container from it; `--link` connects it to another container by name. Each container is started and wired by hand — the container graph is all there is. This is 1-level orchestration.',
    ],
    code: [
      { caption: 'Dockerfile', text: 'FROM ubuntu\nENTRYPOINT nginx\nEXPOSE 80' },
      { caption: 'Shell', text: 'docker run -d --link nginx:nginx' },
    ],
  },
  {
    id: 'compose',
    template: 'seed-compose',
    view: 'one',
    kicker: 'Step 2 · Docker Compose',
    heading: 'Docker Compose: weba and webb behind haproxy',
    body: [
      'Docker Compose writes the container graph down in one file: two nginx web servers, weba and webb, each exposing port 80, and haproxy, which links to both and publishes port 80 on the host.',
      'Each node is one container and each link is one wire. A third web server would be a third entry and a third link: still 1-level orchestration.',
    ],
    code: [
      {
        caption: 'docker-compose.yml (from the lecture)',
        text: 'weba:\n  image: qaware/nginx\n  expose:\n    - 80\nwebb:\n  image: qaware/nginx\n  expose:\n    - 80\nhaproxy:\n  image: qaware/haproxy\n  links:\n    - weba\n    - webb\n  ports:\n    - "80:80"\n  expose:\n    - 80',
      },
    ],
  },
  {
    id: 'kubernetes',
    template: 'seed-compose',
    view: 'two',
    kicker: 'Step 3 · Kubernetes',
    heading: 'Kubernetes: the same app as Deployments and Services',
    body: [
      'Kubernetes is a cluster orchestrator for Docker containers that introduces a set of core abstractions for running applications in a large cluster. The blueprint is defined in YAML files.',
      'The same three services become three Deployments. Kubernetes creates a ReplicaSet for each and the ReplicaSet keeps its Pods running; a Service per application finds its Pods through a label selector. haproxy no longer links to a container: it reaches weba and webb by their Services’ DNS names, whichever Pods are behind them.',
    ],
    code: [],
  },
  {
    id: 'compare',
    template: 'seed-compose',
    view: 'both',
    kicker: 'Step 4 · 1-level vs 2-level',
    heading: 'One blueprint, two models',
    body: [
      'The container graph (1-level) above, the container repository with central build instructions (2-level) below — the same blueprint. Point at any box to see its counterparts in the other model and the YAML lines that produced them.',
      'The cluster orchestrators the lecture names: Kubernetes (and OpenShift), Apache Marathon & Chronos, Docker Compose & Swarm.',
    ],
    code: [],
  },
];
