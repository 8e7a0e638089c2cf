/**
 * The chart's SVG turned into a PNG in Node by resvg (@resvg/resvg-js: Rust, a prebuilt binary inside the npm
 * package — no browser, no download at install, no network at run time). Text is drawn with the machine's fonts
 * (a Chinese one is needed: SimHei / Microsoft YaHei on Windows, Noto Sans CJK on Linux — CI installs fonts-noto-cjk).
 * Node only: never imported by the core or the pane (the pane's rasteriser is browser.ts).
 */
import { Resvg } from "@resvg/resvg-js";
import { CHART_SCALE, chartRenderer, type ChartRasteriser, type ChartRenderer } from "./svg";

export function svgToPng(svg: string, width: number, scale = CHART_SCALE): Uint8Array {
  const r = new Resvg(svg, {
    fitTo: { mode: "width", value: width * scale },
    background: "#ffffff",
    font: { loadSystemFonts: true, defaultFontFamily: "Noto Sans CJK SC" },
  });
  return new Uint8Array(r.render().asPng());
}

/** The ChartRasteriser port in Node. */
export const resvgRasteriser: ChartRasteriser = async (svg, size, scale) => svgToPng(svg, size.width, scale);

export const renderChartPng: ChartRenderer = chartRenderer(resvgRasteriser);
