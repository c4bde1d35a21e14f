import { BaseEdge, type EdgeProps, getBezierPath, Position, useStore } from '@xyflow/react';
import { memo } from 'react';
import type { LinkEdge as LinkEdgeType } from '../flow/to-flow';
import { EdgeLabel, useEdgeFocused } from './EdgeLabelLayer';
import { useLiveData } from './live-data';
import { NotesMark } from './MarkBadges';
import { glyphScale } from './useGlyphScale';

/**
 * "uses" with its start condition as label, at the middle of the edge. The label is no wider than
 * the gap between the two services (it wraps: the notes badge goes under the condition; in a
 * narrow gap the badge shows the count alone, in a tight one the condition stands alone), so it
 * is never hidden under either card nor covers the arrowhead. Labels of links that enter (or
 * leave) one service stay apart as their middles do (half the distance of the other ends), and a
 * label that wraps in a narrow gap moves along its edge toward the end no other link shares — so
 * the labels of two links from services close together into one service do not cover each other.
 */
function LinkEdgeView(props: EdgeProps<LinkEdgeType>) {
  const [path, middleX, middleY] = getBezierPath(props);
  const maxWidth = labelMaxWidth(props.sourceX, props.targetX);
  // One selector per edge: which ends it shares with other links, and the labels' counter-scale
  // (glyphScale of the zoom, in 0.05 steps: the edge renders again only when a step changes).
  const packed = useStore(
    (s) =>
      (more(s.connectionLookup.get(`${props.source}-source-${props.sourceHandleId}`)) ? SHARED_SOURCE : 0) |
      (more(s.connectionLookup.get(`${props.target}-target-${props.targetHandleId}`)) ? SHARED_TARGET : 0) |
      (Math.round(glyphScale(s.transform[2]) * 20) << 2),
  );
  const shared = packed & (SHARED_SOURCE | SHARED_TARGET);
  const { fit, scale, width } = labelLayout(maxWidth, (packed >> 2) / 20);
  const [labelX, labelY] = labelPoint(props, middleX, middleY, width, shared);
  const data = useLiveData(props.id, props.data);
  const focused = useEdgeFocused(props.id);
  const condition = data?.condition ?? 'started';
  const classes = [
    'edge-link',
    `condition-${condition}`,
    props.selected ? 'is-selected' : '',
    data?.severity ? `has-${data.severity}` : '',
  ];
  const notes = data?.notes ?? [];
  // A badge: the condition's glyph, the whole label as its tooltip (and the edge's inspector).
  const badge = fit === 'is-badge';
  const title = badge
    ? `uses · ${condition}${notes.length ? ` · ${notes.length} fidelity ${notes.length === 1 ? 'note' : 'notes'}` : ''}`
    : undefined;
  return (
    <>
      <BaseEdge id={props.id} path={path} markerEnd={props.markerEnd} className={classes.join(' ')} />
      <EdgeLabel>
        <div
          className={`edge-label ${fit} ${props.selected ? 'is-selected' : ''} ${data?.severity ? `has-${data.severity}` : ''}${badge && notes.length ? ' has-notes' : ''}${focused ? ' is-focused' : ''}`}
          style={{
            transform: `translate(-50%, -50%) translate(${labelX}px, ${labelY}px)${scale === 1 ? '' : ` scale(${scale})`}`,
            maxWidth: badge ? undefined : width,
          }}
          title={title}
        >
          {badge && (
            <span className="edge-label-glyph" aria-hidden="true">
              {GLYPH[condition]}
            </span>
          )}
          {/* A badge keeps its words and notes for screen readers, out of sight. */}
          <span className={badge ? 'edge-label-text sr-only' : 'edge-label-text'}>
            <span className="edge-label-uses">uses · </span>
            {condition}
          </span>
          <NotesMark notes={notes} hidden={badge} />
        </div>
      </EdgeLabel>
    </>
  );
}

export const LinkEdge = memo(LinkEdgeView);

const SHARED_SOURCE = 1;
const SHARED_TARGET = 2;
const more = (connections: ReadonlyMap<string, unknown> | undefined) => (connections?.size ?? 0) > 1;

interface Ends {
  sourceX: number;
  sourceY: number;
  targetX: number;
  targetY: number;
  sourcePosition: Position;
  targetPosition: Position;
}

/**
 * Where the label sits: the middle of the edge, unless it wraps (a narrow gap, so it is tall) and
 * one end of the edge is shared with another link (`shared`: SHARED_SOURCE | SHARED_TARGET) and the
 * other is not; then at a quarter of the edge from the end not shared, where links that meet at the
 * shared end are 84 % of their other ends' distance apart instead of half. It stays in the middle
 * of the gap (its width is the gap's): only its height on the curve changes.
 */
