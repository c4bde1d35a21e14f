import type { ContainerStatus, DeployPlan, EngineError, PlanAction, ResourceAction } from '@blaupause/engine';
import { UNREACHABLE_HINT } from './engine-deps';
import { sanitize } from './render';

/**
 * Text for people from the engine's data: plans, steps, errors, status tables. Everything that
 * comes from the engine or a file (names, messages, log lines) goes through sanitize, so neither
 * can drive the terminal.
 */

export function actionTarget(a: PlanAction | ResourceAction): string {
  if ('resource' in a) return `${a.resource} ${sanitize(a.name)}`;
  // A one-container service is named once: "web", not "web/web".
  const who = a.container && a.container !== a.service ? `${a.service}/${a.container}` : a.service;
  return `${sanitize(who)}${a.replica ? ` #${a.replica}` : ''}`;
}

const pad = (s: string, n: number) => (s.length >= n ? s : s + ' '.repeat(n - s.length));

export function formatPlan(plan: DeployPlan): string {
  const lines = [`Plan for project ${plan.project}:`];
  // Images present locally and networks kept are no news; an image to pull is.
  const resources = plan.resources.filter((r) => r.kind !== 'keep');
  for (const r of resources) lines.push(`  ${pad(r.resource === 'image' && r.kind === 'create' ? 'pull' : r.kind, 11)}${actionTarget(r)}`);
  for (const a of plan.actions) {
    const why = a.reason && a.kind !== 'unchanged' ? ` (${sanitize(a.reason)})` : '';
    lines.push(`  ${pad(a.kind, 11)}${actionTarget(a)}${why}`);
  }
  lines.push(plan.noop ? 'No changes: the deployment already matches the blueprint.' : planCounts(plan));
  if (plan.notes?.length) {
    lines.push('What this target does not do as drawn:');
    for (const n of plan.notes) lines.push(`  ${n.elementId ? `${sanitize(n.elementId)}: ` : ''}${sanitize(n.message)}`);
  }
  if (plan.dangers?.length) {
    lines.push('Dangerous settings (deploy needs each acknowledged with --allow-dangerous ID):');
    for (const d of plan.dangers)
      lines.push(`  ${sanitize(d.id)}`, `      ${sanitize(d.why)} (${sanitize(d.field)} = ${sanitize(d.value)})`);
  }
  return `${lines.join('\n')}\n`;
}

function planCounts(plan: DeployPlan): string {
  const n = (kinds: string[]) => plan.actions.filter((a) => kinds.includes(a.kind)).length;
  const parts = [
    `${n(['create', 'scale-up'])} to create`,
    `${n(['recreate'])} to recreate`,
    // Only Kubernetes targets update in place; the others' summaries stay as they were.
    ...(n(['update']) > 0 ? [`${n(['update'])} to update`] : []),
    `${n(['start'])} to start`,
    `${n(['remove', 'scale-down'])} to remove`,
    `${n(['unchanged'])} unchanged`,
  ];
  return `${parts.join(', ')}.`;
}

const DONE: Record<string, string> = {
  create: 'created',
  recreate: 'recreated',
  remove: 'removed',
  start: 'started',
  'scale-up': 'created',
  'scale-down': 'removed',
  unchanged: 'unchanged',
  keep: 'kept',
};

export function stepDone(a: PlanAction | ResourceAction, ms?: number): string {
  const image = 'resource' in a && a.resource === 'image' && a.kind === 'create';
  const verb = image ? (a.reason === 'build' ? 'built' : 'pulled') : (DONE[a.kind] ?? a.kind);
  return `  ${pad(verb, 10)} ${actionTarget(a)}${ms !== undefined ? ` (${(ms / 1000).toFixed(1)} s)` : ''}`;
}

