import { useEffect, useRef } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import type { UsagePoint } from '../deploy/live-state';
import { time } from './HealthStrip';

const css = (name: string) => getComputedStyle(document.documentElement).getPropertyValue(name).trim();

export interface UsageChartProps {
  title: string;
  points: readonly UsagePoint[];
  value: (p: UsagePoint) => number;
  format: (v: number) => string;
  /** A theme token (`--accent`); charts use the theme's colours only. */
  color: string;
}

/** One series over time (uPlot, canvas-drawn), in the theme's colours; redrawn with new points, not re-created. */
export function UsageChart({ title, points, value, format, color }: UsageChartProps) {
  const box = useRef<HTMLDivElement>(null);
  const plot = useRef<uPlot | undefined>(undefined);
  const data = (): uPlot.AlignedData => [points.map((p) => p.at / 1000), points.map(value)];
  const latest = points.at(-1);

  // biome-ignore lint/correctness/useExhaustiveDependencies: created once; data arrives through setData below
  useEffect(() => {
    const el = box.current;
    if (!el) return;
    const muted = css('--text-muted');
    const grid = css('--border');
    const stroke = css(color) || css('--accent');
    const axis = { stroke: muted, grid: { stroke: grid, width: 1 }, ticks: { stroke: grid, width: 1 }, font: '11px system-ui, sans-serif' };
    plot.current = new uPlot(
      {
        width: Math.max(200, el.clientWidth),
        height: 120,
        legend: { show: false },
        cursor: { y: false, points: { size: 5 } },
        scales: { y: { range: (_u, _min, max) => [0, Math.max(max * 1.15, 1e-9)] } },
        axes: [
          { ...axis, space: 70, values: (_u, splits) => splits.map((s) => time(s * 1000)) },
          { ...axis, size: 64, values: (_u, splits) => splits.map(format) },
        ],
        series: [{}, { label: title, stroke, width: 1.5, fill: `${stroke}22`, points: { show: false } }],
      },
      data(),
      el,
    );
    const resize = new ResizeObserver(() => plot.current?.setSize({ width: Math.max(200, el.clientWidth), height: 120 }));
    resize.observe(el);
    return () => {
      resize.disconnect();
      plot.current?.destroy();
      plot.current = undefined;
    };
  }, []);

  // biome-ignore lint/correctness/useExhaustiveDependencies: points are the data
  useEffect(() => {
    plot.current?.setData(data());
  }, [points]);

  return (
    <figure className="monitor-chart" aria-label={`${title} chart`}>
      <figcaption>
        <span>{title}</span>
        <span className="monitor-chart-value">{latest ? format(value(latest)) : '—'}</span>
      </figcaption>
      <div ref={box} className="monitor-chart-plot" />
      {points.length < 2 && <p className="muted monitor-empty">Waiting for samples from the engine…</p>}
    </figure>
  );
}
