/**
 * The reader's pre-filter past a sheet's head (src/adapters/xlsx/headerScan.ts, read.ts): a 明细 whose texts hold 级
 * or 目 (上级转移支付, 项目编码) but never a header's anchor is read once; a header row far down is still found, whether
 * its texts are shared or written in the sheet; the scan finds the same wherever the inflater cuts the bytes; and
 * every header row of the fixtures and real tables holds an anchor, so the scan can never skip a table.
 */
import * as fs from "fs";
import * as path from "path";
import { zipSync, strToU8 } from "fflate";
import { loadXlsx } from "../../../src/adapters/xlsx";
import { canAnchorHeader } from "../../../src/adapters/xlsx/headerRole";
import { HeaderScan, sharedRoles } from "../../../src/adapters/xlsx/headerScan";
import { Budget, KEEP_HEAD, readSheet } from "../../../src/adapters/xlsx/read";
import { Styles } from "../../../src/adapters/xlsx/styles";
import { ZipArchive } from "../../../src/adapters/xlsx/zip";
import type { SnapshotCell } from "../../../src/core/snapshot";
import { H, isIndicatorHeader, isScorecardHeader, summaryColumns, type IndexedCell } from "../../../src/core/recognize";
import { headerKey } from "../../../src/core/text";
import { FIXTURES } from "./badInputs";

const REAL = path.join(__dirname, "..", "..", "data", "real");
const SHARED = ["序号", "上级转移支付", "项目编码", "一般公共预算", "一级指标", "二级指标", "三级指标", "分值", "得分", "年度指标值"];
const s = (i: number) => `t="s"><v>${i}</v>`;
const inline = (text: string) => `t="inlineStr"><is><t>${text}</t></is>`;

/** A 明细 of `rows` rows (shared and inline 级/目 texts, a formula's cached text), then `extra` rows of raw cells. */
function detailXml(rows: number, extra: string[] = []): string {
  const out: string[] = ['<?xml version="1.0" encoding="UTF-8"?><worksheet><sheetData>'];
  out.push(`<row r="1"><c r="A1" ${s(0)}</c><c r="B1" ${s(2)}</c><c r="C1" ${s(1)}</c></row>`);
  for (let r = 2; r <= rows; r++) {
    out.push(
      `<row r="${r}"><c r="A${r}"><v>${r}</v></c><c r="B${r}" ${s(r % 2 ? 1 : 3)}</c><c r="C${r}" ${inline(r % 3 ? "上级转移支付" : "项目编码 &amp; 科目")}</c>` +
        `<c r="D${r}" t="str"><f>B${r}&amp;"级"</f><v>一般公共预算级</v></c><c r="E${r}"><v>4</v></c></row>`,
    );
  }
  extra.forEach((cells, k) => out.push(`<row r="${rows + 1 + k}">${cells}</row>`));
  out.push("</sheetData></worksheet>");
  return out.join("");
}

function read(xml: string) {
  const zip = ZipArchive.open(zipSync({ "sheet.xml": strToU8(xml) }, { level: 1 }));
  return readSheet(zip, "明细", "sheet.xml", SHARED, new Styles(null), new Budget());
}

/** Past the head, and more than the 4 MB the reader inflates in one go: the rest is streamed and scanned. */
const ROWS = 20_000;