export function labelPoint(ends: Ends, middleX: number, middleY: number, maxWidth: number | undefined, shared: number): [number, number] {
  const toward = shared === SHARED_TARGET ? 0.25 : shared === SHARED_SOURCE ? 0.75 : 0.5;
  const sideways = ends.sourcePosition === Position.Right && ends.targetPosition === Position.Left;
  if (toward === 0.5 || !sideways || maxWidth === undefined || maxWidth >= WIDE_LABEL) return [middleX, middleY];
  // A bezier whose control points keep the height of their ends (left/right handles): y(t) = sy + (ty − sy)(3t² − 2t³).
  const eased = toward * toward * (3 - 2 * toward);
  return [middleX, ends.sourceY + (ends.targetY - ends.sourceY) * eased];
}

/**
 * Room between the handles less a margin either side (the arrowhead stays clear), at least the
 * label's least width — as long as that stays 4 px off both cards; none set when the target is
 * not to the right.
 */
export function labelMaxWidth(sourceX: number, targetX: number): number | undefined {
  const gap = targetX - sourceX;
  if (!(gap > 0)) return undefined;
  const cards = gap + 2 * HANDLE_OUTSIDE;
  return Math.min(Math.floor(cards - 2 * CARD_CLEARANCE), Math.max(LABEL_MIN_WIDTH, Math.floor(gap - 2 * LABEL_MARGIN)));
}

/**
 * 'is-narrow': the notes badge shows its count alone (the targets stay in its name and tooltip);
 * 'is-tight' too: no room for "uses · started", the condition alone (the arrow says "uses").
 * 'is-badge': the gap between the cards has no room for the least label (56 px) — it covered both
 * cards' edges — so the condition shows as a glyph in a 16 px badge, the words in its tooltip.
 * 'is-hidden': not even the badge fits (the cards all but touch); the edge's inspector shows it.
 */
export function labelFit(maxWidth: number | undefined): string {
  if (maxWidth === undefined || maxWidth >= WIDE_LABEL) return '';
  if (maxWidth < BADGE) return 'is-hidden';
  if (maxWidth < LABEL_MIN_WIDTH) return 'is-badge';
  return maxWidth < USES_LABEL ? 'is-narrow is-tight' : 'is-narrow';
}

/**
 * A label's fit, counter-scale and layout width at a zoom whose glyphs want to grow `want` times
 * (glyphScale: zoomed out below GLYPH_ZOOM they keep their size on screen). The fit is the room's
 * (`maxWidth`, as at zoom 1: no label turns into another while zooming); the label grows as far as
 * `want` and the room allow — its max-width is divided by the scale, so it never gets wider on
 * screen than the room between the cards, and the scale stops where that width would fall under
 * what its fit needs (a badge 16 px, a tight label 56, a narrow one 100, a wide one 240). No room
 * known (the target is not to the right): it grows freely.
 */
export function labelLayout(maxWidth: number | undefined, want: number): { fit: string; scale: number; width: number | undefined } {
  if (maxWidth === undefined) return { fit: '', scale: want, width: undefined };
  const fit = labelFit(maxWidth);
  const least = fit === 'is-badge' ? BADGE : fit.includes('is-tight') ? LABEL_MIN_WIDTH : fit === 'is-narrow' ? USES_LABEL : WIDE_LABEL;
  const scale = Math.max(1, Math.min(want, Math.floor((maxWidth / least) * 100) / 100));
  // Rounded (100.0 rather than 99.99999: the layout would wrap a label that fits exactly).
  return { fit, scale, width: Math.round((maxWidth / scale) * 1000) / 1000 };
}

/** The condition as a badge's glyph (a link in a gap too narrow for its words). */
const GLYPH: Readonly<Record<string, string>> = { started: '▸', healthy: '♥', completed: '✓' };

const LABEL_MARGIN = 16;
/** The handles' points (sourceX, targetX) lie this far outside the cards (styles/nodes.css: 10 px handles on the border). */
const HANDLE_OUTSIDE = 5;
/** The least room between a label and either card. */
const CARD_CLEARANCE = 4;
const LABEL_MIN_WIDTH = 56;
/** The badge (styles/canvas.css .edge-label.is-badge). */
const BADGE = 16;
/** Room for "uses · completed" and "3 notes · Compose, Swarm, K8s" on one line. */
const WIDE_LABEL = 240;
/** Room for "uses · completed" (10 px text and the padding). */
const USES_LABEL = 100;
