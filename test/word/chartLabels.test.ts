/**
 * The report's chart never prints a text over another (names, values, axis labels, the 100% line's label): the text
 * boxes are measured from the SVG ECharts writes (each <text>: its position, anchor, baseline and font size; a CJK
 * character one em wide, a Latin one 0.6 em) — on the summary report with 8 projects and on every fixture's chart.
 */
import * as fs from "fs";
import { chartSvg, chartSize } from "../../src/adapters/chart/svg";
import { loadXlsx } from "../../src/adapters/xlsx";
import { analyzeWorkbook, applyPlanToSnapshot } from "../../src/core";
import { buildNarrative, type ReportChart } from "../../src/core/narrative";
import { fixtureNames, fixturePath } from "../support/fixtures";

interface Box {
  text: string;
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

function decode(s: string): string {
  return s
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, "&");
}

/** Every <text> of the SVG as a box on the page. */
export function textBoxes(svg: string): Box[] {
  const out: Box[] = [];
  for (const m of svg.matchAll(/<text\b([^>]*)>([\s\S]*?)<\/text>/g)) {
    const attrs = m[1];
    const text = decode(m[2].replace(/<[^>]+>/g, ""));
    if (!text.trim()) continue;
    const attr = (name: string) => new RegExp(`\\b${name}="([^"]*)"`).exec(attrs)?.[1];
    let x = Number(attr("x") ?? 0);
    let y = Number(attr("y") ?? 0);
    const tr = /translate\(\s*([-\d.e]+)[\s,]+([-\d.e]+)\s*\)/.exec(attr("transform") ?? "");
    if (tr) {
      x += Number(tr[1]);
      y += Number(tr[2]);
    }
    const matrix = /matrix\(\s*([-\d.e]+)[\s,]+([-\d.e]+)[\s,]+([-\d.e]+)[\s,]+([-\d.e]+)[\s,]+([-\d.e]+)[\s,]+([-\d.e]+)\s*\)/.exec(
      attr("transform") ?? "",
    );
    if (matrix) {
      x += Number(matrix[5]);
      y += Number(matrix[6]);
    }
    const style = attr("style") ?? "";
    const size = Number(/font-size:\s*([\d.]+)px/.exec(style)?.[1] ?? /(\d+(?:\.\d+)?)px/.exec(style)?.[1] ?? 12);
    const width = [...text].reduce((w, ch) => w + (/[\u2e80-\uffff]/.test(ch) ? size : size * 0.6), 0);
    const anchor = attr("text-anchor") ?? "start";
    const baseline = attr("dominant-baseline") ?? "alphabetic";
    const x0 = anchor === "middle" ? x - width / 2 : anchor === "end" ? x - width : x;
    const y0 =
      baseline === "central" || baseline === "middle"
        ? y - size / 2
        : baseline === "hanging" || baseline === "text-before-edge"
          ? y
          : y - size * 0.85;
    out.push({ text, x0, y0, x1: x0 + width, y1: y0 + size });
  }
  return out;
}

export function overlaps(boxes: Box[]): [string, string][] {
  const out: [string, string][] = [];
  for (let i = 0; i < boxes.length; i++)
    for (let j = i + 1; j < boxes.length; j++) {
      const a = boxes[i],
        b = boxes[j];
      if (a.x0 < b.x1 - 0.5 && b.x0 < a.x1 - 0.5 && a.y0 < b.y1 - 0.5 && b.y0 < a.y1 - 0.5) out.push([a.text, b.text]);
    }
  return out;
}

async function chartsOf(name: string): Promise<ReportChart[]> {
  const book = await loadXlsx(new Uint8Array(fs.readFileSync(fixturePath(name))));
  const snaps = book.snapshots();
  const before = analyzeWorkbook(snaps);
  const filled = snaps.map((s) =>
    applyPlanToSnapshot(s, { changes: before.sheets.flatMap((x) => x.tables.flatMap((t) => t.plan.changes)) }),
  );
  const after = analyzeWorkbook(filled);
  return after.sheets
    .flatMap((s) => s.tables)
    .flatMap((t) => buildNarrative(t).sections.flatMap((s) => s.paragraphs))
    .flatMap((p) => (p.chart ? [p.chart] : []));
}

test("the summary report's chart (8 projects): every name and value shown, no two text boxes overlap", async () => {
  const charts = await chartsOf("summary-projects-2020");
  expect(charts.length).toBeGreaterThan(0);
  const chart = charts[0];
  expect(chart.categories.length).toBeGreaterThanOrEqual(8);
  const svg = chartSvg(chart, chartSize(chart));
  if (process.env.JIXIAO_DUMP_CHART) fs.writeFileSync(process.env.JIXIAO_DUMP_CHART, svg);
  const boxes = textBoxes(svg);
  const shown = boxes.map((b) => b.text).join("");
  for (const c of chart.categories) expect(shown.replace(/\s/g, "")).toContain(c.replace(/\s/g, "").slice(0, 4));
  expect(boxes.filter((b) => /%$/.test(b.text)).length).toBeGreaterThanOrEqual(chart.categories.length);
  expect(overlaps(boxes)).toEqual([]);
  // inside the picture
  const size = chartSize(chart);
  for (const b of boxes)
    expect({ t: b.text, inside: b.x0 >= -1 && b.x1 <= size.width + 1 && b.y0 >= -1 && b.y1 <= size.height + 1 }).toEqual({
      t: b.text,
      inside: true,
    });
});

test.each(fixtureNames())("%s: no two text boxes of its charts overlap", async (name) => {
  for (const chart of await chartsOf(name)) expect(overlaps(textBoxes(chartSvg(chart, chartSize(chart))))).toEqual([]);
});

test("the measure finds an overlap where there is one", () => {
  const svg = '<svg><text x="10" y="20" style="font-size:16px">一级指标</text><text x="30" y="22" style="font-size:16px">产出</text></svg>';
  expect(overlaps(textBoxes(svg))).toHaveLength(1);
});
