/**
 * The scorecards (test/data/real/scorecard-*) through the real CLI: the fixture chain of the shared fixtures where the
 * fill has something to write (fill → LibreOffice recalculation → the oracle's subtotals and 总分; check --json →
 * kind and findings; fill twice plans nothing); `check --json` on every one; `jixiao report` writes the 评分表 report
 * and LibreOffice opens it.
 */
import * as fs from "fs";
import * as path from "path";
import { execFileSync } from "child_process";
import { fixtureChain } from "../support/fixtureChain";
import { REAL_DIR, scorecardNames, scorecardOracle } from "../support/scorecards";
import { sofficeConvert } from "../support/libreoffice";
import { run, tempDir } from "./run";
import type { CheckJson } from "../../src/cli/check";
import type { ReportJson } from "../../src/cli/report";
import JSZip from "jszip";
import { LINK_NAMESPACE, parseLinkXml } from "../../src/core/narrative";

jest.setTimeout(300_000);

const names = scorecardNames();
const fillable = names.filter((n) => scorecardOracle(n).sheets.every((s) => typeof s.expect.total === "number"));

test("the 东川 and 四川 scorecards are filled and recalculated", () => {
  expect(fillable).toEqual(expect.arrayContaining(["scorecard-dongchuan-2020", "scorecard-sichuan-project-2017"]));
});

describe.each(fillable)("%s (fill → LibreOffice)", (name) => fixtureChain(REAL_DIR, name));

describe.each(names)("%s: check --json", (name) => {
  test("kind scorecard, the oracle's findings, the planned changes", async () => {
    const dir = tempDir();
    try {
      const r = await run(["check", path.join(REAL_DIR, `${name}.xlsx`), "--json"], dir);
      expect(r.code).toBe(0);
      const j: CheckJson = JSON.parse(r.stdout);
      for (const o of scorecardOracle(name).sheets) {
        const s = j.sheets.find((x) => x.sheet === o.sheet)!;
        expect(s.kind).toBe("scorecard");
        for (const want of o.findings) {
          expect({ want, found: s.findings.some((f) => f.code === want.code && (!want.cell || f.cell === want.cell)) }).toEqual({
            want,
            found: true,
          });
        }
        if (o.expect.fillChanges !== undefined) expect(s.fillChanges).toBe(o.expect.fillChanges);
        if (o.expect.total !== undefined) expect(s.total).toBe(o.expect.total);
        if (o.expect.grade !== undefined) expect(s.grade).toBe(o.expect.grade);
      }
      expect(fs.readdirSync(dir)).toEqual([]);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("jixiao report on a scorecard", () => {
  let dir: string;
  let json: ReportJson;
  let text: string;
  beforeAll(async () => {
    dir = tempDir();
    const r = await run(["report", path.join(REAL_DIR, "scorecard-dongchuan-2020.xlsx"), "-o", "评分报告.docx", "--json"], dir);
    if (r.code !== 0) throw new Error(r.stderr);
    json = JSON.parse(r.stdout);
    const pdf = await sofficeConvert(path.join(dir, "评分报告.docx"), "pdf", dir);
    expect(fs.readFileSync(pdf).subarray(0, 5).toString("latin1")).toBe("%PDF-");
    text = execFileSync("pdftotext", [pdf, "-"], { encoding: "utf8" }).replace(/\s+/g, "");
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  test("one 评分表 report with its four sections", () => {
    expect(json.tables.map((t) => [t.kind, t.sections])).toEqual([["scorecard", ["overview", "scores", "deductions", "conclusion"]]]);
    expect(json.tables[0].issues).toEqual([]);
  });

  test("its sections are content controls tagged jixiao:<section>, the link part names the scorecard", async () => {
    const zip = await JSZip.loadAsync(fs.readFileSync(path.join(dir, "评分报告.docx")));
    const doc = await zip.file("word/document.xml")!.async("string");
    expect([...doc.matchAll(/<w:tag w:val="([^"]+)"\/>/g)].map((m) => m[1])).toEqual(
      ["overview", "scores", "deductions", "conclusion"].map((s) => `jixiao:${s}`),
    );
    const parts = await Promise.all(
      Object.keys(zip.files)
        .filter((f) => /^customXml\/item\d+\.xml$/.test(f))
        .map((f) => zip.file(f)!.async("string")),
    );
    const link = parseLinkXml(parts.find((x) => x.includes(LINK_NAMESPACE))!)!;
    expect(link.tables.map((t) => [t.kind, t.sheet])).toEqual([["scorecard", "评分表"]]);
    expect(link.tables[0].quotes).toContainEqual({ section: "conclusion", cell: "F43", label: "总分", value: "99分" });
  });

  test("LibreOffice opens it and shows every 一级 and 二级 满分 and 得分, the deduction's reason, 总分 and 等级", () => {
    const o = scorecardOracle("scorecard-dongchuan-2020").sheets[0];
    expect(text).toContain("一级指标项目决策包含项目立项、项目目标2个二级指标，项目决策满分20分，经评分本项得分20分。");
    for (const g of o.cells.groups) {
      const said =
        g.level === 1
          ? `${g.name}满分${g.weight}分，经评分本项得分${g.score}分`
          : `二级指标“${g.name}”满分${g.weight}分，评价得分${g.score}分`;
      expect({ group: g.name, found: text.includes(said) }).toEqual({ group: g.name, found: true });
    }
    expect(text).toContain("扣分原因：预算编制合理性不够充分。");
    expect(text).toContain("总分为99分，评价等级为“优”");
  });
});
