import pkg from '../package.json' with { type: 'json' };
import type { CommandName } from './args';
import { ENGINE_HELP } from './help-engine';
import { IMAGES_HELP } from './images-args';
import { ORCH_HELP } from './orchestrate-args';
import { PACKAGE_HELP } from './package-args';

export const VERSION: string = pkg.version;

const MAIN = `blaupause ${VERSION}: validate, compile, import and deploy blueprints of containerised applications

Usage:
  blaupause validate FILE...                 check blueprints (or Compose / Kubernetes files)
  blaupause compile FILE --target TARGET     compile to compose, swarm or kubernetes YAML
                                             (--target kustomize -o DIR: a Kustomize base + overlays)
  blaupause import FILE                      turn a Compose or Kubernetes file into a blueprint
  blaupause bundle FILE -o OUT.bpz           pack a blueprint and the files it names into one file
  blaupause unbundle BUNDLE -d DIR           unpack a bundle (checked) into a new folder
  blaupause deploy FILE [--project NAME]     deploy to the local Docker engine (plan, then apply)
  blaupause plan FILE [--project NAME]       show what deploy would change, change nothing
  blaupause status [PROJECT] [--watch]       containers of a project (or all of ours), live with --watch
  blaupause down PROJECT                     remove a project's containers and networks
  blaupause logs PROJECT SERVICE             a service's logs (--follow, --tail N)
  blaupause scale PROJECT SERVICE=N          add or remove replicas of a deployed service
  blaupause canary FILE --service S          try FILE's version on some replicas; then
  blaupause promote|abort PROJECT SERVICE    roll it out to all, or restore the old version
  blaupause images FILE [--pull|--build]     the blueprint's images; pull or build missing, remove unused
  blaupause serve [--port N]                 start the designer and its API (= npm start)
  blaupause help [COMMAND]                   show help for a command

FILE may also be a folder holding compose.yaml (or compose.yml, docker-compose.yml/.yaml):
its .env gives the values for \${VAR}, and the folder is the base for the files it names.

Options:
  --json          machine-readable output on stdout: { ok, diagnostics, output? }
  -h, --help      show help
  --version       show the version

The engine is the one at DOCKER_HOST (unix:///… or tcp://…), else /var/run/docker.sock.

Exit codes: 0 ok (warnings allowed), 1 invalid input or a failed deploy, 2 usage error,
3 engine unreachable, 130 interrupted (Ctrl+C).
`;

const COMMAND_HELP: Record<CommandName, string> = {
  ...ENGINE_HELP,
  ...ORCH_HELP,
  ...IMAGES_HELP,
  ...PACKAGE_HELP,
  validate: `Usage: blaupause validate FILE... [--json]

Checks each FILE and prints its problems as file:line:col: severity CODE: message.
FILE is a blueprint (*.blueprint.yaml, *.blueprint.yml, *.blueprint.json, or any YAML with
apiVersion blaupause.dev/...), or a Compose or Kubernetes file, which is imported first:
its import notes are shown too.

Options:
  --json          print { ok, diagnostics } on stdout instead of text
  -h, --help      show this help

Exit code 1 when any file has an error, 0 otherwise (warnings allowed).
`,
  compile: `Usage: blaupause compile FILE --target compose|swarm|kubernetes|kustomize [options]

Compiles the blueprint FILE (a Compose or Kubernetes file is imported first; a folder holding
compose.yaml is read with its .env) and prints the YAML on stdout; problems and fidelity notes
go to stderr. A blueprint with errors is not compiled (exit code 1).

--target kustomize writes a folder (-o DIR): base/ (the kubernetes manifests, one file per
object, and a kustomization.yaml listing them) and overlays/<env>/ for each environment, with
replicas, image tags and container resources patched. Without --overlays: dev (every workload
at 1 replica) and prod (the blueprint's replicas and image tags, pinned). An --overlays file:
  prod:
    replicas: { web: 3 }                      # workload name → count
    images: { shop/web: "1.4" }               # image name → tag
    resources: { api: { api: { limits: { cpu: "1", memory: 512Mi } } } }   # workload → container

Options:
  -t, --target TARGET     compose, swarm, kubernetes or kustomize (required)
  -o, --output OUT        write the YAML to OUT instead of stdout (kustomize: the folder, required)
  --overlays FILE         the overlays (kustomize only)
  --k8s-version 1.N       Kubernetes version to write for (default 1.33; kubernetes, kustomize)
  -n, --namespace NS      namespace for Kubernetes objects (kubernetes, kustomize)
  --json                  print { ok, diagnostics, output } on stdout instead
  -h, --help              show this help
`,
  import: `Usage: blaupause import FILE [options]

Turns a Compose file or Kubernetes YAML into a blueprint and prints it on stdout; every
key that cannot be carried over is reported (stderr), by its place in FILE. FILE may be a
folder holding compose.yaml: its .env (unless --env-file) gives the values for \${VAR}.

Options:
  -o, --output OUT        write the blueprint to OUT instead of stdout
  --env-file F            values for \${VAR} in FILE, from a .env file (KEY=VALUE lines);
                          the process environment is never read
  --name NAME             the blueprint's name (default: derived from FILE)
  --json                  print { ok, diagnostics, output } on stdout instead
  -h, --help              show this help

Exit code 1 when the import has errors; the blueprint is still written when one was made.
`,
};

export function helpText(command?: CommandName): string {
  return command ? COMMAND_HELP[command] : MAIN;
}

export function usageText(message: string, command?: CommandName): string {
  const more = command ? `blaupause ${command} --help` : 'blaupause --help';
  return `blaupause: ${message}\nRun "${more}" for usage.\n`;
}
