import { type KeyboardEvent, useEffect, useLayoutEffect, useRef, useState } from 'react';
import './menus.css';
import type { MenuAction, MenuItem } from './menu-items';

export interface ContextMenuProps {
  /** Where it opens, in viewport pixels (kept inside the window). */
  at: { x: number; y: number };
  label: string;
  items: readonly MenuItem[];
  onAction(action: MenuAction): void;
  onClose(): void;
}

/**
 * A menu in the WAI-ARIA menu pattern: focus moves into it on open, ↑/↓/Home/End move between
 * items, Enter or Space runs one, Escape or Tab closes it, and focus goes back to where it was.
 */
export function ContextMenu({ at, label, items, onAction, onClose }: ContextMenuProps) {
  const ref = useRef<HTMLDivElement>(null);
  const [pos, setPos] = useState(at);
  // Read while rendering, before the menu takes focus.
  const [opener] = useState(() => (document.activeElement instanceof HTMLElement ? document.activeElement : undefined));

  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    const r = el.getBoundingClientRect();
    setPos({
      x: Math.max(4, Math.min(at.x, window.innerWidth - r.width - 4)),
      y: Math.max(4, Math.min(at.y, window.innerHeight - r.height - 4)),
    });
    el.querySelector<HTMLElement>('[role^="menuitem"]')?.focus();
  }, [at]);

  useEffect(() => {
    const el = ref.current;
    const outside = (e: PointerEvent) => {
      if (!el?.contains(e.target as Node)) onClose();
    };
    document.addEventListener('pointerdown', outside, true);
    return () => {
      document.removeEventListener('pointerdown', outside, true);
      // Back to the node or pane it was opened from, unless an action moved focus on purpose.
      const active = document.activeElement;
      if (opener?.isConnected && (!active || active === document.body || el?.contains(active))) opener.focus({ preventScroll: true });
    };
  }, [onClose, opener]);

  const onKeyDown = (e: KeyboardEvent) => {
    const entries = [...(ref.current?.querySelectorAll<HTMLElement>('[role^="menuitem"]') ?? [])];
    const i = entries.indexOf(document.activeElement as HTMLElement);
    const go = (j: number) => entries[(j + entries.length) % entries.length]?.focus();
    if (e.key === 'ArrowDown') go(i + 1);
    else if (e.key === 'ArrowUp') go(i - 1);
    else if (e.key === 'Home') go(0);
    else if (e.key === 'End') go(entries.length - 1);
    else if (e.key === 'Escape' || e.key === 'Tab') onClose();
    else return;
    e.preventDefault();
    e.stopPropagation();
  };

  return (
    <div
      ref={ref}
      role="menu"
      aria-label={label}
      className="context-menu"
      style={{ left: pos.x, top: pos.y }}
      onKeyDown={onKeyDown}
      onContextMenu={(e) => e.preventDefault()}
    >
      {items.map((item) => {
        const run = () => {
          onClose();
          onAction(item.action);
        };
        const content = (
          <>
            <span className="context-menu-check" aria-hidden="true">
              {item.checked ? '✓' : ''}
            </span>
            <span className="context-menu-label">{item.label}</span>
            {item.shortcut && <kbd className="context-menu-shortcut">{item.shortcut}</kbd>}
          </>
        );
        return (
          <div key={item.action} className={item.group ? 'context-menu-group' : undefined} role="none">
            {item.checked === undefined ? (
              <button type="button" role="menuitem" tabIndex={-1} className="context-menu-item" onClick={run}>
                {content}
              </button>
            ) : (
              <button
                type="button"
                role="menuitemradio"
                aria-checked={item.checked}
                tabIndex={-1}
                className="context-menu-item"
                onClick={run}
              >
                {content}
              </button>
            )}
          </div>
        );
      })}
    </div>
  );
}
