import { renderToStaticMarkup } from 'react-dom/server';
import { LIGHT } from '../theme/tokens';
import { EXPLAIN, type TourStep } from './content';
import { Diagram } from './Diagram';
import { ExplanationCard, StepCard } from './Explanation';
import type { TeachingScenes } from './scenes';
import diagramCss from './teach-diagram.css?raw';

/** Rules of the exported page itself (the diagrams bring theirs from teach-diagram.css). */
const PAGE_CSS = `
body { margin: 0; font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif; color: var(--text); background: var(--bg); }
main { max-width: 1280px; margin: 0 auto; padding: 32px 24px 48px; }
header h1 { margin: 0 0 4px; font-size: 26px; }
header p { margin: 0; color: var(--text-muted); }
.muted { color: var(--text-muted); }
.export-view { margin-top: 28px; display: grid; grid-template-columns: minmax(0, 2fr) minmax(260px, 1fr); gap: 24px; align-items: start; }
.export-figure { margin: 0; background: var(--canvas-bg); border: 1px solid var(--border); border-radius: 10px; padding: 12px; }
.export-figure svg { width: 100%; height: auto; display: block; }
.teach-card { background: var(--surface); border: 1px solid var(--border); border-radius: 10px; padding: 14px 16px; }
.teach-card h2, .teach-card h3 { margin: 0 0 8px; font-size: 17px; }
.teach-card h4 { margin: 10px 0 4px; font-size: 12px; text-transform: uppercase; letter-spacing: .04em; color: var(--text-muted); }
.teach-card ul { margin: 0; padding-left: 18px; }
.teach-kicker { margin: 0; font-size: 12px; font-weight: 600; text-transform: uppercase; letter-spacing: .05em; color: var(--accent); }
.teach-code { margin: 8px 0 0; }
.teach-code figcaption { font-size: 12px; color: var(--text-muted); }
pre, code { font-family: ui-monospace, "SFMono-Regular", "DejaVu Sans Mono", Menlo, Consolas, monospace; font-size: 12.5px; }
pre { background: var(--surface-muted); border: 1px solid var(--border); border-radius: 6px; padding: 8px 10px; overflow: auto; }
.t-node, .t-edge, .t-box { animation: none !important; transition: none !important; }
footer { margin-top: 32px; color: var(--text-muted); font-size: 12px; }
`;

function variables(): string {
  return Object.entries(LIGHT)
    .map(([k, v]) => `--${k}: ${v};`)
    .join(' ');
}

/**
 * The teaching view as one self-contained, read-only HTML file: both diagrams as inline SVG,
 * the explanation of each model and the current tour step. No scripts, no external loads.
 */
export function teachingHtml(data: TeachingScenes, name: string, step: TourStep | undefined): string {
  const body = renderToStaticMarkup(
    <main>
      <header>
        <h1>1-level vs 2-level orchestration</h1>
        <p>
          Blueprint <strong>{name}</strong>, as a container graph and as Kubernetes assembles it. Exported from Blaupause.
        </p>
      </header>
      {step ? (
        <div className="export-view">
          <StepCard step={step} />
        </div>
      ) : null}
      {(['one', 'two'] as const).map((v) => (
        <section key={v} className="export-view" data-view={v}>
          <figure className="export-figure">
            <Diagram scene={data.scenes[v]} title={`${EXPLAIN[v].title}: ${EXPLAIN[v].model}`} />
          </figure>
          <ExplanationCard explanation={EXPLAIN[v]} view={v} />
        </section>
      ))}
      <footer>The diagrams are read from the Compose and Kubernetes files Blaupause compiled for this blueprint.</footer>
    </main>,
  );
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeText(name)} · 1-level vs 2-level orchestration</title>
<style>
:root { ${variables()} }
${PAGE_CSS}
${diagramCss}
</style>
</head>
<body>
${body}
</body>
</html>
`;
}

function escapeText(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
