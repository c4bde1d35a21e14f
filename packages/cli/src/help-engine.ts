import type { EngineCommandName } from './engine-args';

const ENGINE = `The engine is the one at DOCKER_HOST (unix:///… or tcp://…), else /var/run/docker.sock;
Podman works through its Docker-compatible socket. Exit code 3 when it cannot be reached.`;

/** Help for the commands that talk to a container engine, and for serve. */
export const ENGINE_HELP: Record<EngineCommandName, string> = {
  deploy: `Usage: blaupause deploy FILE [--project NAME] [--allow-dangerous ID,...] [--target T] [--json]

Deploys FILE to the container engine with Compose semantics: validates it (a Compose or
Kubernetes file is imported first; its import notes are shown), prints the plan (create,
recreate, start, remove, unchanged per container), applies it with progress lines, and ends
with a summary and the published ports. An unchanged blueprint changes nothing.
Relative bind sources and config files resolve inside FILE's folder.

Options:
  -p, --project NAME      the project (default: the blueprint's metadata.name)
  --allow-dangerous ID,…  acknowledge these dangerous settings (privileged, host namespaces,
                          binds of system paths, added capabilities, devices …) by the ids
                          "blaupause plan FILE" lists; a deploy with any other is refused
  --json                  print { ok, project, diagnostics, plan, errors, containers } at the end
  --target, -t T          docker (default), swarm, podman-kube or kubernetes
  --context NAME          with --target kubernetes: the kubeconfig context (default: current)
  -h, --help              show this help

Exit code 1 when the file has errors or the deploy fails (the error names the element and
what to do); what was done stays, and running deploy again continues from there.
${ENGINE}

Example:
  blaupause deploy shop.blueprint.yaml
  blaupause deploy compose.yaml --project shop-test
`,
  plan: `Usage: blaupause plan FILE [--project NAME] [--target T] [--json]

Prints what "blaupause deploy FILE" would do, without changing anything.

Options:
  -p, --project NAME      the project (default: the blueprint's metadata.name)
  --json                  print { ok, project, diagnostics, plan, errors }
  --target, -t T          docker (default), swarm, podman-kube or kubernetes
  --context NAME          with --target kubernetes: the kubeconfig context (default: current)
  -h, --help              show this help

${ENGINE}
`,
  status: `Usage: blaupause status [PROJECT] [--watch] [--target T] [--json]

A table of the containers of PROJECT, or of every project Blaupause deployed: service,
container, replica, state, health, restarts, published ports, container id.

Options:
  -w, --watch             follow the engine's status stream until Ctrl+C (on a terminal the
                          table is redrawn; otherwise one line per change)
  --json                  print { ok, containers }; with --watch one JSON status event per line
  --target, -t T          docker (default), swarm, podman-kube or kubernetes
  --context NAME          with --target kubernetes: the kubeconfig context (default: current)
  -h, --help              show this help

${ENGINE}
`,
  down: `Usage: blaupause down PROJECT [--volumes NAME,... | --all-volumes] [--target T] [--json]

Removes the containers and networks of PROJECT that Blaupause created (found by its ownership
label; nothing else is touched). Named volumes are kept unless you name them.

Options:
  --volumes NAME,...      also delete these named volumes (blueprint volume names)
  --all-volumes           also delete every named volume of the project
  --json                  print { ok, project, removed, volumesNotFound, errors }
  --target, -t T          docker (default), swarm, podman-kube or kubernetes
  --context NAME          with --target kubernetes: the kubeconfig context (default: current)
  -h, --help              show this help

${ENGINE}
`,
  logs: `Usage: blaupause logs PROJECT SERVICE [--container C] [--tail N] [--follow] [--target T] [--json]

Prints the logs of every container of SERVICE (all replicas, all pod containers), merged in
time order, each line prefixed with its container and replica.

Options:
  -c, --container C       only this container of the pod
  -n, --tail N            only the last N lines of each container (default: all)
  -f, --follow            keep printing new lines until Ctrl+C
  --json                  one JSON log line per line
  --target, -t T          docker (default), swarm, podman-kube or kubernetes
  --context NAME          with --target kubernetes: the kubeconfig context (default: current)
  -h, --help              show this help

${ENGINE}
`,
  serve: `Usage: blaupause serve [--port N]

Starts the designer app and its API on 127.0.0.1 (the same server as "npm start") and prints
the address to open. The server bundle is built first when it is missing.

Options:
  --port N                the port (default 4310, or PORT)
  -h, --help              show this help
`,
};
