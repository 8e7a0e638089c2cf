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

/** Horizontal bars when the names would not sit side by side under vertical ones (many, or long). */
export function horizontal(chart: ReportChart): boolean {
  const longest = Math.max(0, ...chart.categories.map((c) => c.length));
  return chart.categories.length > 5 || longest > 8;
}

/** The size a chart is drawn at: 640 × 340, taller for horizontal bars (one 34 px row per name). */
export function chartSize(chart: ReportChart): { width: number; height: number } {
  if (!horizontal(chart)) return { width: CHART_WIDTH, height: CHART_HEIGHT };
  return { width: CHART_WIDTH, height: Math.max(CHART_HEIGHT, 70 + chart.categories.length * 34) };
}

/** A name broken every `n` characters (names of a horizontal chart: at most two lines, the rest as "…"). */
function wrapName(s: string, n: number, lines: number): string {
  const parts: string[] = [];
  for (let i = 0; i < s.length && parts.length < lines; i += n) parts.push(s.slice(i, i + n));
  if (parts.join("").length < s.length) parts[parts.length - 1] = parts[parts.length - 1].slice(0, n - 1) + "…";
  return parts.join("\n");
}

/**
 * The ECharts option: one bar series of rates in percent, black on white. Few short names: vertical bars, names
 * below (wrapped every 6 characters). Many or long names: horizontal bars, one name per row at the left (wrapped
 * every 9 characters, two lines at most), the value at the bar's end — labels never overlap. The 100% line carries no
 * label of its own (the axis says 100%), so it never prints over a bar's value.
 */
export function chartOption(chart: ReportChart): Record<string, unknown> {
  const values = chart.values.map((v) => Math.round(v * 10000) / 100);
  const top = Math.max(100, ...values);
  const side = horizontal(chart);
  // room at the end of the value axis for the value printed after the longest bar
  const step = top <= 100 ? 20 : top <= 250 ? 50 : 100;
  const max = Math.max(100, Math.ceil((side ? top * 1.18 : top) / step) * step);
  const longest = Math.max(...chart.categories.map((c) => c.length));
  const categoryAxis = {
    type: "category",
    data: chart.categories,
    axisLine: { lineStyle: { color: "#000000" } },
    axisTick: { show: false },
    ...(side ? { inverse: true } : {}),
    axisLabel: side
      ? { color: "#000000", interval: 0, fontSize: 13, lineHeight: 15, formatter: (s: string) => wrapName(s, 9, 2) }
      : {
          color: "#000000",
          interval: 0,
          fontSize: 16,
          // long names wrap every 6 characters rather than overlap
          formatter: (s: string) => s.replace(/(.{6})(?=.)/g, "$1\n"),
        },
  };
  const valueAxis = {
    type: "value",
    min: 0,
    max,
    interval: step,
    axisLabel: { color: "#000000", fontSize: side ? 13 : 15, formatter: "{value}%" },
    splitLine: { lineStyle: { color: "#bdbdbd", type: "dashed" } },
  };
  const shortest = Math.min(...chart.categories.map((c) => c.length));
  return {
    animation: false,
    backgroundColor: "#ffffff",
    textStyle: { fontFamily: CHART_FONTS, color: "#000000", fontSize: 16 },
    grid: side
      ? { left: 10 + Math.min(9, Math.max(longest, shortest)) * 13 + 10, right: 24, top: 16, bottom: 36 }
      : { left: 64, right: 40, top: 36, bottom: longest > 6 ? 80 : 48 },
    xAxis: side ? valueAxis : categoryAxis,
    yAxis: side ? categoryAxis : valueAxis,
    series: [
      {
        type: "bar",
        data: values,
        barMaxWidth: side ? 22 : 56,
        itemStyle: {
          color: "#ffffff",
          borderColor: "#000000",
          borderWidth: 1.2,
          decal: { symbol: "rect", symbolSize: 1, dashArrayX: [1, 0], dashArrayY: [2, 4], rotation: -Math.PI / 4, color: "#000000" },
        },
        label: {
          show: true,
          position: side ? "right" : "top",
          color: "#000000",
          fontSize: side ? 13 : 15,
          formatter: (p: { value: number }) => percent(p.value / 100),
        },
        ...(chart.reference !== null
          ? {
              markLine: {
                symbol: "none",
                silent: true,
                lineStyle: { color: "#000000", type: "dashed", width: 1 },
                label: { show: false },
                data: [side ? { xAxis: Math.round(chart.reference * 100) } : { yAxis: Math.round(chart.reference * 100) }],
              },
            }
          : {}),
      },
    ],
  };
}

/** The chart as an SVG document (a string), drawn without a browser. */
export function chartSvg(chart: ReportChart, size: { width: number; height: number } = chartSize(chart)): string {
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
    const size = chartSize(chart);
    const png = await rasterise(chartSvg(chart, size), size, CHART_SCALE);
    return png ? { png, width: size.width, height: size.height } : null;
  };
}

/** PNG bytes as base64 (what Word's insertInlinePictureFromBase64 takes); btoa in browsers and Node ≥ 16. */
export function toBase64(bytes: Uint8Array): string {
  let s = "";
  const CHUNK = 0x8000;
  for (let i = 0; i < bytes.length; i += CHUNK) s += String.fromCharCode(...bytes.subarray(i, i + CHUNK));
  return btoa(s);
}
