import { useEffect, useRef } from 'react';
import * as echarts from 'echarts/core';
import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { SVGRenderer } from 'echarts/renderers';

echarts.use([BarChart, LineChart, GridComponent, LegendComponent, TooltipComponent, SVGRenderer]);

export interface Series {
  /** What each bar or point is (the category), as the table beside the chart shows it. */
  labels: string[];
  values: number[];
  /** The keys behind the labels, for the click-through to the cases of one bar. */
  keys: string[];
  /** Bars stacked in parts (on time, late…) instead of one value per category. */
  stacks?: Array<{ name: string; values: number[]; color: string }>;
}

/**
 * One Apache ECharts chart (SVG, so it prints and reads crisply), bars or a line; a click on a bar
 * or point hands its key to `onPick`.
 */
export function Chart({ series, kind = 'bar', onPick, testId }: { series: Series; kind?: 'bar' | 'line'; onPick?(key: string): void; testId?: string }) {
  const element = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);

  useEffect(() => {
    if (!element.current) return;
    const instance = echarts.init(element.current, undefined, { renderer: 'svg' });
    chart.current = instance;
    const resize = new ResizeObserver(() => instance.resize());
    resize.observe(element.current);
    return () => {
      resize.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    const instance = chart.current;
    if (!instance) return;
    instance.setOption(
      {
        animation: false,
        grid: { left: 40, right: 16, top: series.stacks ? 36 : 16, bottom: 48 },
        tooltip: { trigger: 'axis' },
        ...(series.stacks ? { legend: { top: 0 } } : {}),
        xAxis: { type: 'category', data: series.labels, axisLabel: { interval: 0, rotate: series.labels.length > 8 ? 40 : 0 } },
        yAxis: { type: 'value', minInterval: 1 },
        series: series.stacks
          ? series.stacks.map((part) => ({ type: 'bar', stack: 'all', name: part.name, data: part.values, itemStyle: { color: part.color }, barMaxWidth: 36 }))
          : [{ type: kind, data: series.values, itemStyle: { color: '#2f7d6d' }, barMaxWidth: 36 }],
      },
      true,
    );
    instance.off('click');
    if (onPick) instance.on('click', (params) => onPick(series.keys[params.dataIndex ?? 0] ?? ''));
  }, [series, kind, onPick]);

  return <div ref={element} style={{ width: '100%', height: 240 }} data-testid={testId} />;
}
