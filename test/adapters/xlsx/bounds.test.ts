/**
 * What reading a workbook may cost holds for every command (check, fill, mark, clear, report, a batch): a part that
 * inflates to gigabytes while declaring a few KB, or declaring honestly; a workbook.xml naming one sheet thousands of
 * times; a million cells in a few hundred KB; merges over millions of cells. Each ends in exit 0 or one clear zh/en
 * line with exit 2 (never 1, never a stack trace), quickly, and nothing is written.
 */
import * as fs from "fs";
import * as path from "path";
import { ZipArchive } from "../../../src/adapters/xlsx/zip";
import { LIMITS } from "../../../src/adapters/xlsx";
import { MergeIndex } from "../../../src/core/mergeIndex";
import type { MergedArea } from "../../../src/core/snapshot";
import { isUserError } from "../../../src/core/errors";
import { FileHost } from "../../../src/adapters/xlsx/FileHost";
import { costOf, expectWithin, run, tempDir, expectOneLineZhEn } from "../../cli/run";
import { fixtureBytes } from "./badInputs";
import {
  GiB,
  SHEET_HEAD,
  SHEET_TAIL,
  bombEntry,
  bombStream,
  filesOf,
  sheetListedTimes,
  sheetRelatedTimes,
  text,
  withCellsBelow,
  withMerges,
  zipOf,
} from "./amplify";

jest.setTimeout(300_000);

const MEDICAL = "project-medical-aid-2020";
const SHEET1 = "xl/worksheets/sheet1.xml";
const MiB = 1 << 20;
let dir: string;
beforeAll(() => (dir = tempDir("jixiao-bounds-")));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const fixture = () => filesOf(fixtureBytes(MEDICAL));

function save(name: string, bytes: Uint8Array): string {
  const p = path.join(dir, name);
  fs.writeFileSync(p, bytes);
  return p;
}

type Route = "check" | "fill" | "mark" | "clear" | "report" | "batch";
const ROUTES: Route[] = ["check", "fill", "mark", "clear", "report", "batch"];

/** Runs one command on the file (its own folder for a batch); what it printed, how long it took, what it wrote. */
async function route(r: Route, file: string) {
  const out = path.join(dir, `out-${r}`);
  fs.rmSync(out, { recursive: true, force: true });
  fs.mkdirSync(out);
  const before = fs.readFileSync(file);
  let argv: string[];
  let cwd = dir;
  switch (r) {
    case "check":
      argv = ["check", file];
      break;
    case "fill":
      argv = ["fill", file, "-o", path.join(out, "x.xlsx")];
      break;
    case "mark":
      argv = ["mark", file, "-o", path.join(out, "x.xlsx")];
      break;
    case "clear":
      argv = ["mark", "--clear", file, "-o", path.join(out, "x.xlsx")];
      break;
    case "report":
      argv = ["report", file, "-o", path.join(out, "x.docx"), "--as-is"];
      break;
    case "batch":
      cwd = path.join(out, "in");
      fs.mkdirSync(cwd);
      fs.copyFileSync(file, path.join(cwd, path.basename(file)));
      argv = ["check", ".", "--json", "--workers", "1", "--report", path.join(out, "问题清单.xlsx")];
      break;
  }
  const { result, cpuMs, wallMs } = await costOf(() => run(argv, cwd));
  const written = fs.readdirSync(out).filter((f) => f !== "in");
  expect(fs.readFileSync(file).equals(before)).toBe(true);
  return { ...result, cost: { cpuMs, wallMs }, written };
}

