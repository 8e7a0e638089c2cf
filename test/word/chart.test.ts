/**
 * The chart port: ECharts draws the SVG once; a rasteriser (resvg in Node, a canvas in the pane) turns it into a PNG;
 * a rasteriser that cannot (null) leaves the chart out of the .docx and nothing else.
 */
import JSZip from "jszip";
import { buildReportDocxFromNarratives } from "../../src/adapters/docx";
import {
  CHART_HEIGHT,
  CHART_SCALE,
  CHART_WIDTH,
  chartRenderer,
  chartSize,
  chartSvg,
  toBase64,
  type ChartRasteriser,
} from "../../src/adapters/chart/svg";
import { chartBackend, findChineseFont, renderChartPng, resetChartBackend } from "../../src/adapters/chart/node";
import { buildNarrative, type ReportChart } from "../../src/core/narrative";
import { projectAnalysis } from "../narrative/models";

const narrative = buildNarrative(projectAnalysis());
const chart = narrative.sections.flatMap((s) => s.paragraphs).find((p) => p.chart)!.chart as ReportChart;
const LINK = { fileName: "t.xlsx", generatedAt: "2021-03-15T08:00:00.000Z" };

test("the rasteriser gets the chart's SVG at its size and scale; the image is shown at the chart's size", async () => {
  const seen: { svg: string; size: { width: number; height: number }; scale: number }[] = [];
  const fake: ChartRasteriser = async (svg, size, scale) => {
    seen.push({ svg, size, scale });
    return new Uint8Array([1, 2, 3]);
  };
  const img = await chartRenderer(fake)(chart);
  expect(seen).toHaveLength(1);
  expect(seen[0].svg).toMatch(/^<svg[\s\S]*<\/svg>$/);
  for (const c of chart.categories) expect(seen[0].svg).toContain(c.slice(0, 6));
  expect(seen[0].size).toEqual({ width: CHART_WIDTH, height: CHART_HEIGHT });
  expect(seen[0].scale).toBe(CHART_SCALE);
  expect(img).toEqual({ png: new Uint8Array([1, 2, 3]), width: CHART_WIDTH, height: CHART_HEIGHT });
});

test("resvg (Node) gives a PNG twice the chart's size", async () => {
  const img = (await renderChartPng(chart))!;
  expect(Buffer.from(img.png.subarray(0, 8)).toString("hex")).toBe("89504e470d0a1a0a");
  expect(Buffer.from(img.png.subarray(16, 24)).readUInt32BE(0)).toBe(CHART_WIDTH * CHART_SCALE);
  expect(Buffer.from(img.png.subarray(16, 24)).readUInt32BE(4)).toBe(CHART_HEIGHT * CHART_SCALE);
  expect(Buffer.from(toBase64(img.png), "base64").equals(Buffer.from(img.png))).toBe(true);
});

test("a rasteriser that cannot draw leaves the chart out, the tables in", async () => {
  const bytes = await buildReportDocxFromNarratives([narrative], LINK, { renderChart: chartRenderer(async () => null) });
  const zip = await JSZip.loadAsync(bytes);
  expect(zip.file(/^word\/media\//)).toHaveLength(0);
  const doc = await zip.file("word/document.xml")!.async("string");
  expect(doc).toContain("<w:tbl>");
  expect(doc).not.toContain("<w:drawing>");
});

const font = findChineseFont();
let native = true;
try {
  require.resolve("@resvg/resvg-js");
} catch {
  native = false;
}
const both = font && native ? test : test.skip;
both("with a Chinese font the font's bytes are drawn from memory (resvg-wasm), and give resvg-js's PNG byte for byte", async () => {
  try {
    resetChartBackend();
    const inMemory = await chartBackend({});
    expect(inMemory.kind).toBe("wasm");
    resetChartBackend();
    const files = await chartBackend({ JIXIAO_CHART_NATIVE: "1" });
    expect(files.kind).toBe("native");
    // a chart of long names: many glyphs, where resvg-js reads the font file again and again
    const long: ReportChart = { ...chart, categories: chart.categories.map((c, i) => `${c}完成情况及资金使用效益${i}`) };
    for (const c of [chart, long]) {
      const svg = chartSvg(c);
      const size = chartSize(c);
      if (inMemory.kind !== "wasm" || files.kind !== "native") throw new Error("backends");
      expect(Buffer.from(inMemory.draw(svg, size.width * CHART_SCALE)).equals(Buffer.from(files.draw(svg, size.width * CHART_SCALE)))).toBe(
        true,
      );
    }
  } finally {
    resetChartBackend();
  }
});
