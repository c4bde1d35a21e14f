import { type ReactNode, useCallback, useMemo, useRef, useState } from 'react';
import { useAnalysis } from '../analysis/useAnalysis';
import { selectBlueprint } from '../store/store';
import { useApp } from '../store/useApp';
import { EXPLAIN, TOUR, type TourStep, type ViewMode } from './content';
import { Diagram } from './Diagram';
import { ExplanationCard, StepCard } from './Explanation';
import { type Hover, hotKeys, markedLines } from './highlight';
import type { ViewId } from './scene-types';
import { teachingScenes } from './scenes';
import { useExportHtml } from './useExportHtml';
import { useModalView } from './useModalView';
import { useTeachKeys } from './useTeachKeys';
import { useTour } from './useTour';
import { YamlExcerpt } from './YamlExcerpt';
import './teach-diagram.css';
import './teach.css';

interface Props {
  onClose: () => void;
  /** The "What each target automates" panel (the capability matrix), when there is one. */
  automates?: ReactNode;
}

const MODES: { id: ViewMode; label: string }[] = [
  { id: 'one', label: '1-level' },
  { id: 'both', label: 'Both' },
  { id: 'two', label: '2-level' },
];

/**
 * The teaching view: the current blueprint as a container graph (1-level, read from the Compose
 * output) and as Kubernetes assembles it (2-level, read from the Kubernetes output), with the
 * explanation, the YAML lines behind what the pointer is on, the guided tour and presentation mode.
 */
export default function TeachView({ onClose, automates }: Props) {
  const analysis = useAnalysis();
  const name = useApp((s) => selectBlueprint(s).metadata.name);
  const data = useMemo(() => teachingScenes(analysis.compiled), [analysis.compiled]);
  const [mode, setMode] = useState<ViewMode>('both');
  const [hover, setHover] = useState<Hover | undefined>(undefined);
  const [present, setPresent] = useState(false);
  const onStep = useCallback((step: TourStep) => {
    setMode(step.view);
    setHover(undefined);
  }, []);
  const tour = useTour(onStep);
  const exportHtml = useExportHtml(data, name, tour.step);

  const close = useCallback(() => {
    tour.leave();
    onClose();
  }, [tour, onClose]);

  const leaveInnermost = useCallback(() => {
    if (present) setPresent(false);
    else if (tour.index !== undefined) tour.leave();
    else close();
  }, [present, tour, close]);
  const prev = useCallback(() => {
    if (tour.index !== undefined) tour.prev();
  }, [tour]);
  useTeachKeys({ next: tour.next, prev, leave: leaveInnermost });
  const root = useRef<HTMLDivElement>(null);
  useModalView(root);

  const { scenes } = data;
  const empty = !scenes.one.nodes.some((n) => n.kind === 'container');
  const marked = useMemo(() => markedLines(hover, scenes), [hover, scenes]);
  const hot: Record<ViewId, Set<string>> = useMemo(
    () => ({ one: hotKeys(scenes.one, hover), two: hotKeys(scenes.two, hover) }),
    [scenes, hover],
  );
  const box = { width: Math.max(scenes.one.width, scenes.two.width), height: Math.max(scenes.one.height, scenes.two.height) };
  const visible: ViewId[] = mode === 'both' ? ['one', 'two'] : [mode];

  return (
    <div ref={root} className={`teach${present ? ' is-present' : ''}`} role="dialog" aria-modal="true" aria-label="Teaching view">
      <header className="teach-bar">
        <button type="button" className="button" onClick={close} title="Back to the designer (Esc)">
          ← Designer
        </button>
        <h1 className="teach-title">
          1-level vs 2-level orchestration <span className="doc-name">{name}</span>
        </h1>
        <div className="segmented" role="radiogroup" aria-label="View">
          {MODES.map((m) => (
            // biome-ignore lint/a11y/useSemanticElements: a segmented control of buttons
            <button
              key={m.id}
              type="button"
              role="radio"
              aria-checked={mode === m.id}
              className={mode === m.id ? 'is-on' : ''}
              onClick={() => setMode(m.id)}
            >
              {m.label}
            </button>
          ))}
        </div>
        <div className="teach-tour-controls">
          {tour.index === undefined ? (
            <button type="button" className="button" onClick={() => void tour.go(0)}>
              Start tour
            </button>
          ) : (
            <>
              <button type="button" className="button" onClick={tour.prev} disabled={tour.index === 0} aria-label="Previous step">
                ←
              </button>
              <span className="teach-step-count">
                Step {tour.index + 1} of {TOUR.length}
              </span>
              <button type="button" className="button" onClick={tour.next} disabled={tour.index === TOUR.length - 1} aria-label="Next step">
                →
              </button>
              <button type="button" className="button" onClick={tour.leave}>
                End tour
              </button>
            </>
          )}
        </div>
        <button type="button" className="button" onClick={() => setPresent(true)} title="Large type, no controls; ←/→ step, Esc leaves">
          Present
        </button>
        <button
          type="button"
          className="button"
          onClick={() => void exportHtml()}
          title="A single HTML file with both views and the explanation"
        >
          Export HTML
        </button>
      </header>
      <div className="teach-body">
        <section className={`teach-stage mode-${mode}`} aria-label="Diagrams">
          <div className="teach-panes">
            {empty ? (
              <p className="teach-empty">This blueprint has no containers yet: add a service in the designer, or start the tour.</p>
            ) : mode === 'both' ? (
              visible.map((v) => (
                <div key={v} className="teach-pane" data-pane={v}>
                  <h2 className="teach-pane-title">
                    {EXPLAIN[v].title} <span className="muted">· {EXPLAIN[v].model}</span>
                  </h2>
                  <Diagram
                    scene={scenes[v]}
                    natural
                    hot={hot[v]}
                    hovering={hover !== undefined}
                    onHover={setHover}
                    title={`${EXPLAIN[v].title}: ${EXPLAIN[v].model}`}
                  />
                </div>
              ))
            ) : (
              <div className="teach-pane" data-pane={mode}>
                <h2 className="teach-pane-title">
                  {EXPLAIN[mode].title} <span className="muted">· {EXPLAIN[mode].model}</span>
                </h2>
                <Diagram
                  scene={scenes[mode]}
                  box={box}
                  hot={hot[mode]}
                  hovering={hover !== undefined}
                  onHover={setHover}
                  title={`${EXPLAIN[mode].title}: ${EXPLAIN[mode].model}`}
                />
              </div>
            )}
          </div>
          <section className="teach-yaml" aria-label="YAML behind the pointer">
            <YamlExcerpt caption="compose.yaml · 1-level" text={data.compose} marked={marked.compose} />
            <YamlExcerpt caption="kubernetes.yaml · 2-level" text={data.kubernetes} marked={marked.kubernetes} />
          </section>
        </section>
        <aside className="teach-side" aria-label="Explanation">
          {tour.step ? <StepCard step={tour.step} /> : null}
          {tour.error ? <p className="teach-error">{tour.error}</p> : null}
          {visible.map((v) => (
            <ExplanationCard key={v} explanation={EXPLAIN[v]} view={v} />
          ))}
          <section className="teach-card teach-slot" aria-label="What each target automates">
            <h3>What each target automates</h3>
            {automates ?? <p className="muted">The capability matrix for this blueprint is not part of this build yet.</p>}
          </section>
        </aside>
      </div>
      {present ? (
        <footer className="teach-present-bar">
          {tour.index !== undefined ? `Step ${tour.index + 1} of ${TOUR.length} · ` : ''}← → step · Esc leaves
        </footer>
      ) : null}
    </div>
  );
}
