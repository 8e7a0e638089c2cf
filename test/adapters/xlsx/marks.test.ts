/**
 * 标注问题 / 清除标注 on .xlsx files (issue 13): over every shared fixture and every workbook of the real corpus,
 * marks written then cleared leave every value, formula, number format and every unrelated style as it was (cell by
 * cell, read back by ExcelJS, a second reader), every part marks need not touch stays byte-identical, a person's
 * note survives, marking twice does not stack notes, and FileHost's one undo history takes back fills, marks and
 * clears.
 */
import * as fs from "fs";
import * as path from "path";
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import { loadXlsxSync } from "../../../src/adapters/xlsx";
import { FileHost } from "../../../src/adapters/xlsx/FileHost";
import { analyzeWorkbook } from "../../../src/core/analyze";
import { MARK_AUTHOR, markPlan, type MarkPlan } from "../../../src/core/marks";
import { checkAndMark, clearWorkbookMarks, previewClear } from "../../../src/app/commands";
import { combinedPlan, check } from "../../../src/app/commands";
import { FIXTURE_DIR, fixtureNames } from "../../support/fixtures";
import { REAL_DIR } from "../../support/realCorpus";
import { canonical, dumpWorkbook, readBook } from "./dump";
import { partsOf } from "./parts";
import { handWrittenWorkbook } from "./corpus";
import { parseComments } from "../../../src/adapters/xlsx/markParts";

jest.setTimeout(300_000);

const FILES: [string, string][] = [
  ...fixtureNames().map((n): [string, string] => [n, path.join(FIXTURE_DIR, `${n}.xlsx`)]),
  ...fs
    .readdirSync(REAL_DIR)
    .filter((f) => f.endsWith(".xlsx"))
    .sort()
    .map((f): [string, string] => [`real/${f.replace(/\.xlsx$/, "")}`, path.join(REAL_DIR, f)]),
];

/** Parts marks may touch: worksheets, styles, notes, their drawings and relationships, content types, our record. */
const MARK_PARTS =
  /^(xl\/worksheets\/[^/]+\.xml|xl\/styles\.xml|xl\/comments\d*\.xml|xl\/drawings\/vmlDrawing\d*\.vml|xl\/worksheets\/_rels\/[^/]+\.rels|xl\/_rels\/workbook\.xml\.rels|\[Content_Types\]\.xml|customXml\/item\d+\.xml)$/;

function planFor(bytes: Uint8Array): MarkPlan {
  const book = loadXlsxSync(bytes);
  return markPlan(analyzeWorkbook(book.snapshots(), { profile: "default" }), { includeInfo: true });
}

function mark(bytes: Uint8Array, plan: MarkPlan): Uint8Array {
  const book = loadXlsxSync(bytes);
  book.marks.apply(plan);
  return book.bytes();
}

function clear(bytes: Uint8Array): { bytes: Uint8Array; cleared: number } {
  const book = loadXlsxSync(bytes);
  const cleared = book.marks.clear();
  return { bytes: book.bytes(), cleared };
}

type Dump = ReturnType<typeof dumpWorkbook>;

/** The style of a dumped cell without its fill. */
function withoutFill(style: string): string {
  const s = JSON.parse(style) as Record<string, unknown>;
  delete s.fill;
  return canonical(s);
}

/** Differences between two dumps, cell by cell; `marked` cells may differ in their fill only (and must have `fills`). */
function differences(a: Dump, b: Dump, fills: Map<string, string> = new Map()): string[] {
  const out: string[] = [];
  expect(b.map((s) => s.name)).toEqual(a.map((s) => s.name));
  a.forEach((sa, i) => {
    const sb = b[i];
    if (canonical(sa.merges) !== canonical(sb.merges)) out.push(`${sa.name}: merges`);
    for (const ref of new Set([...Object.keys(sa.cells), ...Object.keys(sb.cells)])) {
      const ca = sa.cells[ref] ?? { value: "null", style: "{}" };
      const cb = sb.cells[ref] ?? { value: "null", style: "{}" };
      const at = `${sa.name}!${ref}`;
      if (ca.value !== cb.value) out.push(`${at}: value ${ca.value} → ${cb.value}`);
      const fill = fills.get(at);
      if (fill) {
        // a cell in the default format ExcelJS reads as {}; its clone with a fill shows the default font and border
        const plain =
          ca.style === "{}" &&
          Object.entries(JSON.parse(withoutFill(cb.style)) as Record<string, unknown>).every(
            ([k, v]) => k === "font" || (k === "border" && canonical(v) === "{}"),
          );
        if (!plain && withoutFill(ca.style) !== withoutFill(cb.style)) out.push(`${at}: style beyond the fill ${ca.style} → ${cb.style}`);
        const f = (JSON.parse(cb.style) as { fill?: { pattern?: string; fgColor?: { argb?: string } } }).fill;
        if (f?.pattern !== "solid" || f.fgColor?.argb !== `FF${fill}`) out.push(`${at}: fill ${JSON.stringify(f)} is not ${fill}`);
      } else if (ca.style !== cb.style) out.push(`${at}: style ${ca.style} → ${cb.style}`);
    }
  });
  return out;
}

