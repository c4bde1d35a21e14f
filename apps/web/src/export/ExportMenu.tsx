import '../styles/dropdowns.css';
import { type KeyboardEvent, useEffect, useId, useRef, useState } from 'react';
import { type ExportKind, useExport } from './useExport';

const ITEMS: ReadonlyArray<{ kind: ExportKind; label: string; hint: string }> = [
  { kind: 'blueprint', label: 'Blueprint YAML', hint: '.blueprint.yaml' },
  { kind: 'compose', label: 'Compose file', hint: 'compose.yaml' },
  { kind: 'swarm', label: 'Swarm stack', hint: 'swarm.yaml' },
  { kind: 'kubernetes', label: 'Kubernetes YAML', hint: 'kubernetes.yaml' },
  { kind: 'svg', label: 'Diagram as SVG', hint: 'vector, for documents' },
  { kind: 'png', label: 'Diagram as PNG', hint: '2× resolution' },
];

/** The toolbar's Export menu (WAI-ARIA menu button: arrows move, Escape closes, focus returns to the button). */
export function ExportMenu() {
  const run = useExport();
  const [open, setOpen] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  const menu = useRef<HTMLDivElement>(null);
  const id = useId();

  useEffect(() => {
    if (!open) return;
    menu.current?.querySelector<HTMLElement>('[role="menuitem"]')?.focus();
    const onPointer = (e: PointerEvent) => {
      if (!menu.current?.contains(e.target as Node) && !button.current?.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener('pointerdown', onPointer);
    return () => document.removeEventListener('pointerdown', onPointer);
  }, [open]);

  const close = () => {
    setOpen(false);
    button.current?.focus();
  };
  const onKey = (e: KeyboardEvent) => {
    const items = [...(menu.current?.querySelectorAll<HTMLElement>('[role="menuitem"]') ?? [])];
    const i = items.indexOf(document.activeElement as HTMLElement);
    const step = e.key === 'ArrowDown' ? 1 : e.key === 'ArrowUp' ? -1 : 0;
    if (step !== 0) items[(i + step + items.length) % items.length]?.focus();
    else if (e.key === 'Home') items[0]?.focus();
    else if (e.key === 'End') items.at(-1)?.focus();
    else if (e.key === 'Escape' || e.key === 'Tab') close();
    else return;
    e.preventDefault();
  };

  return (
    <div className="menu-anchor">
      <button
        ref={button}
        type="button"
        className="button"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? id : undefined}
        onClick={() => setOpen((o) => !o)}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown' && !open) {
            e.preventDefault();
            setOpen(true);
          }
        }}
      >
        Export <span aria-hidden="true">▾</span>
      </button>
      {open && (
        <div ref={menu} id={id} className="menu" role="menu" aria-label="Export" tabIndex={-1} onKeyDown={onKey}>
          {ITEMS.map((item, i) => (
            <button
              key={item.kind}
              type="button"
              role="menuitem"
              tabIndex={-1}
              className={i === 4 ? 'menu-item has-separator' : 'menu-item'}
              onClick={() => {
                close();
                void run(item.kind);
              }}
            >
              <span>{item.label}</span>
              <span className="menu-hint">{item.hint}</span>
            </button>
          ))}
        </div>
      )}
    </div>
  );
}