describe("past a sheet's head", () => {
  it("a 明细 whose texts hold 级 or 目 but no anchor is read once and only its head is kept", () => {
    const xml = detailXml(ROWS);
    const r = read(xml);
    expect(r.passes).toBe(1);
    expect(r.mayHoldTable).toBe(false);
    expect(xml.length).toBeGreaterThan(4 * 1024 * 1024);
    expect((r.snapshot as { cells: SnapshotCell[] }).cells.length).toBeLessThanOrEqual(KEEP_HEAD + 5);
  });

  it("a header row far down is found, its texts shared or inline, and the sheet read in full", () => {
    const rowOf = (r: number, texts: string[]) =>
      texts
        .map((t, i) => `<c r="${String.fromCharCode(65 + i)}${r}" ${SHARED.includes(t) ? s(SHARED.indexOf(t)) : inline(t)}</c>`)
        .join("");
    const header = ["一级指标", "二级指标", "三级指标", "年度指标值", "分值", "得分"];
    for (const texts of [header, header.map((t) => t.split("").join(" ")) /* not shared: inline */]) {
      const r = read(detailXml(ROWS, [rowOf(ROWS + 1, texts)]));
      expect(r.mayHoldTable).toBe(true);
      expect(r.passes).toBeGreaterThan(1);
      const cells = (r.snapshot as { cells: SnapshotCell[] }).cells;
      expect(cells.length).toBeGreaterThan(ROWS * 4);
      expect(cells.some((c) => c.row === ROWS + 1 && c.col === 1)).toBe(true);
    }
  });

  it("an anchor on a row that cannot head a table sends the sheet back once, and it still holds no table", () => {
    const r = read(detailXml(ROWS, [`<c r="A1" ${inline("一级指标")}</c>`]));
    expect(r.passes).toBe(2);
    expect(r.mayHoldTable).toBe(false);
  });

  it("the scan finds the same wherever the bytes are cut", () => {
    const roles = sharedRoles(SHARED);
    const cases: [string, boolean][] = [
      [detailXml(6), false],
      [detailXml(6, [`<c r="A1" ${s(4)}</c>`]), true],
      [detailXml(6, [`<c r="A1" ${inline("三级指标")}</c>`]), true],
      [detailXml(6, [`<c r="A1" t="str"><f>"项目"&amp;"名称"</f><v>项目名称</v></c>`]), true],
      [detailXml(6, [`<c r="A1" ${inline("项目&#21517;称")}</c>`]), true],
      [detailXml(6, [`<c r="A1"><v>4</v></c><c r="B1" t="str"><f>"一级指标"</f><v>7</v></c>`]), false],
      [detailXml(6, [`<x:c r="A1" t="s"><x:v>6</x:v></x:c>`]), true],
    ];
    const wrong: string[] = [];
    for (const [xml, found] of cases) {
      const bytes = strToU8(xml);
      expect(new HeaderScan(roles).feed(bytes)).toBe(found);
      for (let cut = 1; cut < bytes.length; cut += 2) {
        const split = new HeaderScan(roles);
        if ((split.feed(bytes.subarray(0, cut)) || split.feed(bytes.subarray(cut))) === found) continue;
        const text = (from: number, to: number) => new TextDecoder().decode(bytes.subarray(from, to));
        wrong.push(`${text(cut - 60, cut)}|${text(cut, cut + 30)}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it("上级转移支付 and 项目编码 anchor nothing; 一级指标, 三级指标, 指标名称, 项目名称 and a scorecard's 一级 do", () => {
    expect(["上级转移支付", "项目编码", "二级指标", "科目级次", "目录"].filter(canAnchorHeader)).toEqual([]);
    expect(["一级指标", "三级指标", "指 标 名 称", "项目名称（万元）", "一级"].every(canAnchorHeader)).toBe(true);
  });

  it("every row the engine's header tests accept, in the fixtures and the real tables, holds an anchor", async () => {
    let headers = 0;
    for (const dir of [FIXTURES, REAL]) {
      for (const f of fs.readdirSync(dir).filter((n) => n.endsWith(".xlsx"))) {
        for (const snap of (await loadXlsx(new Uint8Array(fs.readFileSync(path.join(dir, f))))).snapshots()) {
          const rows = new Map<number, { col: number; text: string }[]>();
          for (const c of (snap as { cells: SnapshotCell[] }).cells)
            if (typeof c.value === "string") rows.set(c.row, [...(rows.get(c.row) ?? []), { col: c.col, text: c.value }]);
          for (const [row, texts] of rows) {
            const cells: IndexedCell[] = texts.map((t) => ({ row, col: t.col, key: headerKey(t.text), raw: t.text, text: t.text }));
            const header =
              isIndicatorHeader(cells) || isScorecardHeader(cells) || summaryColumns(cells.filter((c) => !H.level1(c.key))) !== null;
            if (!header) continue;
            headers++;
            expect({ f, row, anchored: texts.some((t) => canAnchorHeader(t.text)) }).toEqual({ f, row, anchored: true });
          }
        }
      }
    }
    expect(headers).toBeGreaterThan(10);
  });
});
