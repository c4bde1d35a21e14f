import type { DragEvent } from 'react';
import { useAddNetwork } from '../canvas/useAddNetwork';
import { PALETTE_MIME, type PaletteKind, usePaletteAdd } from '../canvas/usePaletteAdd';

const ITEMS: ReadonlyArray<{ kind: PaletteKind; label: string; hint: string; glyph: string }> = [
  { kind: 'service', label: 'Service', hint: 'A pod with one main container', glyph: 'SVC' },
  { kind: 'volume', label: 'Volume', hint: 'Named persistent storage', glyph: 'VOL' },
];

/** Drag an item onto the canvas, or click it (Enter / Space) to add it in the middle of the view. */
export function Palette() {
  const add = usePaletteAdd();
  const addNetwork = useAddNetwork();
  const onDragStart = (kind: PaletteKind) => (e: DragEvent) => {
    e.dataTransfer.setData(PALETTE_MIME, kind);
    e.dataTransfer.effectAllowed = 'copy';
  };
  return (
    <nav className="palette" aria-label="Palette">
      <h2 className="panel-title">Add</h2>
      {ITEMS.map((item) => (
        <button
          key={item.kind}
          type="button"
          className="palette-item"
          draggable
          onDragStart={onDragStart(item.kind)}
          onClick={() => add(item.kind)}
          aria-label={`Add ${item.label.toLowerCase()}`}
          title={`${item.hint}. Drag onto the canvas or click.`}
        >
          <span className={`palette-glyph glyph-${item.kind}`} aria-hidden="true">
            {item.glyph}
          </span>
          <span className="palette-text">
            <span className="palette-label">{item.label}</span>
            <span className="palette-hint">{item.hint}</span>
          </span>
        </button>
      ))}
      <button
        type="button"
        className="palette-item"
        onClick={() => addNetwork()}
        aria-label="Add network"
        title="A network segment that services join. Click to add it above the services."
      >
        <span className="palette-glyph glyph-network" aria-hidden="true">
          NET
        </span>
        <span className="palette-text">
          <span className="palette-label">Network</span>
          <span className="palette-hint">A segment services join</span>
        </span>
      </button>
      <p className="palette-help">
        Drag from a service’s right handle to another service to link them, from its bottom handle to a volume to mount it, from its top
        handle to a network to join it.
      </p>
    </nav>
  );
}
