import type { Target } from '@blaupause/model';
import { type KeyboardEvent, type MouseEvent, useEffect, useMemo, useRef, useState } from 'react';
import { blueprintYaml } from '../analysis/analyze';
import { useAnalysis } from '../analysis/useAnalysis';
import { downloadText } from '../files/download';
import { elementExists } from '../store/selection';
import { selectBlueprint } from '../store/store';
import { useApp } from '../store/useApp';
import { elementAtLine, highlightedLines } from './yaml-lines';

type Tab = 'blueprint' | Target;
const TABS: ReadonlyArray<{ id: Tab; label: string }> = [
  { id: 'blueprint', label: 'Blueprint' },
  { id: 'compose', label: 'Compose' },
  { id: 'swarm', label: 'Swarm' },
  { id: 'kubernetes', label: 'Kubernetes' },
];

/** Live YAML: the document itself and the three targets, compiled in the browser as you draw. */
export function YamlPanel() {
  const [tab, setTab] = useState<Tab>('compose');
  const bp = useApp(selectBlueprint);
  const selection = useApp((s) => s.selection);
  const analysis = useAnalysis();
  const compiled = tab === 'blueprint' ? undefined : analysis.compiled[tab];
  const file = compiled?.files[0];
  const text = useMemo(() => (tab === 'blueprint' ? blueprintYaml(bp) : (file?.content ?? '')), [tab, bp, file]);
  const lines = useMemo(() => text.replace(/\n$/, '').split('\n'), [text]);
  const marked = useMemo(() => (file ? highlightedLines(file.sourceMap, selection) : new Set<number>()), [file, selection]);
  const pre = useRef<HTMLPreElement>(null);
  const select = useApp((s) => s.select);

  // Clicking a line selects the element that produced it (the source map read backwards).
  const onLineClick = (e: MouseEvent) => {
    const line = Number((e.target as HTMLElement).closest('[data-line]')?.getAttribute('data-line'));
    const id = file && line > 0 ? elementAtLine(file.sourceMap, line) : undefined;
    if (id && elementExists(bp, id)) select([id]);
  };

  useEffect(() => {
    // Scroll the panel only (scrollIntoView would scroll every ancestor, the page included).
    const box = pre.current;
    const first = box?.querySelector<HTMLElement>('.is-marked');
    if (!box || !first || marked.size === 0) return;
    const top = first.getBoundingClientRect().top - box.getBoundingClientRect().top + box.scrollTop;
    if (top < box.scrollTop || top > box.scrollTop + box.clientHeight - first.offsetHeight) box.scrollTop = Math.max(0, top - 24);
  }, [marked]);

  const onTabKey = (e: KeyboardEvent) => {
    const i = TABS.findIndex((t) => t.id === tab);
    const step = e.key === 'ArrowRight' ? 1 : e.key === 'ArrowLeft' ? -1 : 0;
    if (step === 0) return;
    const next = TABS[(i + step + TABS.length) % TABS.length];
    if (next) setTab(next.id);
  };

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
          onClick={() => downloadText(tab === 'blueprint' ? `${bp.metadata.name}.blueprint.yaml` : (file?.path ?? `${tab}.yaml`), text)}
          aria-label={`Download the ${TABS.find((t) => t.id === tab)?.label} YAML`}
          title="Download this YAML"
        >
          Save
        </button>
      </div>
      {/* biome-ignore lint/a11y/useKeyWithClickEvents: a mouse shortcut; the canvas and the problems list select by keyboard */}
      <pre
        ref={pre}
        onClick={onLineClick}
        id="yaml-output"
        className={file ? 'yaml is-linked' : 'yaml'}
        role="tabpanel"
        aria-labelledby={`tab-${tab}`}
      >
        {lines.map((line, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: a line is identified by its number
          <span key={i} data-line={i + 1} className={marked.has(i + 1) ? 'line is-marked' : 'line'}>
            {line}
          </span>
        ))}
      </pre>
      {compiled && compiled.diagnostics.length > 0 && (
        <ul className="notes" aria-label="Fidelity notes">
          {compiled.diagnostics.map((d) => (
            <li key={`${d.code}:${d.path.join('.')}:${d.message}`} className={`note note-${d.severity}`}>
              <span className="note-code">{d.code === 'FIDELITY_LOST' ? 'lost' : 'approx.'}</span> {d.message}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