/** Every route refuses the file with exit 2, one zh/en line matching `reason`, within `ms`, writing nothing. */
async function refusedEverywhere(file: string, reason: RegExp, ms: number): Promise<void> {
  for (const r of ROUTES) {
    const res = await route(r, file);
    if (r === "batch") {
      // the batch lists the file as unreadable, with the reason, and says so in its exit code
      expect(res.code).toBe(2);
      const json = JSON.parse(res.stdout) as { files: { readError?: string; error?: string }[] };
      expect(JSON.stringify(json.files[0])).toMatch(reason);
    } else {
      expect({ route: r, code: res.code }).toEqual({ route: r, code: 2 });
      expectOneLineZhEn(res.stderr);
      expect(res.stderr).toMatch(reason);
      expect(res.written).toEqual([]);
    }
    // a batch starts a worker thread first
    const bound = r === "batch" ? 2 * ms : ms;
    if (res.cost.cpuMs >= bound || res.cost.wallMs >= 3 * bound)
      throw new Error(`${r} took ${Math.round(res.cost.cpuMs)} ms CPU, ${Math.round(res.cost.wallMs)} ms wall`);
  }
}

describe("a zip that inflates to gigabytes", () => {
  it("the crafted stream inflates to what it says (a GiB in about a MB)", () => {
    const s = bombStream("<a>", " ", 64 * MiB, "</a>");
    expect(s.length).toBeLessThan((64 * MiB) / 1000);
    let n = 0;
    let first = "";
    const zip = ZipArchive.open(zipOf({ "a.xml": { data: s, method: 8, size: 64 * MiB + 7, crc: 0 } }));
    // honest about its size but past the ratio: refused before a byte is inflated
    expect(() => zip.stream("a.xml", (c) => (n += c.length))).toThrow(/倍/);
    expect(n).toBe(0);
    // with room for it (a part small enough to pass the ratio's threshold), it inflates to exactly the bytes asked
    const small = bombStream("<a>", "<c/>", 4 * MiB, "</a>");
    const z2 = ZipArchive.open(zipOf({ "a.xml": { data: small, method: 8, size: 8 * MiB, crc: 0 } }));
    // (the crafted entry's CRC is 0: every byte is streamed, then the part is refused as damaged)
    expect(() =>
      z2.stream("a.xml", (c) => {
        if (!first) first = new TextDecoder().decode(c.subarray(0, 11));
        n += c.length;
      }),
    ).toThrow(/CRC-32/);
    expect(first).toBe("<a><c/><c/>");
    expect(n).toBeGreaterThan(4 * MiB - 300);
    expect(n).toBeLessThan(4 * MiB + 300);
  });

  it("lying about its size (2 KB declared): inflating stops within one step, whatever the part", () => {
    for (const gib of [1, 10]) {
      const zip = ZipArchive.open(zipOf({ "a.xml": bombEntry(SHEET_HEAD, " ", gib * GiB, SHEET_TAIL) }));
      let n = 0;
      const c0 = process.cpuUsage();
      let err: unknown;
      try {
        zip.stream("a.xml", (c) => (n += c.length));
      } catch (e) {
        err = e;
      }
      expect(isUserError(err) && (err as { key?: string }).key).toBe("limit-declared");
      // the sink never sees more than the declared size; the inflater never runs past one step (~17 MB)
      expect(n).toBeLessThanOrEqual(2048);
      const c = process.cpuUsage(c0);
      expect((c.user + c.system) / 1000).toBeLessThan(5_000);
    }
  });

  it("declaring a size it may have, then expanding past the ratio: stopped once past the threshold, not at the part bound", () => {
    // 200 MB declared over ~6 MB of stream (a ratio that passes), but the stream is a bomb followed by junk
    const bomb = bombStream(SHEET_HEAD, " ", 1 * GiB, SHEET_TAIL);
    const data = new Uint8Array(bomb.length + 5 * MiB);
    data.set(bomb, 0);
    const zip = ZipArchive.open(zipOf({ "a.xml": { data, method: 8, size: 200 * MiB, crc: 0 } }));
    let n = 0;
    expect(() => zip.stream("a.xml", (c) => (n += c.length))).toThrow(/倍/);
    expect(n).toBeLessThan(LIMITS.ratioFrom + 20 * MiB);
  });

  it("a 1 GiB and a 10 GiB sheet declaring 2 KB, and 1 GiB in each package part: every command exit 2 within seconds", async () => {
    const fx = fixture();
    const cases: [string, string, string, string][] = [
      [SHEET1, SHEET_HEAD, " ", SHEET_TAIL],
      [SHEET1, SHEET_HEAD, "<c/>", SHEET_TAIL],
      ["xl/sharedStrings.xml", text(fx["xl/sharedStrings.xml"]).replace(/<\/sst>\s*$/, ""), " ", "</sst>"],
      ["xl/styles.xml", text(fx["xl/styles.xml"]).replace(/<\/styleSheet>\s*$/, ""), " ", "</styleSheet>"],
      ["xl/workbook.xml", text(fx["xl/workbook.xml"]).replace(/<\/workbook>\s*$/, ""), " ", "</workbook>"],
      ["_rels/.rels", text(fx["_rels/.rels"]).replace(/<\/Relationships>\s*$/, ""), " ", "</Relationships>"],
    ];
    for (const [part, head, filler, tail] of cases) {
      const file = save("bomb.xlsx", zipOf({ ...fx, [part]: bombEntry(head, filler, GiB, tail) }));
      expect(fs.statSync(file).size).toBeLessThan(1.1 * MiB);
      await refusedEverywhere(file, /压缩炸弹|bomb/, 10_000);
    }
    const ten = save("bomb10.xlsx", zipOf({ ...fx, [SHEET1]: bombEntry(SHEET_HEAD, " ", 10 * GiB, SHEET_TAIL) }));
    for (const r of ["check", "mark"] as Route[]) {
      const res = await route(r, ten);
      expect(res.code).toBe(2);
      expect(res.stderr).toMatch(/声明的大小.*declares/);
      expectWithin(res.cost, 10_000);
    }
    // a [Content_Types].xml bomb: check never needs the part (exit 0); mark, which writes it, refuses
    const ct = text(fx["[Content_Types].xml"]).replace(/<\/Types>\s*$/, "");
    const ctFile = save("bomb-ct.xlsx", zipOf({ ...fx, "[Content_Types].xml": bombEntry(ct, " ", GiB, "</Types>") }));
    expect((await route("check", ctFile)).code).toBe(0);
    const marked = await route("mark", ctFile);
    expect(marked.code).toBe(2);
    expect(marked.written).toEqual([]);
    // the page's loader alike
    await expect(
      FileHost.open("x.xlsx", fs.readFileSync(save("bomb.xlsx", zipOf({ ...fx, [SHEET1]: bombEntry(SHEET_HEAD, " ", GiB, SHEET_TAIL) })))),
    ).rejects.toMatchObject({
      code: "limit",
    });
  });

  it("an honest 1 GiB declaration: refused by its ratio before inflating", async () => {
    const fx = fixture();
    const file = save("honest.xlsx", zipOf({ ...fx, [SHEET1]: bombEntry(SHEET_HEAD, " ", 200 * MiB, SHEET_TAIL, 200 * MiB) }));
    await refusedEverywhere(file, /倍.*times its compressed size/, 10_000);
  });
});

