/**
 * The chart's SVG turned into a PNG in Node by resvg (@resvg/resvg-js: Rust, a prebuilt binary inside the npm
 * package — no browser, no download at install, no network at run time). Text is drawn with the machine's fonts
 * (a Chinese one is needed: SimHei / Microsoft YaHei on Windows, Noto Sans CJK on Linux — CI installs fonts-noto-cjk).
 * Node only: never imported by the core or the pane.
 */
import { Resvg } from "@resvg/resvg-js";
import type { ReportChart } from "../../core/narrative";
import { CHART_HEIGHT, CHART_WIDTH, chartSvg, type ChartImage } from "./svg";

/** Drawn at twice the size it is shown at, so it stays sharp in print. */
const SCALE = 2;

export function svgToPng(svg: string, width: number): Uint8Array {
  const r = new Resvg(svg, {
    fitTo: { mode: "width", value: width * SCALE },
    background: "#ffffff",
    font: { loadSystemFonts: true, defaultFontFamily: "Noto Sans CJK SC" },
  });
  return new Uint8Array(r.render().asPng());
}

export async function renderChartPng(chart: ReportChart): Promise<ChartImage> {
  return { png: svgToPng(chartSvg(chart), CHART_WIDTH), width: CHART_WIDTH, height: CHART_HEIGHT };
}
