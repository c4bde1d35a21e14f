import { Position } from '@xyflow/react';
import { describe, expect, it } from 'vitest';
import { labelFit, labelLayout, labelMaxWidth, labelPoint } from './LinkEdge';
import { GLYPH_ZOOM, glyphScale, MAX_GLYPH_SCALE } from './useGlyphScale';

const SHARED_SOURCE = 1;
const SHARED_TARGET = 2;
/** A label that wraps in a tight gap ("healthy" over "1 note", the badge itself on two lines), as measured in Chromium. */
const TIGHT_LABEL_HEIGHT = 55;

const edge = (sourceY: number, targetY: number, gap = 70) => ({
  sourceX: 100,
  sourceY,
  targetX: 100 + gap,
  targetY,
  sourcePosition: Position.Right,
  targetPosition: Position.Left,
});
const middle = (e: ReturnType<typeof edge>) => [(e.sourceX + e.targetX) / 2, (e.sourceY + e.targetY) / 2] as const;
const place = (e: ReturnType<typeof edge>, shared: number) => labelPoint(e, ...middle(e), labelMaxWidth(e.sourceX, e.targetX), shared);

describe('labelPoint', () => {
  it('keeps the labels of two links from stacked services into one service apart (they overlapped at the middles)', () => {
    // Two cards 95 px apart (touching), both using a third beside them across a tight gap.
    const a = edge(125, 173);
    const b = edge(220, 173);
    expect(Math.abs(middle(a)[1] - middle(b)[1])).toBeLessThan(TIGHT_LABEL_HEIGHT);
    const [ax, ay] = place(a, SHARED_TARGET);
    const [bx, by] = place(b, SHARED_TARGET);
    expect(Math.abs(ay - by)).toBeGreaterThanOrEqual(TIGHT_LABEL_HEIGHT);
    // Still in the middle of the gap, and on its own edge's side: nearer its source.
    expect([ax, bx]).toEqual([135, 135]);
    expect(Math.abs(ay - 125)).toBeLessThan(Math.abs(ay - 173));
  });

  it('fans out from one service the same way, toward the targets', () => {
    const e = edge(455, 415);
    const f = edge(455, 505);
    expect(Math.abs(place(e, SHARED_SOURCE)[1] - place(f, SHARED_SOURCE)[1])).toBeGreaterThanOrEqual(TIGHT_LABEL_HEIGHT);
  });

  it('leaves a label at the middle when no end or both are shared, when the gap is wide (one line), or the edge runs backwards', () => {
    const a = edge(125, 173);
    expect(place(a, 0)).toEqual(middle(a));
    expect(place(a, SHARED_SOURCE | SHARED_TARGET)).toEqual(middle(a));
    const wide = edge(125, 173, 400);
    expect(place(wide, SHARED_TARGET)).toEqual(middle(wide));
    const back = { ...edge(125, 173), targetX: 20 };
    expect(labelPoint(back, 60, 149, labelMaxWidth(back.sourceX, back.targetX), SHARED_TARGET)).toEqual([60, 149]);
  });
});

describe('labelFit', () => {
  const fit = (gap: number) => labelFit(labelMaxWidth(100, 100 + gap));
  it('shrinks the label to a badge when the gap has no room for its least width, and hides it when not even the badge fits', () => {
    expect(fit(400)).toBe('');
    expect(fit(150)).toBe('is-narrow');
    expect(fit(70)).toBe('is-narrow is-tight');
    // Handles 54 px apart: the cards 64 px apart, room for 56 px of label and 4 px either side.
    expect(fit(54)).toBe('is-narrow is-tight');
    // Narrower: the label covered both cards' edges.
    expect(fit(53)).toBe('is-badge');
    expect(fit(30)).toBe('is-badge');
    expect(fit(14)).toBe('is-badge');
    expect(fit(13)).toBe('is-hidden');
    expect(fit(2)).toBe('is-hidden');
    expect(labelFit(labelMaxWidth(100, 40))).toBe('');
  });

  it('keeps every label and badge 4 px off the cards (the handle points lie 5 px outside them)', () => {
    for (let gap = 1; gap < 300; gap++) {
      const w = labelMaxWidth(0, gap) ?? 0;
      const fitted = labelFit(w);
      const width = fitted === 'is-badge' ? 16 : fitted === 'is-hidden' ? 0 : w;
      expect(width, `gap ${gap}`).toBeLessThanOrEqual(gap + 10 - 8);
    }
  });
});