describe("amplification", () => {
  it("workbook.xml naming one sheet 5,000 or 20,000 times (one relationship, or one each): refused at the sheet bound", async () => {
    const fx = fixture();
    const wb = text(fx["xl/workbook.xml"]);
    const listed = save("listed.xlsx", zipOf({ ...fx, "xl/workbook.xml": sheetListedTimes(wb, "rId4", 20_000) }));
    await refusedEverywhere(listed, /1000.*sheets/, 10_000);
    const r = sheetRelatedTimes(wb, text(fx["xl/_rels/workbook.xml.rels"]), "worksheets/sheet1.xml", 5000);
    const related = save("related.xlsx", zipOf({ ...fx, "xl/workbook.xml": r.workbook, "xl/_rels/workbook.xml.rels": r.rels }));
    const res = await route("check", related);
    expect(res.code).toBe(2);
    expect(res.stderr).toMatch(/1000.*sheets/);
  });

  it("fewer entries naming one part: refused as damaged (a part is never read for two sheets); two sheets of one name too", async () => {
    const fx = fixture();
    const wb = text(fx["xl/workbook.xml"]);
    const file = save("twice.xlsx", zipOf({ ...fx, "xl/workbook.xml": sheetListedTimes(wb, "rId4", 900) }));
    await refusedEverywhere(file, /“S1”和“S2”.*same part/, 10_000);
    const r = sheetRelatedTimes(wb, text(fx["xl/_rels/workbook.xml.rels"]), "worksheets/sheet1.xml", 2);
    const byRel = save("twice-rel.xlsx", zipOf({ ...fx, "xl/workbook.xml": r.workbook, "xl/_rels/workbook.xml.rels": r.rels }));
    expect((await route("check", byRel)).stderr).toMatch(/同一个部件.*xl\/worksheets\/sheet1\.xml/);
    // two entries of one name (different parts)
    const files = { ...fx, "xl/worksheets/sheet2.xml": fx[SHEET1] } as Record<string, Uint8Array | string>;
    const two = sheetRelatedTimes(wb, text(fx["xl/_rels/workbook.xml.rels"]), "worksheets/sheet2.xml", 1);
    files["xl/workbook.xml"] = two.workbook
      .replace('name="S1"', 'name="附件3-1"')
      .replace("<sheets>", '<sheets><sheet name="附件3-1" sheetId="9" r:id="rId4"/>');
    files["xl/_rels/workbook.xml.rels"] = two.rels;
    const named = await route("check", save("same-name.xlsx", zipOf(files)));
    expect(named.code).toBe(2);
    expect(named.stderr).toMatch(/同名.*one name/);
  });

  it("4.9 million numeric cells in a few hundred KB: refused at the cell bound, quickly and in bounded memory, on every route", async () => {
    const fx = fixture();
    const file = save("cells.xlsx", zipOf({ ...fx, [SHEET1]: withCellsBelow(text(fx[SHEET1]), 4_900_000) }));
    expect(fs.statSync(file).size).toBeLessThan(600_000);
    const rss = process.memoryUsage().rss;
    for (const r of ["check", "fill", "mark", "clear"] as Route[]) {
      const res = await route(r, file);
      expect(res.code).toBe(2);
      expect(res.stderr).toMatch(/1,000,000.*cells/);
      expect(res.written).toEqual([]);
      expectWithin(res.cost, 20_000);
    }
    expect(process.memoryUsage().rss - rss).toBeLessThan(1024 * MiB);
  });

  it("17 valid 1000×1000 merges below the table: merges are ranges — the table is checked as without them, on every route", async () => {
    const fx = fixture();
    const plain = save("plain.xlsx", zipOf(fx));
    const m17 = Array.from({ length: 17 }, (_, k) => `A${1001 + 1000 * k}:ALL${2000 + 1000 * k}`);
    const file = save("merges17.xlsx", zipOf({ ...fx, [SHEET1]: withMerges(text(fx[SHEET1]), m17) }));
    const want = JSON.parse((await run(["check", plain, "--json"], dir)).stdout);
    const { result: got, ...cost } = await costOf(() => run(["check", file, "--json"], dir));
    expect(got.code).toBe(0);
    expectWithin(cost, 10_000);
    const json = JSON.parse(got.stdout);
    expect(json.sheets[0].total).toBe(98);
    expect(json.sheets[0].findings).toEqual(want.sheets[0].findings);
    for (const r of ["fill", "mark", "clear"] as Route[]) {
      const res = await route(r, file);
      expect({ r, code: res.code, stderr: res.stderr }).toEqual({ r, code: 0, stderr: "" });
      expectWithin(res.cost, 10_000);
    }
  });

  it("1,700 merges of 100×100 are read (not called damaged); past the merge bound, one clear line", async () => {
    const fx = fixture();
    const col = (n: number) => {
      let s = "";
      for (; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
      return s;
    };
    const refs: string[] = [];
    for (let i = 0; i < 17; i++)
      for (let j = 0; j < 100; j++) refs.push(`${col(1 + 100 * j)}${1001 + 100 * i}:${col(100 + 100 * j)}${1100 + 100 * i}`);
    const file = save("merges1700.xlsx", zipOf({ ...fx, [SHEET1]: withMerges(text(fx[SHEET1]), refs) }));
    const res = await run(["check", file, "--json"], dir);
    expect(res.code).toBe(0);
    expect(JSON.parse(res.stdout).sheets[0].total).toBe(98);
    // more merged areas than the bound
    const many = Array.from({ length: LIMITS.merges + 1 }, (_, i) => `A${2001 + 2 * i}:B${2001 + 2 * i}`);
    const over = await run(["check", save("merges-many.xlsx", zipOf({ ...fx, [SHEET1]: withMerges(text(fx[SHEET1]), many) }))], dir);
    expect(over.code).toBe(2);
    expectOneLineZhEn(over.stderr);
    expect(over.stderr).toMatch(/合并单元格.*merged/);
    // whole-sheet merges piled on one another cost past the merge budget: the same clear line
    const piled = Array.from({ length: 100 }, () => "A1001:XFD1048576");
    const pile = await run(["check", save("merges-piled.xlsx", zipOf({ ...fx, [SHEET1]: withMerges(text(fx[SHEET1]), piled) }))], dir);
    expect(pile.code).toBe(2);
    expect(pile.stderr).toMatch(/合并单元格.*merged/);
  });
});

describe("MergeIndex", () => {
  it("finds the same area as expanding every merge cell by cell would", () => {
    let x = 7;
    const rnd = (n: number) => {
      x ^= x << 13;
      x ^= x >>> 17;
      x ^= x << 5;
      return (x >>> 0) % n;
    };
    // disjoint areas of every size: small, a few fine blocks, many (coarse)
    const merges: MergedArea[] = [];
    const taken = new Set<number>();
    for (let i = 0; i < 400; i++) {
      const h = [1, 2, 5, 40, 300, 1500][rnd(6)];
      const w = [1, 2, 3, 70, 200][rnd(5)];
      const top = 1 + rnd(4000);
      const left = 1 + rnd(600);
      if (h * w === 1) continue;
      let free = true;
      for (const m of merges) if (top <= m.bottom && top + h - 1 >= m.top && left <= m.right && left + w - 1 >= m.left) free = false;
      if (!free) continue;
      merges.push({ top, left, bottom: top + h - 1, right: left + w - 1 });
    }
    const index = new MergeIndex(merges);
    expect(index.complete).toBe(true);
    for (let i = 0; i < 20_000; i++) {
      const row = 1 + rnd(6000);
      const col = 1 + rnd(900);
      const want = merges.find((m) => row >= m.top && row <= m.bottom && col >= m.left && col <= m.right);
      expect(index.at(row, col)).toBe(want);
      expect(index.covers(row, col)).toBe(!!want && (row !== want.top || col !== want.left));
      taken.add(row);
    }
    // a whole column and the whole sheet cost a few thousand entries, not millions
    const big = new MergeIndex([
      { top: 1, left: 1, bottom: 1_048_576, right: 1 },
      { top: 1, left: 2, bottom: 1_048_576, right: 16_384 },
    ]);
    expect(big.filed).toBeLessThan(20_000);
    expect(big.at(1_000_000, 1)?.left).toBe(1);
    expect(big.covers(1, 2)).toBe(false);
    expect(big.covers(5, 9000)).toBe(true);
    // past its budget, it says so
    expect(new MergeIndex([{ top: 1, left: 1, bottom: 1_048_576, right: 16_384 }], 100).complete).toBe(false);
  });
});