/** Parts of `b` that differ from `a` (added, removed or changed). */
async function changedParts(a: Uint8Array, b: Uint8Array): Promise<string[]> {
  const pa = await partsOf(a);
  const pb = await partsOf(b);
  return [...new Set([...pa.keys(), ...pb.keys()])]
    .filter((k) => !k.endsWith("/"))
    .filter((k) => !pa.has(k) || !pb.has(k) || Buffer.compare(Buffer.from(pa.get(k)!), Buffer.from(pb.get(k)!)) !== 0)
    .sort();
}

let markedCells = 0;
let filesMarked = 0;
// over the whole corpus the tests below compared real marks (not only empty plans)
afterAll(() => expect(filesMarked < FILES.length || markedCells > 50).toBe(true));

describe.each(FILES)("%s", (_name, file) => {
  it("marks change fills and notes only; clearing gives back every cell and every part as read", async () => {
    const input = new Uint8Array(fs.readFileSync(file));
    const plan = planFor(input);
    markedCells += plan.marks.length;
    filesMarked += 1;
    const marked = mark(input, plan);
    const before = dumpWorkbook(await readBook(input));
    const wbMarked = await readBook(marked);
    const fills = new Map(plan.marks.map((m) => [`${m.sheet}!${m.cell}`, m.fill]));
    expect(differences(before, dumpWorkbook(wbMarked), fills)).toEqual([]);
    // only the parts marks need changed, and none when there is nothing to mark
    const changed = await changedParts(input, marked);
    expect(changed.filter((p) => !MARK_PARTS.test(p))).toEqual([]);
    if (plan.marks.length === 0) expect(changed).toEqual([]);
    // the second reader sees our notes (the first line is our name)
    for (const m of plan.marks) {
      const note = wbMarked.getWorksheet(m.sheet)!.getCell(m.cell).note;
      const text = typeof note === "string" ? note : (note?.texts ?? []).map((t) => t.text).join("");
      expect({ at: `${m.sheet}!${m.cell}`, text }).toEqual({ at: `${m.sheet}!${m.cell}`, text: m.note });
    }
    // the marks read back from the file are the marks written
    const sortKey = (m: { sheet: string; cell: string }) => `${m.sheet}!${m.cell}`;
    expect(loadXlsxSync(marked).marks.read().map(sortKey).sort()).toEqual(plan.marks.map(sortKey).sort());
    // marking again with the same plan changes nothing: no second note
    const twice = mark(marked, plan);
    expect(await changedParts(marked, twice)).toEqual([]);
    // clearing
    const { bytes: cleared, cleared: n } = clear(marked);
    expect(n).toBe(plan.marks.length);
    expect(differences(before, dumpWorkbook(await readBook(cleared)))).toEqual([]);
    expect(await changedParts(input, cleared)).toEqual([]);
    // a file without marks: clearing writes nothing
    expect(clear(input)).toEqual({ bytes: input, cleared: 0 });
  });
});