describe('labelLayout (zoomed out)', () => {
  const wants = [1, 1.05, 1.25, 1.5, 1.85, MAX_GLYPH_SCALE];
  it('is labelFit at zoom 1 (and down to GLYPH_ZOOM)', () => {
    for (let gap = 1; gap < 300; gap++) {
      const w = labelMaxWidth(0, gap);
      expect(labelLayout(w, glyphScale(1))).toEqual({ fit: labelFit(w), scale: 1, width: w });
      expect(labelLayout(w, glyphScale(GLYPH_ZOOM)).scale).toBe(1);
    }
  });

  it('keeps every label and badge 4 px off the cards on screen, however far it grows', () => {
    for (const want of wants)
      for (let gap = 1; gap < 300; gap++) {
        const room = gap + 10 - 8;
        const w = labelMaxWidth(0, gap);
        const { fit, scale, width } = labelLayout(w, want);
        const onScreen = fit === 'is-badge' ? 16 * scale : fit === 'is-hidden' ? 0 : (width ?? 0) * scale;
        expect(onScreen, `gap ${gap}, ×${want}`).toBeLessThanOrEqual(room + 0.01);
      }
  });

  it('keeps its fit while zooming and grows by what the zoom took as far as its room lets it', () => {
    const least: Record<string, number> = { 'is-badge': 16, 'is-narrow is-tight': 56, 'is-narrow': 100, '': 240 };
    for (const want of wants)
      for (let gap = 1; gap < 300; gap++) {
        const w = labelMaxWidth(0, gap) ?? 0;
        const { fit, scale, width } = labelLayout(w, want);
        expect(fit, `gap ${gap}`).toBe(labelFit(w));
        if (fit === 'is-hidden') continue;
        const room = least[fit] ?? 0;
        expect(scale, `gap ${gap}, ×${want}`).toBe(Math.max(1, Math.min(want, Math.floor((w / room) * 100) / 100)));
        expect(width ?? 0, `gap ${gap}, ×${want}`).toBeGreaterThanOrEqual(Math.min(w, room));
      }
    // A badge at half zoom: the size it has at 75 %; a backwards link's label grows freely.
    expect(labelLayout(labelMaxWidth(0, 30), glyphScale(0.5))).toMatchObject({ fit: 'is-badge', scale: 1.5 });
    expect(labelLayout(undefined, glyphScale(0.4))).toEqual({ fit: '', scale: glyphScale(0.4), width: undefined });
  });
});

describe('glyphScale', () => {
  it('is 1 from GLYPH_ZOOM up, keeps the size on screen below (0.05 steps, never smaller), at most MAX_GLYPH_SCALE', () => {
    expect(glyphScale(1)).toBe(1);
    expect(glyphScale(GLYPH_ZOOM)).toBe(1);
    for (let zoom = 0.1; zoom < GLYPH_ZOOM; zoom += 0.01) {
      const s = glyphScale(zoom);
      expect(s).toBeLessThanOrEqual(MAX_GLYPH_SCALE);
      if (zoom >= GLYPH_ZOOM / MAX_GLYPH_SCALE) expect(s * zoom).toBeGreaterThanOrEqual(GLYPH_ZOOM - 1e-9);
      expect(Math.round(s * 20)).toBeCloseTo(s * 20, 9);
    }
  });
});
