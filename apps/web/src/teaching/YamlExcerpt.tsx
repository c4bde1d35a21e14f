import { excerpt } from './highlight';

interface Props {
  caption: string;
  text: string;
  marked: ReadonlySet<number>;
}

/** A few lines of compiled YAML around the marked ones, with line numbers; nothing marked shows a hint. */
export function YamlExcerpt({ caption, text, marked }: Props) {
  const rows = excerpt(text, marked);
  return (
    <figure className="t-yaml" aria-label={`${caption} lines`}>
      <figcaption>
        {caption}
        <span className="muted">{marked.size > 0 ? ` · ${marked.size} line${marked.size === 1 ? '' : 's'}` : ''}</span>
      </figcaption>
      {rows.length === 0 ? (
        <p className="t-yaml-empty muted">Point at a box to see the lines that produced it.</p>
      ) : (
        <pre>
          {rows.map((r) =>
            r.kind === 'gap' ? (
              <span key={`gap-${r.after}`} className="t-yaml-gap">
                ⋯ {r.skipped} line{r.skipped === 1 ? '' : 's'}
                {'\n'}
              </span>
            ) : (
              <span key={r.line} className={r.marked ? 't-yaml-line is-marked' : 't-yaml-line'} data-line={r.line}>
                <span className="t-yaml-no">{r.line}</span>
                {r.text}
                {'\n'}
              </span>
            ),
          )}
        </pre>
      )}
    </figure>
  );
}