describe("a workbook with a person's note, a chart, VML, customXml, macros (hand-written parts)", () => {
  const input = handWrittenWorkbook();

  it("the person's note stays (the cell gets the fill only), ours are added to the same comments part and drawing", async () => {
    const plan = planFor(input);
    const total = plan.marks.find((m) => m.cell === "H23");
    expect(total?.severity).toBe("error");
    const marked = mark(input, plan);
    const parts = await partsOf(marked);
    const comments = strFromU8(parts.get("xl/comments1.xml")!);
    expect(comments).toContain("总分请复核");
    expect(comments.match(/<comment ref="H23"/g)).toHaveLength(1);
    expect(comments).toContain(`<author>审核</author><author>${MARK_AUTHOR}</author>`);
    const names = [...parts.keys()];
    expect(names.filter((n) => /comments/.test(n))).toEqual(["xl/comments1.xml"]);
    expect(names.filter((n) => /\.vml$/.test(n))).toEqual(["xl/drawings/vmlDrawing1.vml"]);
    const vml = strFromU8(parts.get("xl/drawings/vmlDrawing1.vml")!);
    expect(vml).toContain('id="_x0000_s1025"');
    expect(vml.match(/ObjectType="Note"/g)).toHaveLength(plan.marks.length); // theirs + ours, H23 not twice
    // (ExcelJS cannot open this package: it does not resolve the absolute comments target; LibreOffice does, below)
    const cellOf = (xml: string) => /<c r="H23"[^>]*>/.exec(xml)?.[0];
    const sheetBefore = strFromU8((await partsOf(input)).get("xl/worksheets/sheet1.xml")!);
    const sheetAfter = strFromU8(parts.get("xl/worksheets/sheet1.xml")!);
    expect(cellOf(sheetAfter)).not.toEqual(cellOf(sheetBefore));
    expect(strFromU8(parts.get("xl/styles.xml")!)).toContain(`rgb="FF${total!.fill}"`);
    expect(
      loadXlsxSync(marked)
        .marks.read()
        .find((m) => m.cell === "H23")?.fill,
    ).toBe(total!.fill);
    // the sheet keeps its one legacyDrawing; no part outside those marks need changed
    expect(strFromU8(parts.get("xl/worksheets/sheet1.xml")!).match(/<legacyDrawing\b/g)).toHaveLength(1);
    expect((await changedParts(input, marked)).filter((p) => !MARK_PARTS.test(p))).toEqual([]);
    // the original customXml item is still there, ours is a new one
    expect(names.filter((n) => /^customXml\/item\d+\.xml$/.test(n)).length).toBe(2);
    // clearing takes ours away and leaves the person's note, part and drawing byte for byte
    const { bytes: cleared } = clear(marked);
    expect(await changedParts(input, cleared)).toEqual([]);
  });
});

/** The medical-aid table twice: a second worksheet (a copy of the first) added to the package by hand. */
function twoSheetWorkbook(): Uint8Array {
  const parts = unzipSync(new Uint8Array(fs.readFileSync(path.join(FIXTURE_DIR, "project-medical-aid-2020.xlsx"))));
  const text = (name: string) => strFromU8(parts[name]);
  parts["xl/worksheets/sheet2.xml"] = parts["xl/worksheets/sheet1.xml"];
  parts["xl/workbook.xml"] = strToU8(
    text("xl/workbook.xml").replace("</sheets>", '<sheet sheetId="2" name="副本" r:id="rId99"/></sheets>'),
  );
  parts["xl/_rels/workbook.xml.rels"] = strToU8(
    text("xl/_rels/workbook.xml.rels").replace(
      "</Relationships>",
      '<Relationship Id="rId99" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet2.xml"/></Relationships>',
    ),
  );
  parts["[Content_Types].xml"] = strToU8(
    text("[Content_Types].xml").replace(
      "</Types>",
      '<Override PartName="/xl/worksheets/sheet2.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>',
    ),
  );
  return zipSync(parts);
}

describe("two marked sheets", () => {
  it("each gets its own comments part and drawing, the drawings distinct shape-id blocks; both read back; clear gives back every part", async () => {
    const input = twoSheetWorkbook();
    const plan = planFor(input);
    const sheets = [...new Set(plan.marks.map((m) => m.sheet))];
    expect(sheets).toEqual(["附件3-1", "副本"]);
    const marked = mark(input, plan);
    const parts = await partsOf(marked);
    expect([...parts.keys()].filter((n) => /comments\d|vmlDrawing/.test(n)).sort()).toEqual([
      "xl/comments1.xml",
      "xl/comments2.xml",
      "xl/drawings/vmlDrawing1.vml",
      "xl/drawings/vmlDrawing2.vml",
    ]);
    const vml = ["xl/drawings/vmlDrawing1.vml", "xl/drawings/vmlDrawing2.vml"].map((n) => strFromU8(parts.get(n)!));
    expect(vml.map((v) => /data="(\d+)"/.exec(v)?.[1])).toEqual(["1", "2"]);
    const ids = vml.flatMap((v) => [...v.matchAll(/id="_x0000_s(\d+)"/g)].map((m) => m[1]));
    expect(new Set(ids).size).toBe(ids.length);
    const wb = await readBook(marked);
    for (const m of plan.marks) expect(wb.getWorksheet(m.sheet)!.getCell(m.cell).note).toBeTruthy();
    expect(loadXlsxSync(marked).marks.read()).toHaveLength(plan.marks.length);
    expect(await changedParts(input, clear(marked).bytes)).toEqual([]);
  });
});

