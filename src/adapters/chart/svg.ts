/**
 * A report chart (src/core/narrative ReportChart) drawn as SVG by Apache ECharts' server-side renderer — no DOM,
 * no canvas, no network: the same code runs in Node (the CLI) and in the pane. Made for paper: white bars with a
 * black outline and black hatching, black labels with the value on each bar, a dashed line at 100% where over
 * 100% matters (执行率) — legible on a black-and-white printer.
 */
import * as echarts from "echarts";
import type { ReportChart } from "../../core/narrative";

/** Pixel size the chart is drawn at (and embedded at, 16 cm wide in Word). */
export const CHART_WIDTH = 640;
export const CHART_HEIGHT = 340;

/** Fonts tried in order: Word's and WPS's Chinese fonts on Windows, then the Noto CJK fonts Linux machines carry. */
export const CHART_FONTS = "SimHei, 'Microsoft YaHei', 'Noto Sans CJK SC', 'Source Han Sans SC', 'WenQuanYi Micro Hei', sans-serif";

const percent = (v: number) => `${(Math.round(v * 10000) / 100).toFixed(2).replace(/\.00$/, "")}%`;

/** The ECharts option: one bar series of rates in percent, black on white. */
export function chartOption(chart: ReportChart): Record<string, unknown> {
  const values = chart.values.map((v) => Math.round(v * 10000) / 100);
  const top = Math.max(100, ...values);
  const step = top <= 100 ? 20 : top <= 250 ? 50 : 100;
  const max = Math.max(100, Math.ceil(top / step) * step);
  const longest = Math.max(...chart.categories.map((c) => c.length));
  return {
    animation: false,
    backgroundColor: "#ffffff",
    textStyle: { fontFamily: CHART_FONTS, color: "#000000", fontSize: 16 },
    grid: { left: 64, right: 40, top: 36, bottom: longest > 6 || chart.categories.length > 5 ? 80 : 48 },
    xAxis: {
      type: "category",
      data: chart.categories,
      axisLine: { lineStyle: { color: "#000000" } },
      axisTick: { show: false },
      axisLabel: {
        color: "#000000",
        interval: 0,
        fontSize: chart.categories.length > 6 ? 13 : 16,
        // long names wrap every 6 characters rather than overlap
        formatter: (s: string) => s.replace(/(.{6})(?=.)/g, "$1\n"),
      },
    },
    yAxis: {
      type: "value",
      min: 0,
      max,
      interval: step,
      axisLabel: { color: "#000000", fontSize: 15, formatter: "{value}%" },
      splitLine: { lineStyle: { color: "#bdbdbd", type: "dashed" } },
    },
    series: [
      {
        type: "bar",
        data: values,
        barMaxWidth: 56,
        itemStyle: {
          color: "#ffffff",
          borderColor: "#000000",
          borderWidth: 1.2,
          decal: { symbol: "rect", symbolSize: 1, dashArrayX: [1, 0], dashArrayY: [2, 4], rotation: -Math.PI / 4, color: "#000000" },
        },
        label: { show: true, position: "top", color: "#000000", fontSize: 15, formatter: (p: { value: number }) => percent(p.value / 100) },
        ...(chart.reference !== null
          ? {
              markLine: {
                symbol: "none",
                silent: true,
                lineStyle: { color: "#000000", type: "dashed", width: 1 },
                label: { formatter: `${Math.round(chart.reference * 100)}%`, color: "#000000", position: "insideEndTop", fontSize: 14 },
                data: [{ yAxis: Math.round(chart.reference * 100) }],
              },
            }
          : {}),
      },
    ],
  };
}

/** The chart as an SVG document (a string), drawn without a browser. */
export function chartSvg(
  chart: ReportChart,
  size: { width: number; height: number } = { width: CHART_WIDTH, height: CHART_HEIGHT },
): string {
  const instance = echarts.init(null, null, { renderer: "svg", ssr: true, width: size.width, height: size.height });
  try {
    instance.setOption(chartOption(chart) as echarts.EChartsOption);
    return instance.renderToSVGString();
  } finally {
    instance.dispose();
  }
}

/** A chart as a picture for a document: PNG bytes and the size to show it at (pixels at 96 dpi). */
export interface ChartImage {
  png: Uint8Array;
  width: number;
  height: number;
}

/** Turns a chart into a picture: the Node rasteriser (resvg) in the CLI, a canvas in the pane. */
export type ChartRenderer = (chart: ReportChart) => Promise<ChartImage | null>;

/** Drawn at twice the size it is shown at, so it stays sharp in print. */
export const CHART_SCALE = 2;

/**
 * The one thing that differs between Node and the pane: an SVG document turned into PNG bytes, `scale` times its
 * pixel size — resvg in Node (node.ts), an <img> drawn on a <canvas> in the browser (browser.ts). Null when the
 * host cannot (a webview that refuses to export a canvas): the chart is then left out and nothing else changes.
 */
export type ChartRasteriser = (svg: string, size: { width: number; height: number }, scale: number) => Promise<Uint8Array | null>;

/** A ChartRenderer over a rasteriser: the ECharts SVG of chartSvg, rasterised; the core and the writers never know how. */
export function chartRenderer(rasterise: ChartRasteriser): ChartRenderer {
  return async (chart) => {
    const size = { width: CHART_WIDTH, height: CHART_HEIGHT };
    const png = await rasterise(chartSvg(chart, size), size, CHART_SCALE);
    return png ? { png, width: CHART_WIDTH, height: CHART_HEIGHT } : null;
  };
}

/** PNG bytes as base64 (what Word's insertInlinePictureFromBase64 takes); btoa in browsers and Node ≥ 16. */
export function toBase64(bytes: Uint8Array): string {
  let s = "";
  const CHUNK = 0x8000;
  for (let i = 0; i < bytes.length; i += CHUNK) s += String.fromCharCode(...bytes.subarray(i, i + CHUNK));
  return btoa(s);
}