/** An engine error with its element, what to do, and what the container last said. */
export function formatEngineError(e: EngineError, project?: string): string {
  const where = e.elementId ? ` (${sanitize(e.elementId)})` : '';
  const lines = [`error ${e.code}${where}: ${sanitize(e.message)}`];
  const facts = [e.exitCode !== undefined ? `exit code ${e.exitCode}` : '', e.restarts ? `${e.restarts} restarts` : ''].filter(Boolean);
  if (facts.length) lines.push(`  ${facts.join(', ')}`);
  for (const d of e.diagnostics ?? []) lines.push(`  ${d.severity} ${d.code}: ${sanitize(d.message)}`);
  if (e.logTail?.length) lines.push('  last log lines:', ...e.logTail.map((l) => `    | ${sanitize(l)}`));
  for (const d of e.dangers ?? []) lines.push(`  - ${sanitize(d.id)}: ${sanitize(d.why)}`);
  // The Docker driver's hint is generic; other targets (Podman, Kubernetes) say what they need themselves.
  const dockerish = e.code === 'ENGINE_UNREACHABLE' && (!e.hint || e.hint.startsWith('Start Docker'));
  const hint = dockerish ? UNREACHABLE_HINT : (dangerHint(e) ?? e.hint ?? defaultHint(e, project));
  if (hint) lines.push(`  hint: ${sanitize(hint)}`);
  return `${lines.join('\n')}\n`;
}

/** The exact option that acknowledges what was refused; quoted, as ids can hold host paths. */
function dangerHint(e: EngineError): string | undefined {
  if (e.code !== 'DANGEROUS_SETTINGS' || !e.dangers?.length) return undefined;
  const quote = (s: string) => (/^[\w:/.@=+,-]+$/.test(s) ? s : `'${s.replace(/'/g, "'\\''")}'`);
  return `Check each setting; to deploy anyway, run deploy again with --allow-dangerous ${quote(e.dangers.map((d) => d.id).join(','))}`;
}

/** A failed container says nothing about what to do; on a command line we can name the next command. */
function defaultHint(e: EngineError, project: string | undefined): string | undefined {
  if (e.code !== 'CONTAINER_EXITED' && e.code !== 'CRASH_LOOP') return undefined;
  const service = /^(?:container|service):([^/]+)/.exec(e.elementId ?? '')?.[1];
  const logs = project && service ? `Read its logs (blaupause logs ${project} ${service}), fix` : 'Fix';
  return `${logs} its command or configuration in the blueprint, then deploy again.`;
}

/** Health is part of the state in DESIGN §5; a table shows it in a column of its own. */
export function stateAndHealth(s: ContainerStatus): { state: string; health: string } {
  if (s.state === 'healthy' || s.state === 'unhealthy') return { state: 'running', health: s.state };
  if (s.state === 'starting') return { state: 'running', health: 'starting' };
  const state = s.state === 'exited' && s.exitCode !== undefined ? `exited(${s.exitCode})` : s.state;
  return { state, health: '-' };
}

export function statusRows(list: readonly ContainerStatus[], withProject: boolean): string[][] {
  const sorted = [...list].sort(
    (a, b) =>
      a.project.localeCompare(b.project) ||
      a.service.localeCompare(b.service) ||
      a.container.localeCompare(b.container) ||
      a.replica - b.replica,
  );
  const head = [...(withProject ? ['PROJECT'] : []), 'SERVICE', 'CONTAINER', 'REPLICA', 'STATE', 'HEALTH', 'RESTARTS', 'PORTS', 'ID'];
  const rows = sorted.map((s) => {
    const { state, health } = stateAndHealth(s);
    return [
      ...(withProject ? [s.project] : []),
      s.service,
      s.container,
      String(s.replica),
      state,
      health,
      String(s.restarts),
      s.ports.join(', ') || '-',
      (s.id ?? '').slice(0, 12) || '-',
    ].map(sanitize);
  });
  return [head, ...rows];
}

export function formatTable(rows: readonly string[][]): string {
  const widths = (rows[0] ?? []).map((_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length)));
  return `${rows.map((r) => r.map((c, i) => (i === r.length - 1 ? c : pad(c, widths[i] ?? 0))).join('  ')).join('\n')}\n`;
}

/** "127.0.0.1:8080->80/tcp" → "web #1: 127.0.0.1:8080 -> 80/tcp" for the summary. */
export function publishedLine(s: ContainerStatus, port: string): string {
  const m = /^(.*):(\d+)->(\d+)\/(tcp|udp)$/.exec(port);
  const target = actionTarget({ kind: 'create', service: s.service, container: s.container, replica: s.replica, elementId: s.elementId });
  if (!m) return `  ${target}: ${sanitize(port)}`;
  return `  ${target}: ${sanitize(m[1] ?? '')}:${m[2]} -> ${m[3]}/${m[4]}`;
}
