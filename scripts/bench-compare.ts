/**
 * 对照报告 speed (goal: a 30-page report compared in under 1 s): the synthetic 30-indicator project table of
 * bench-narrative.ts, and a 30-page .docx about it — the tool's own report of the table (sections, both tables) and,
 * to fill 30 pages, paragraphs a person writes (amounts, rates, each indicator's target, actual and score, figures the
 * table cannot confirm), some of them with a planted difference. Timed: reading the .docx (readDocxBlocks) and
 * comparing (compareReport), median of 9 runs; beside it the bare libraries doing the reading alone (JSZip + a regex
 * over document.xml). `npm run bench` calls benchCompare(); run alone: compile with tsc and `node bench-compare.js`.
 */
import JSZip from "jszip";
import { Document, Packer, Paragraph, TextRun } from "docx";
import { buildReportDocxFromNarratives } from "../src/adapters/docx";
import { readDocxBlocks } from "../src/adapters/xlsx/docxText";
import { compareReport } from "../src/core/compare";
import { buildNarrative, statedAnalysis } from "../src/core/narrative";
import { syntheticAnalysis } from "./bench-narrative";

/** Characters a 公文 page holds (22 lines of 28 characters, 仿宋 三号). */
const PAGE = 22 * 28;

function personParagraphs(pages: number): string[] {
  const out: string[] = [];
  let chars = 0;
  for (let k = 0; chars < pages * PAGE; k++) {
    const i = k % 30;
    const target = 1000 + i * 37;
    const actual = i % 5 === 0 ? target - 13 : target + i;
    const p =
      k % 3 === 0
        ? `（${k + 1}）指标${i + 1}：年度指标值为≥${target}人，实际完成值为${k % 17 === 0 ? actual + 1 : actual}人，全年共开展宣传活动${k + 3}次，较上年增长${(k % 9) + 1}.5%，群众反映良好。`
        : k % 3 === 1
          ? `项目年初预算1234.567万元，全年预算1234.567万元，全年执行${k % 23 === 0 ? "1200.12" : "1200.123"}万元，资金主要用于补助发放、宣传培训和日常管理，执行进度符合序时要求。`
          : `该指标由业务科室按月统计、季度复核，数据来源于信息系统和台账，统计口径与上年一致，未发现异常情况，第${k}季度抽查样本${k * 3}份，全部合格。`;
    out.push(p);
    chars += p.length;
  }
  return out;
}

export async function thirtyPageReport(): Promise<Uint8Array> {
  const t = syntheticAnalysis(30);
  const own = await buildReportDocxFromNarratives([buildNarrative(statedAnalysis(t))], {
    fileName: "合成.xlsx",
    generatedAt: "2021-03-15T08:00:00Z",
  });
  const zip = await JSZip.loadAsync(own);
  const doc = new Document({ sections: [{ children: personParagraphs(28).map((p) => new Paragraph({ children: [new TextRun(p)] })) }] });
  const extra = await JSZip.loadAsync(await Packer.toArrayBuffer(doc));
  const body = (xml: string) => xml.slice(xml.indexOf("<w:body>") + 8, xml.lastIndexOf("<w:sectPr"));
  const ownXml = await zip.file("word/document.xml")!.async("string");
  const extraXml = await extra.file("word/document.xml")!.async("string");
  const at = ownXml.lastIndexOf("<w:sectPr");
  zip.file("word/document.xml", ownXml.slice(0, at) + body(extraXml) + ownXml.slice(at));
  return zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

export async function benchCompare(runs = 9): Promise<string[]> {
  const t = syntheticAnalysis(30);
  const bytes = await thirtyPageReport();
  const blocks = readDocxBlocks(bytes);
  const chars = blocks.reduce((n, b) => n + b.text.length, 0);
  const input = [{ analysis: t, moneyUnit: "万元" as const }];
  let result = compareReport(blocks, input);
  const read: number[] = [];
  const compare: number[] = [];
  const bare: number[] = [];
  for (let i = 0; i < runs; i++) {
    let s = process.hrtime.bigint();
    const b = readDocxBlocks(bytes);
    read.push(Number(process.hrtime.bigint() - s) / 1e6);
    s = process.hrtime.bigint();
    result = compareReport(b, input);
    compare.push(Number(process.hrtime.bigint() - s) / 1e6);
    s = process.hrtime.bigint();
    const xml = await (await JSZip.loadAsync(bytes)).file("word/document.xml")!.async("string");
    void [...xml.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join("");
    bare.push(Number(process.hrtime.bigint() - s) / 1e6);
  }
  const total = median(read) + median(compare);
  const differ = result.figures.filter((f) => f.match === false).length;
  const agree = result.figures.filter((f) => f.match === true).length;
  return [
    `   ${(bytes.length / 1024).toFixed(0)} KiB .docx, ${chars} characters (≈ ${Math.round(chars / PAGE)} pages), ${blocks.length} blocks; ${result.figures.length} figures: ${differ} differ, ${agree} agree`,
    `   (a) 裸库读取 / bare JSZip + regex over document.xml: ${median(bare).toFixed(1)} ms`,
    `   (b) 读取 / readDocxBlocks ${median(read).toFixed(1)} ms + 对照 / compareReport ${median(compare).toFixed(1)} ms = ${total.toFixed(1)} ms (median of ${runs}; goal < 1000 ms: ${total < 1000 ? "met / 达标" : "NOT met / 未达标"})`,
  ];
}

if (require.main === module) {
  benchCompare().then((lines) => console.log(lines.join("\n")));
}
