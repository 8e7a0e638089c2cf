/** Charts drawn ahead of a host's write. Types only from svg.ts: a host that imports this loads no chart library. */
import type { Narrative, ReportChart } from "../../core/narrative";
import type { ChartImage, ChartRenderer } from "./svg";

/**
 * Every chart of the narrative drawn before a host writes the report: the renderer is async, while WPS's object model
 * is synchronous and a Word batch should stay short. A chart the renderer cannot draw is left out.
 */
export async function drawCharts(n: Narrative, render: ChartRenderer | undefined): Promise<Map<ReportChart, ChartImage>> {
  const out = new Map<ReportChart, ChartImage>();
  if (!render) return out;
  for (const s of n.sections)
    for (const p of s.paragraphs)
      if (p.chart) {
        const img = await render(p.chart).catch(() => null);
        if (img) out.set(p.chart, img);
      }
  return out;
}
