import type { Target } from '@blaupause/model';
import { type KeyboardEvent, type RefObject, Suspense, useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
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

  // Arrow keys (and Home/End) move the selection and the focus to the next tab (WAI-ARIA tabs, automatic
  // activation); the focused tab scrolls into view when the strip is narrower than the tabs.
  const tabList = useRef<HTMLDivElement>(null);
  const onTabKey = (e: KeyboardEvent) => {
    const i = TABS.findIndex((t) => t.id === tab);
    const to =
      e.key === 'ArrowRight' ? i + 1 : e.key === 'ArrowLeft' ? i - 1 : e.key === 'Home' ? 0 : e.key === 'End' ? TABS.length - 1 : undefined;
    if (to === undefined) return;
    e.preventDefault();
    const next = TABS[(to + TABS.length) % TABS.length];
    if (!next) return;
    setTab(next.id);
    tabList.current?.querySelector<HTMLElement>(`#tab-${next.id}`)?.focus();
  };
  const overflow = useTabOverflow(tabList);
  // The selected tab is whole in view (a click on a half-shown tab, a problem's "show" that opens the Blueprint tab).
  useEffect(() => {
    tabList.current?.querySelector(`#tab-${tab}`)?.scrollIntoView({ block: 'nearest', inline: 'nearest' });
  }, [tab]);

  // While Monaco loads: the text as it is, so the panel is never empty.
  const fallback = <pre className="yaml">{text}</pre>;

  return (
    <section className="yaml-panel" aria-label="YAML preview">
      <div className="tabs-bar">
        {/* A narrow panel (1024 px window) scrolls the tabs: the side with more tabs fades and its arrow shows. */}
        <TabsMore side="start" shown={overflow.scrolls} enabled={overflow.before} onScroll={overflow.scroll} />
        <div
          ref={tabList}
          className={`tabs${overflow.before ? ' more-before' : ''}${overflow.after ? ' more-after' : ''}`}
          role="tablist"
          aria-label="Output"
          onKeyDown={onTabKey}
          onScroll={overflow.update}
        >
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
        <TabsMore side="end" shown={overflow.scrolls} enabled={overflow.after} onScroll={overflow.scroll} />
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

/** An arrow beside a scrolling tab strip: for the mouse only (out of the Tab order, hidden from screen readers). */
function TabsMore(props: { side: 'start' | 'end'; shown: boolean; enabled: boolean; onScroll: (direction: -1 | 1) => void }) {
  const { side, shown, enabled, onScroll } = props;
  return (
    <button
      type="button"
      className={`tabs-more is-${side}`}
      hidden={!shown}
      disabled={!enabled}
      tabIndex={-1}
      aria-hidden="true"
      title="More tabs"
      onClick={() => onScroll(side === 'start' ? -1 : 1)}
    >
      {side === 'start' ? '‹' : '›'}
    </button>
  );
}

/**
 * Whether the tab strip scrolls (its tabs are wider than the panel), and whether tabs lie hidden
 * before or after the shown part: the strip's scroll bar is hidden, so these are the cue.
 */
function useTabOverflow(list: RefObject<HTMLDivElement | null>) {
  const [state, setState] = useState({ scrolls: false, before: false, after: false });
  const update = useCallback(() => {
    const el = list.current;
    if (!el) return;
    const max = el.scrollWidth - el.clientWidth;
    const next = { scrolls: max > 1, before: el.scrollLeft > 1, after: el.scrollLeft < max - 1 };
    setState((s) => (s.scrolls === next.scrolls && s.before === next.before && s.after === next.after ? s : next));
  }, [list]);
  useLayoutEffect(() => {
    const el = list.current;
    if (!el) return;
    update();
    // The strip's width (the window, the panel) and the tabs' (their note counts come with the analysis).
    const observer = new ResizeObserver(update);
    observer.observe(el);
    for (const t of el.children) observer.observe(t);
    return () => observer.disconnect();
  }, [list, update]);
  const scroll = useCallback(
    (direction: 1 | -1) => {
      // Most of a strip's width at a time (a tab cut by a few px would move the strip by as little).
      list.current?.scrollBy({ left: direction * list.current.clientWidth * 0.6, behavior: 'smooth' });
    },
    [list],
  );
  return { ...state, update, scroll };
}
