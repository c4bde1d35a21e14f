import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { DiagnoseMount } from '../diagnose/DiagnoseMount';
import { ImagesView } from '../diagnose/ImagesView';
import { InspectLauncher } from '../diagnose/InspectLauncher';
import { RunDiagnosis } from '../diagnose/RunDiagnosis';
import { CanaryControls } from '../monitor/CanaryControls';
import { MonitorMount } from '../monitor/MonitorMount';
import { feedRun } from '../monitor/orch-store';
import { useOrchestration } from '../monitor/useOrchestration';
import { type AppState, selectBlueprint } from '../store/store';
import { useApp } from '../store/useApp';
import type { DeployPlan, RunInfo } from './api-types';
import { type Backend, probeBackend } from './backend';
import { createApi } from './client';
import { DangerConfirm } from './DangerConfirm';
import { acknowledgement, knownDangers } from './dangers';
import { EngineStatus } from './EngineStatus';
import { describeError } from './errors';
import { KubeContextPicker } from './KubeContextPicker';
import { LogsView } from './LogsView';
import { PlanView } from './PlanView';
import { ProgressList } from './ProgressList';
import { PublishedPorts } from './PublishedPorts';
import { TargetNotes } from './TargetNotes';
import { TargetPicker } from './TargetPicker';
import { Toasts } from './Toasts';
import { type DeployTargetKind, savedTarget, saveTarget, type TargetStatus } from './targets';
import { takeToken } from './token';
import { showsRun, useRun } from './useRun';
import { useStatusStream } from './useStatusStream';
import { VolumesToDelete } from './VolumesToDelete';
import './deploy.css';

const RUN_TITLE: Record<RunInfo['kind'], string> = {
  apply: 'Deploy',
  destroy: 'Tear down',
  scale: 'Scaling',
  canary: 'Canary',
  promote: 'Promotion',
  abort: 'Canary abort',
  images: 'Images',
};

const PROJECT = /^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$/;
const selectName = (s: AppState) => selectBlueprint(s).metadata.name;

/**
 * The deploy side of the app, loaded lazily: engine status, project, plan preview, Deploy and
 * Tear down, progress, published ports, failure toasts. The status stream runs whenever the server
 * and a project are there, also while the dock is folded, so the nodes always show live state.
 */
