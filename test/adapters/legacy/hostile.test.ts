/**
 * Hostile legacy files (test/adapters/legacy/hostile.ts) end in a clear exit 2 within seconds in the CLI — one line in Chinese
 * and English, nothing written — and in a UserError (the message the page shows) through the page's own reading
 * function, FileHost.open. SheetJS alone reads some of these without complaint or fails with a bare TypeError: the
 * compound file is checked before it (src/adapters/legacy/cfb.ts), and the HTML reader bounds cells and work.
 */
import * as fs from "fs";
import * as path from "path";
import { FileHost } from "../../../src/adapters/xlsx/FileHost";
import { isUserError, type UserError } from "../../../src/core/errors";
import { costOf, expectOneLineZhEn, expectWithin, listFiles, run, tempDir } from "../../cli/run";
import * as XLSX from "@e965/xlsx";
import { LIMITS } from "../../../src/adapters/xlsx/limits";
import {
  farCellXls,
  farOds,
  genuineOds,
  genuineXls,
  hostileXls,
  hugeHtml,
  lyingOds,
  repeatedOds,
  spanHtml,
  wideHtml,
  type HostileCfb,
} from "./hostile";

/** The cell bound as the refusal names it. */
const CELL_BOUND = new RegExp(LIMITS.cells.toLocaleString("en"));

jest.setTimeout(120_000);

/** Seconds a hostile file may take (the machine is shared; a hang or a runaway would take minutes). */
const SECONDS = 15;

const CFB: [HostileCfb, RegExp][] = [
  ["fat-loop", /循环.*loops/],
  ["past-end", /末尾之外.*past the end/],
  ["huge-stream", /256 MB|超出它实际占用的扇区/],
  ["directory-cycle", /循环.*loops/],
  ["directory-chain-loop", /循环.*loops/],
];

const OTHERS: [string, () => Uint8Array, RegExp][] = [
  ["repeated.ods", repeatedOds, CELL_BOUND],
  ["lying.ods", lyingOds, /声明的大小|declares/],
  ["far.ods", farOds, /1,048,576/],
  ["huge.xls", hugeHtml, CELL_BOUND],
  ["wide.html", wideHtml, /16,384/],
  ["spans.htm", spanHtml, CELL_BOUND],
];

let dir: string;
beforeAll(() => {
  dir = tempDir("jixiao-hostile-");
  fs.writeFileSync(path.join(dir, "genuine.xls"), genuineXls());
  fs.writeFileSync(path.join(dir, "genuine.ods"), genuineOds());
  for (const [kind] of CFB) fs.writeFileSync(path.join(dir, `${kind}.xls`), hostileXls(kind));
  for (const [name, make] of OTHERS) fs.writeFileSync(path.join(dir, name), make());
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

test("the genuine files the hostile ones are made from are read", async () => {
  for (const name of ["genuine.xls", "genuine.ods"]) {
    const r = await run(["check", name, "--json"], dir);
    expect({ name, code: r.code, stderr: r.stderr }).toEqual({ name, code: 0, stderr: "" });
    expect(JSON.parse(r.stdout).sheets.length).toBe(1);
  }
});

test("SheetJS on its own does not refuse every broken compound file clearly (why cfb.ts checks first)", () => {
  const outcome = (b: Uint8Array) => {
    try {
      XLSX.read(b, { type: "array" });
      return "read";
    } catch (e) {
      return e instanceof TypeError ? "TypeError" : "error";
    }
  };
  // a 2 GB stream declaration and a directory that names itself are read as if nothing were wrong
  expect(outcome(hostileXls("huge-stream"))).toBe("read");
  expect(outcome(hostileXls("directory-cycle"))).toBe("read");
});

describe.each(CFB)("a compound file with a %s", (kind, message) => {
  test("check and fill: exit 2 within seconds, one line in Chinese and English, nothing written", async () => {
    for (const argv of [
      ["check", `${kind}.xls`],
      ["fill", `${kind}.xls`, "-o", "out.xlsx"],
    ]) {
      const { result: r, ...cost } = await costOf(() => run(argv, dir));
      expect({ argv, code: r.code, stdout: r.stdout }).toEqual({ argv, code: 2, stdout: "" });
      expectWithin(cost, SECONDS * 1000);
      expectOneLineZhEn(r.stderr);
      expect(r.stderr).toMatch(message);
    }
    expect(listFiles(dir)).not.toContain("out.xlsx");
  });

  test("the page (FileHost.open): a UserError with the same sentence", async () => {
    const e = await FileHost.open(`${kind}.xls`, hostileXls(kind)).catch((x: unknown) => x);
    expect(isUserError(e)).toBe(true);
    expect(`${(e as UserError).zh} / ${(e as UserError).en}`).toMatch(message);
  });
});

describe.each(OTHERS)("%s", (name, make, message) => {
  test("check: exit 2 within seconds, one line in Chinese and English", async () => {
    const { result: r, ...cost } = await costOf(() => run(["check", name], dir));
    expect({ code: r.code, stdout: r.stdout }).toEqual({ code: 2, stdout: "" });
    expectWithin(cost, SECONDS * 1000);
    expectOneLineZhEn(r.stderr);
    expect(r.stderr).toMatch(message);
  });

  test("the page (FileHost.open): a UserError, within seconds", async () => {
    const { result: e, ...cost } = await costOf(() => FileHost.open(name, make()).catch((x: unknown) => x));
    expectWithin(cost, SECONDS * 1000);
    expect(isUserError(e)).toBe(true);
    expect(`${(e as UserError).zh} / ${(e as UserError).en}`).toMatch(message);
  });
});

test("a value in the last cell of an .xls (IV65536) costs one cell", async () => {
  const { result: sheet, ...cost } = await costOf(async () => (await (await FileHost.open("far.xls", farCellXls())).readSheets("all"))[0]);
  expectWithin(cost, SECONDS * 1000);
  expect("cells" in sheet ? sheet.cells.map((c) => [c.row, c.col, c.value]) : null).toEqual([
    [1, 1, "项目名称"],
    [65536, 256, 4242.5],
  ]);
});
