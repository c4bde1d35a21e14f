import type { Target } from '@blaupause/model';
import { type KeyboardEvent, Suspense, useEffect, useMemo, useState } from 'react';
import { blueprintYaml } from '../analysis/analyze';
import { useAnalysis } from '../analysis/useAnalysis';
import { downloadText } from '../files/download';
import { lazyRetry } from '../lazy/retry';
import { useElementExists } from '../store/element-set';
import { type AppState, selectBlueprint } from '../store/store';
import { useAnalysisSource, useApp, useAppStore } from '../store/useApp';
import { NotesStrip } from './NotesStrip';

// Monaco and its workers load with the panel's editor, in chunks of their own (not the initial one).
// The panel is open from the start, so its first render asks for them, right with the canvas's first
// paint. (Asking before that render, from main.tsx, measured no faster on 2 shared cores: Monaco's
// 3.5 MB compile then competes with the analysis worker's start, which the panel's text waits for.)
const YamlEditor = lazyRetry(() => import('./yaml-editor/YamlEditor'));

type Tab = 'blueprint' | Target;
const selectNothing = (_: AppState) => undefined;
const TABS: ReadonlyArray<{ id: Tab; label: string }> = [
  { id: 'blueprint', label: 'Blueprint' },
  { id: 'compose', label: 'Compose' },
  { id: 'swarm', label: 'Swarm' },
  { id: 'kubernetes', label: 'Kubernetes' },
];

/** Live YAML: the document itself and the three targets, compiled in the browser as you draw. */
export function YamlPanel() {
  const [tab, setTab] = useState<Tab>('compose');
  const store = useAppStore();
  // The document only on the Blueprint tab (its text): on a target's tab the panel shows the
  // worker's text, and an edit does not render the panel (nor Monaco's wrapper) in its keydown task.
  const bp = useApp(tab === 'blueprint' ? selectBlueprint : selectNothing);
  const exists = useElementExists();
  const analysis = useAnalysis();
  const compiled = tab === 'blueprint' ? undefined : analysis.compiled[tab];
  const file = compiled?.files[0];
  const text = useMemo(() => (bp ? blueprintYaml(bp) : (file?.content ?? '')), [bp, file]);
  // An edit asks the worker for this tab's target first, the rest after the next frame (analysis-source.ts).
  const source = useAnalysisSource();
  useEffect(() => {
    source.prefer(tab === 'blueprint' ? undefined : tab);
    return () => source.prefer(undefined);
  }, [source, tab]);
  const selection = useApp((s) => s.selection);
  const reveal = useApp((s) => s.draftReveal);

  // The problems panel asked to show a line of the Blueprint text: that tab, then the editor scrolls.
  useEffect(() => {
    if (reveal) setTab('blueprint');
  }, [reveal]);

  const onTabKey = (e: KeyboardEvent) => {
    const i = TABS.findIndex((t) => t.id === tab);
    const step = e.key === 'ArrowRight' ? 1 : e.key === 'ArrowLeft' ? -1 : 0;
    if (step === 0) return;
    const next = TABS[(i + step + TABS.length) % TABS.length];
    if (next) setTab(next.id);
  };

  // While Monaco loads: the text as it is, so the panel is never empty.
  const fallback = <pre className="yaml">{text}</pre>;

  return (
    <section className="yaml-panel" aria-label="YAML preview">
      <div className="tabs-bar">
        <div className="tabs" role="tablist" aria-label="Output" onKeyDown={onTabKey}>
          {TABS.map((t) => (
            <button
              key={t.id}
              type="button"
              role="tab"
              id={`tab-${t.id}`}
              aria-selected={tab === t.id}
              aria-controls="yaml-output"
              tabIndex={tab === t.id ? 0 : -1}
              className="tab"
              onClick={() => setTab(t.id)}
            >
              {t.label}
              {t.id !== 'blueprint' && analysis.compiled[t.id].diagnostics.length > 0 && (
                <span className="tab-count" title="fidelity notes">
                  {analysis.compiled[t.id].diagnostics.length}
                </span>
              )}
            </button>
          ))}
        </div>
        <button
          type="button"
          className="button download"
          onClick={() =>
            downloadText(
              tab === 'blueprint' ? `${selectBlueprint(store.getState()).metadata.name}.blueprint.yaml` : (file?.path ?? `${tab}.yaml`),
              text,
            )
          }
          aria-label={`Download the ${TABS.find((t) => t.id === tab)?.label} YAML`}
          title="Download this YAML"
        >
          Save
        </button>
      </div>
      <div id="yaml-output" className="yaml-output" role="tabpanel" aria-labelledby={`tab-${tab}`}>
        <Suspense fallback={fallback}>
          <YamlEditor
            tab={tab}
            text={text}
            file={file}
            sourceMap={file?.sourceMap}
            selection={selection}
            fallback={fallback}
            reveal={reveal}
          />
        </Suspense>
      </div>
      {compiled && <NotesStrip exists={exists} notes={compiled.diagnostics} target={TABS.find((t) => t.id === tab)?.label ?? tab} />}
    </section>
  );
}
