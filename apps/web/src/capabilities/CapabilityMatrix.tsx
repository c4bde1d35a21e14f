import { type CapabilityCell, type CapabilityRow, type Column, capabilityMatrixOf, type Level } from '@blaupause/compiler';
import { useMemo, useState } from 'react';
import { useAnalysis } from '../analysis/useAnalysis';
import { selectBlueprint } from '../store/store';
import { useApp } from '../store/useApp';
import { Evidence } from './Evidence';
import './capabilities.css';

export const LEVELS: { id: Level; label: string; glyph: string; meaning: string }[] = [
  { id: 'automated', label: 'Automated', glyph: '●', meaning: 'the target does it for this blueprint' },
  { id: 'partial', label: 'Partly', glyph: '◐', meaning: 'done, with limits the reason names' },
  { id: 'manual', label: 'By hand', glyph: '○', meaning: 'you run it yourself' },
  { id: 'not-applicable', label: 'Not needed', glyph: '–', meaning: 'this blueprint does not ask for it' },
];
const LEVEL = Object.fromEntries(LEVELS.map((l) => [l.id, l])) as Record<Level, (typeof LEVELS)[number]>;

const SHORT: Record<Column, { name: string; sub?: string }> = {
  docker: { name: 'Docker', sub: 'Blaupause' },
  compose: { name: 'Compose' },
  swarm: { name: 'Swarm' },
  kubernetes: { name: 'K8s' },
};

interface Open {
  duty: CapabilityRow['duty'];
  column: Column;
}

/**
 * "What each target automates" for the current blueprint: the lecture's orchestrator duties
 * against Docker via Blaupause, Compose, Swarm and Kubernetes (capabilityMatrixOf over what the
 * analysis worker compiled). A cell's button opens its reason and the compiler's notes below.
 */
export default function CapabilityMatrix() {
  const analysis = useAnalysis();
  const blueprint = useApp(selectBlueprint);
  const matrix = useMemo(() => capabilityMatrixOf(blueprint, analysis.compiled), [blueprint, analysis.compiled]);
  const [open, setOpen] = useState<Open | undefined>(undefined);
  // The "other" row only when some target has a note there.
  const rows = matrix.rows.filter((r) => r.duty !== 'other' || Object.values(r.cells).some((c) => c.evidence.length));
  const openRow = open && rows.find((r) => r.duty === open.duty);
  const openCell = openRow && open ? openRow.cells[open.column] : undefined;
  const openColumn = open && matrix.columns.find((c) => c.id === open.column);

  return (
    <div className="cap">
      <p className="cap-intro muted">
        From what the compiler writes for this blueprint and what Blaupause’s drivers do. Choose a cell for the reason and the compiler’s
        notes.
      </p>
      <table className="cap-table">
        <caption className="sr-only">Orchestrator duties (rows) against targets (columns) for this blueprint</caption>
        <thead>
          <tr>
            <th scope="col" className="cap-duty-head">
              Duty
            </th>
            {matrix.columns.map((c) => (
              <th key={c.id} scope="col" abbr={c.label} title={c.label} className={`cap-col-${c.id}`}>
                <span className="cap-col-name">{SHORT[c.id].name}</span>
                {SHORT[c.id].sub ? <span className="cap-col-sub">{SHORT[c.id].sub}</span> : null}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.duty} data-duty={r.duty}>
              <th scope="row" title={r.seed}>
                <Breakable text={r.label} />
              </th>
              {matrix.columns.map((c) => (
                <td key={c.id}>
                  <CellButton
                    cell={r.cells[c.id]}
                    label={`${r.label} · ${c.label}`}
                    pressed={open?.duty === r.duty && open.column === c.id}
                    onClick={() => setOpen(open?.duty === r.duty && open.column === c.id ? undefined : { duty: r.duty, column: c.id })}
                  />
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      <ul className="cap-legend" aria-label="Legend">
        {LEVELS.map((l) => (
          <li key={l.id}>
            <span className={`cap-glyph lv-${l.id}`} aria-hidden="true">
              {l.glyph}
            </span>{' '}
            <strong>{l.label}</strong> <span className="muted">{l.meaning}</span>
          </li>
        ))}
        <li>
          <span className="cap-count cap-count-legend" aria-hidden="true">
            2
          </span>{' '}
          <span className="muted">compiler notes as evidence</span>
        </li>
      </ul>
      {openRow && openCell && openColumn ? (
        <section className="cap-detail" id="cap-detail" aria-label={`${openRow.label} · ${openColumn.label}`}>
          <h4>
            {openRow.label} · {openColumn.label}
          </h4>
          <p className="cap-detail-level">
            <span className={`cap-glyph lv-${openCell.level}`} aria-hidden="true">
              {LEVEL[openCell.level].glyph}
            </span>{' '}
            <strong>{LEVEL[openCell.level].label}</strong>
            <span className="muted"> — lecture: {openRow.seed}</span>
          </p>
          <p>{openCell.why}</p>
          <Evidence cell={openCell} column={openColumn.id} />
        </section>
      ) : null}
    </div>
  );
}

function CellButton({ cell, label, pressed, onClick }: { cell: CapabilityCell; label: string; pressed: boolean; onClick: () => void }) {
  const n = cell.evidence.length;
  const level = LEVEL[cell.level];
  return (
    <button
      type="button"
      className={`cap-cell lv-${cell.level}${pressed ? ' is-open' : ''}`}
      aria-pressed={pressed}
      aria-controls={pressed ? 'cap-detail' : undefined}
      aria-label={`${label}: ${level.label}${n ? `, ${n} compiler ${n === 1 ? 'note' : 'notes'}` : ''}`}
      title={`${level.label}: ${cell.why}`}
      data-level={cell.level}
      onClick={onClick}
    >
      <span className="cap-glyph" aria-hidden="true">
        {level.glyph}
      </span>
      {n ? (
        <span className="cap-count" aria-hidden="true">
          {n}
        </span>
      ) : null}
    </button>
  );
}

/** A duty's name that may break after "-)" too: "(Auto-)" over "scaling" in a narrow panel, not "(Auto-)scalin" over "g". */
function Breakable({ text }: { text: string }) {
  const parts = text.split('-)');
  return parts.map((part, i) => (
    // biome-ignore lint/suspicious/noArrayIndexKey: the parts of one fixed string, in order
    <span key={i}>
      {part}
      {i < parts.length - 1 && (
        <>
          -)
          <wbr />
        </>
      )}
    </span>
  ));
}
