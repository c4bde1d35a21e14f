import { useStoreApi } from '@xyflow/react';
import { useEffect } from 'react';

/**
 * Below this zoom the canvas's small glyphs (link labels and badges, node badges: 9-10 px) stop
 * shrinking on screen: under ~0.6 they were 5-6 px, unreadable.
 */
export const GLYPH_ZOOM = 0.75;
/** At most this much above their flow size: about GLYPH_ZOOM / FAR_ZOOM (0.35), where the far view takes over. */
export const MAX_GLYPH_SCALE = 2;

/**
 * The counter-scale of the small glyphs at a zoom: 1 at GLYPH_ZOOM and above, GLYPH_ZOOM / zoom below
 * (their size on screen stays what it is at GLYPH_ZOOM), at most MAX_GLYPH_SCALE, in steps of 0.05.
 */
export function glyphScale(zoom: number): number {
  if (!(zoom < GLYPH_ZOOM)) return 1;
  return Math.min(MAX_GLYPH_SCALE, Math.ceil((GLYPH_ZOOM / zoom) * 20 - 1e-9) / 20);
}

/**
 * Writes glyphScale(zoom) to `host` as --glyph-scale, when it changes — from React Flow's store,
 * not a render: a pan or zoom frame renders nothing for it, and the styles change only per 0.05
 * step below GLYPH_ZOOM (in the far view and during a large graph's gesture the labels are hidden).
 */
export function useGlyphScale(host: HTMLElement | null): void {
  const store = useStoreApi();
  useEffect(() => {
    if (!host) return;
    let shown = Number.NaN;
    const write = (zoom: number) => {
      const scale = glyphScale(zoom);
      if (scale === shown) return;
      shown = scale;
      host.style.setProperty('--glyph-scale', String(scale));
    };
    write(store.getState().transform[2]);
    return store.subscribe((s) => write(s.transform[2]));
  }, [host, store]);
}