test("a <legacyDrawing> whose drawing is missing is left alone: notes written, no second drawing, clear exact", async () => {
  const parts = unzipSync(new Uint8Array(fs.readFileSync(path.join(FIXTURE_DIR, "project-medical-aid-2020.xlsx"))));
  parts["xl/worksheets/sheet1.xml"] = strToU8(
    strFromU8(parts["xl/worksheets/sheet1.xml"]).replace("</worksheet>", '<legacyDrawing r:id="rIdGone"/></worksheet>'),
  );
  const input = zipSync(parts);
  const plan = planFor(input);
  const marked = mark(input, plan);
  const out = await partsOf(marked);
  expect(strFromU8(out.get("xl/worksheets/sheet1.xml")!).match(/<legacyDrawing\b/g)).toHaveLength(1);
  expect([...out.keys()].filter((n) => n.endsWith(".vml"))).toEqual([]);
  expect(parseComments(strFromU8(out.get("xl/comments1.xml")!)).comments).toHaveLength(plan.marks.length);
  expect(await changedParts(input, clear(marked).bytes)).toEqual([]);
});

describe("a fill between mark and clear (each in its own run, as the CLI does)", () => {
  it.each(fixtureNames())("%s: clearing keeps what the fill wrote, number formats included, and takes the marks away", async (name) => {
    const input = new Uint8Array(fs.readFileSync(path.join(FIXTURE_DIR, `${name}.xlsx`)));
    const fillOf = (bytes: Uint8Array) => {
      const book = loadXlsxSync(bytes);
      const plan = combinedPlan(analyzeWorkbook(book.snapshots(), { profile: "default" }));
      book.apply(plan);
      return { bytes: book.bytes(), plan };
    };
    const filledOnly = fillOf(input);
    const marked = mark(input, planFor(input));
    const markedThenFilled = fillOf(marked);
    expect(markedThenFilled.plan.changes.map((c) => c.cell)).toEqual(filledOnly.plan.changes.map((c) => c.cell));
    const { bytes: cleared } = clear(markedThenFilled.bytes);
    expect(differences(dumpWorkbook(await readBook(filledOnly.bytes)), dumpWorkbook(await readBook(cleared)))).toEqual([]);
    expect(loadXlsxSync(cleared).marks.read()).toEqual([]);
  });
});

describe("FileHost: one undo history for fills, marks and clears", () => {
  it("fill → mark → clear, undone step by step, gives back the file as read", async () => {
    const name = fixtureNames().find((n) => n.includes("medical")) ?? fixtureNames()[0];
    const input = new Uint8Array(fs.readFileSync(path.join(FIXTURE_DIR, `${name}.xlsx`)));
    const host = await FileHost.open(`${name}.xlsx`, input);
    const opts = { profile: "default" as const, scope: "all" as const };
    const fillPlan = combinedPlan((await check(host, opts)).analysis);
    await host.applyPlan(fillPlan);
    const filled = await host.save();
    const { plan } = await checkAndMark(host, { ...opts, lang: "en" });
    expect(plan.marks.length).toBeGreaterThan(0);
    expect(plan.marks[0].note).toMatch(/^绩效自评助手\n\[/);
    const marked = await host.save();
    expect((await previewClear(host)).map((m) => m.cell)).toEqual(expect.arrayContaining(plan.marks.map((m) => m.cell)));
    expect(await clearWorkbookMarks(host)).toBe(plan.marks.length);
    expect(await previewClear(host)).toEqual([]);
    expect(await clearWorkbookMarks(host)).toBe(0); // nothing to clear: no undo step
    await host.undo(); // the clear
    expect(Buffer.compare(Buffer.from(await host.save()), Buffer.from(marked))).toBe(0);
    await host.undo(); // the marks
    expect(await changedParts(filled, await host.save())).toEqual([]);
    await host.undo(); // the fill
    expect(await host.save()).toBe(input);
    expect(await host.canUndo()).toBe(false);
  });

  it("a plan naming a missing sheet or a protected sheet marks nothing (bilingual error)", async () => {
    const host = await FileHost.open("t.xlsx", handWrittenWorkbook({ protectTable: true }));
    const plan = planFor(handWrittenWorkbook());
    await expect(host.applyMarks(plan)).rejects.toMatchObject({ code: "protected", zh: expect.stringContaining("受保护") });
    await expect(host.applyMarks({ marks: [{ ...plan.marks[0], sheet: "无此表" }] })).rejects.toMatchObject({ code: "sheet-missing" });
    expect(await host.readMarks()).toEqual([]);
    expect(await host.canUndo()).toBe(false);
  });
});