export default function DeployDock() {
  const [token] = useState(() => takeToken());
  const [backend, setBackend] = useState<Backend>({ kind: 'checking' });
  const [open, setOpen] = useState(false);
  const [projectEdit, setProjectEdit] = useState<string | undefined>(undefined);
  const name = useApp(selectName);
  const project = projectEdit ?? name;
  const projectOk = PROJECT.test(project);
  // A plan describes one document and one project: shown only while both are still the ones planned.
  const [planned, setPlanned] = useState<{ plan: DeployPlan; blueprint: unknown; project: string } | undefined>(undefined);
  // The document only while the dock is open or holds a plan: folded, the dock renders again on no edit.
  const blueprint = useApp((s) => (open || planned ? selectBlueprint(s) : undefined));
  const plan = planned && planned.blueprint === blueprint && planned.project === project ? planned.plan : undefined;
  const [planning, setPlanning] = useState(false);
  const live = useApp((s) => s.live);
  const [target, setTarget] = useState<DeployTargetKind>(() => savedTarget());
  const [targets, setTargets] = useState<TargetStatus[]>([]);
  const pickTarget = (kind: DeployTargetKind) => {
    saveTarget(kind);
    setTarget(kind);
    setPlanned(undefined);
  };
  const toast = useApp((s) => s.toast);
  const keepToastsOf = useApp((s) => s.keepToastsOf);
  // Another blueprint opened (or another project named): the toasts of the last one's runs and containers go.
  useEffect(() => keepToastsOf(project), [keepToastsOf, project]);

  const probe = useCallback(() => {
    setBackend({ kind: 'checking' });
    void probeBackend(token).then(setBackend);
  }, [token]);
  useEffect(probe, [probe]);
  // Coming back to the tab is a moment to look again (the server may have been started meanwhile); never a timer.
  useEffect(() => {
    if (backend.kind !== 'absent' && !(backend.kind === 'ready' && !backend.connectivity.connected)) return;
    window.addEventListener('focus', probe);
    return () => window.removeEventListener('focus', probe);
  }, [backend, probe]);

  const api = useMemo(() => (backend.kind === 'ready' ? createApi(token) : undefined), [backend.kind, token]);
  // The targets the server offers, asked again with every probe (an engine may have been started meanwhile).
  useEffect(() => {
    if (!api || backend.kind !== 'ready') return;
    let current = true;
    api.engine.targets
      .query()
      .then((list) => current && setTargets(list))
      .catch(() => current && setTargets([]));
    return () => {
      current = false;
    };
  }, [api, backend]);
  // A target remembered from another server that this one does not offer: back to the local engine.
  const offered = targets.length === 0 || targets.some((t) => t.kind === target);
  const chosen = offered ? target : 'docker';
  const status = targets.find((t) => t.kind === chosen);
  const shown: Backend = backend.kind === 'ready' && status ? { kind: 'ready', connectivity: status } : backend;
  const engineUp = shown.kind === 'ready' && shown.connectivity.connected;
  const runBusy = useRef(false);
  useStatusStream(engineUp ? api : undefined, projectOk ? project : undefined, chosen, probe, () => runBusy.current);
  const { view, start, follow } = useRun(api);
  runBusy.current = view.busy;
  // The orchestrator (issue 7, Docker only): node controls, heal events, canary, Monitor; deploys roll services.
  const docker = engineUp && chosen === 'docker';
  useOrchestration(docker ? api : undefined, projectOk ? project : undefined);
  useEffect(() => {
    if (view.run && view.run.target === 'docker' && view.run.kind !== 'images') feedRun(view.run, view.events);
  }, [view]);
  // A page (re)loaded during a deploy picks up the project's running run: runs live on the server.
  useEffect(() => {
    if (!api || !projectOk) return;
    let current = true;
    api.deployments.runs
      .query()
      .then((runs) => {
        const active = runs.find((r) => r.project === project && r.target === chosen && !r.done);
        if (current && active) follow(active);
      })
      .catch(() => undefined);
    return () => {
      current = false;
    };
  }, [api, project, projectOk, chosen, follow]);

  const doPlan = async () => {
    if (!api || !blueprint) return;
    setPlanning(true);
    try {
      setPlanned({
        plan: await api.deployments.plan.query({ blueprint: { document: blueprint }, project, target: chosen }),
        blueprint,
        project,
      });
    } catch (e) {
      const { title, detail } = describeError(e);
      toast({ kind: 'error', title, ...(detail ? { detail } : {}) });
    } finally {
      setPlanning(false);
    }
  };
  // Dangerous settings (DESIGN §7): listed, and Deploy waits for the project's name typed out; a new list starts empty.
  const dangers = knownDangers(plan, view.run?.project === project ? view.events : []);
  const dangerKey = dangers.map((d) => d.id).join('\n');
  const [typedFor, setTypedFor] = useState({ key: '', text: '' });
  const typed = typedFor.key === dangerKey ? typedFor.text : '';
  const acknowledge = acknowledgement(dangers, typed, project);
  const deploy = () =>
    api &&
    acknowledge &&
    blueprint &&
    start(() => api.deployments.deploy.mutate({ blueprint: { document: blueprint }, project, acknowledge, target: chosen }));
  // Named volumes survive a tear-down unless ticked here, by name (DESIGN §5: never deleted implicitly).
  const [dropVolumes, setDropVolumes] = useState<string[]>([]);
  const volumeNames = Object.keys(blueprint?.volumes ?? {});
  const toDrop = dropVolumes.filter((v) => volumeNames.includes(v));
  const tearDown = () => api && start(() => api.deployments.destroy.mutate({ project, volumes: toDrop, target: chosen }));
  const canAct = engineUp && projectOk && !view.busy;

  return (
    <>
      <Toasts />
      <MonitorMount />
      <DiagnoseMount />
      <section className={open ? 'deploy-dock is-open' : 'deploy-dock'} aria-label="Deploy">
        <button type="button" className="deploy-toggle" aria-label="Deploy panel" aria-expanded={open} onClick={() => setOpen(!open)}>
          <span className={`stream-dot stream-${engineUp ? live.stream : 'off'}`} aria-hidden="true" /> Deploy
          {live.stream === 'reconnecting' && <span className="muted"> · reconnecting…</span>}
          <span aria-hidden="true">{open ? ' ▴' : ' ▾'}</span>
        </button>
        {open && (
          <div className="deploy-body">
            <TargetPicker targets={targets} value={chosen} onChange={pickTarget} disabled={view.busy} />
            {api && chosen === 'kubernetes' && <KubeContextPicker api={api} onChanged={probe} disabled={view.busy} />}
            <EngineStatus backend={shown} stream={live.stream} onRetry={probe} />
            <label className="deploy-project">
              <span>Project</span>
              <input
                value={project}
                onChange={(e) => setProjectEdit(e.target.value)}
                aria-invalid={!projectOk}
                spellCheck={false}
                aria-describedby="deploy-project-help"
              />
            </label>
            <p id="deploy-project-help" className={projectOk ? 'muted deploy-help' : 'deploy-help is-bad'}>
              {projectOk
                ? 'Containers are labelled with this project; Tear down removes them (volumes are kept).'
                : 'Lowercase letters, digits and -.'}
            </p>
            <DangerConfirm dangers={dangers} project={project} typed={typed} onType={(text) => setTypedFor({ key: dangerKey, text })} />
            <div className="deploy-actions">
              <button type="button" className="button" onClick={doPlan} disabled={!canAct || planning}>
                {planning ? 'Planning…' : 'Plan'}
              </button>
              <button type="button" className="button primary" onClick={deploy} disabled={!canAct || !acknowledge}>
                Deploy
              </button>
              <button type="button" className="button danger" onClick={tearDown} disabled={!canAct}>
                Tear down
              </button>
            </div>
            <VolumesToDelete names={volumeNames} chosen={toDrop} onChange={setDropVolumes} />
            <TargetNotes target={chosen} planNotes={plan?.notes ?? []} />
            {plan && <PlanView plan={plan} />}
            {view.run && showsRun(view, project) && (
              <section className="deploy-progress" aria-label="Run">
                <h3 className="deploy-subtitle">
                  {RUN_TITLE[view.run.kind]} of <code>{view.run.project}</code>{' '}
                  <span className={`run-outcome run-${view.outcome ?? 'running'}`}>
                    {view.outcome === 'ok' ? 'done' : view.outcome === 'failed' ? 'failed' : 'running…'}
                  </span>
                </h3>
                <ProgressList events={view.events} runKind={view.run.kind} />
                {api && view.run.target === 'docker' && view.run.kind === 'apply' && view.outcome === 'failed' && (
                  <RunDiagnosis key={view.run.runId} api={api} runId={view.run.runId} />
                )}
              </section>
            )}
            {docker && projectOk && blueprint && <CanaryControls blueprint={blueprint} acknowledge={acknowledge ?? []} />}
            {api && engineUp && projectOk && (
              <LogsView api={api} project={project} target={chosen} services={Object.keys(blueprint?.services ?? {})} />
            )}
            <PublishedPorts live={live} />
            {docker && <InspectLauncher />}
            {docker && api && projectOk && <ImagesView api={api} project={project} />}
          </div>
        )}
      </section>
    </>
  );
}
