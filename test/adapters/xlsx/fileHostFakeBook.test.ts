/**
 * FileHost: the standalone page's SpreadsheetHost. With a strict fake book (what is called, in which order, and
 * all-or-nothing on failure) and with the real xlsx adapter + engine on every shared fixture.
 */
import * as fs from "fs";
import * as path from "path";
import { FileHost, MAX_FILE_BYTES, type XlsxBookLike } from "../../../src/adapters/xlsx/FileHost";
import { filledFileName } from "../../../src/app/fileNames";
import { UserError, isUserError } from "../../../src/core/errors";
import type { CellChange, FillPlan } from "../../../src/core/plan";
import type { SheetSnapshot } from "../../../src/core/snapshot";
import { Grid } from "../../../src/core/snapshot";
import { parseA1 } from "../../../src/core/address";
import { combinedPlan, check } from "../../../src/app/commands";
import { FIXTURE_DIR } from "../../support/fixtures";

const FIXTURES = FIXTURE_DIR;

function change(cell: string, before: number | null, after: number): CellChange {
  return {
    sheet: "S",
    cell,
    kind: "formula",
    before: { value: before, formula: null, numberFormat: null },
    after: { value: after },
    expected: after,
    reason: "测试",
    reasonEn: "test",
  };
}

/** A book holding one sheet "S" as a map of cells; records calls. */
class FakeBook implements XlsxBookLike {
  cells = new Map<string, number | null>();
  calls: string[] = [];
  failApplyAfter: number | null = null;
  failRestore = false;
  failSave = false;

  snapshots(): SheetSnapshot[] {
    this.calls.push("snapshots");
    return [{ name: "S", origin: { row: 1, col: 1 }, values: [[this.cells.get("A1") ?? null, this.cells.get("B1") ?? null]], merges: [] }];
  }
  apply(plan: FillPlan): void {
    this.calls.push(`apply ${plan.changes.length}`);
    plan.changes.forEach((c, i) => {
      if (this.failApplyAfter !== null && i >= this.failApplyAfter) throw new Error("disk full");
      this.cells.set(c.cell, c.after.value as number);
    });
  }
  restore(changes: CellChange[]): void {
    this.calls.push(`restore ${changes.map((c) => c.cell).join(",")}`);
    if (this.failRestore) throw new Error("cannot restore");
    for (const c of changes) this.cells.set(c.cell, c.before.value as number | null);
  }
  async toBuffer(): Promise<Uint8Array> {
    if (this.failSave) throw new Error("zip failed");
    return new Uint8Array([80, 75, 3, 4]);
  }
}

async function openFake(book = new FakeBook(), name = "表.xlsx") {
  const host = await FileHost.open(name, new Uint8Array([1, 2, 3]), async () => book);
  return { host, book };
}

describe("FileHost.open refuses what it cannot read, with Chinese and English", () => {
  const loader = jest.fn(async () => new FakeBook());

  test.each([
    ["报表", "not-xlsx"],
    ["报告.docx", "not-xlsx"],
    ["报告.pdf", "not-xlsx"],
  ])("%s → %s", async (name, code) => {
    const e = await FileHost.open(name, new Uint8Array([1]), loader).catch((x) => x);
    expect(isUserError(e)).toBe(true);
    expect((e as UserError).code).toBe(code);
    expect((e as UserError).zh).toMatch(/[\u4e00-\u9fff]/);
    expect((e as UserError).en).toMatch(/xlsx/);
  });

  test("empty and oversized files", async () => {
    await expect(FileHost.open("a.xlsx", new Uint8Array(0), loader)).rejects.toMatchObject({ code: "empty-file" });
    const big = { byteLength: MAX_FILE_BYTES + 1 } as unknown as ArrayBuffer;
    await expect(FileHost.open("a.xlsx", big, loader)).rejects.toMatchObject({ code: "too-large" });
    expect(loader).not.toHaveBeenCalled();
  });

  test("a loader's UserError passes through; anything else becomes a readable UserError", async () => {
    const own = new UserError("文件已加密。", "The file is encrypted.", "encrypted");
    await expect(FileHost.open("a.xlsx", new Uint8Array([1]), async () => Promise.reject(own))).rejects.toBe(own);
    const e = await FileHost.open("a.xlsx", new Uint8Array([1]), async () => Promise.reject(new TypeError("x is undefined"))).catch(
      (x) => x,
    );
    expect(e).toMatchObject({ code: "unreadable" });
    expect((e as UserError).zh).not.toMatch(/TypeError|undefined/);
  });

  test.each(["报表.xls", "报表.et", "报表.ods", "报表.htm", "报表.html", "报表.csv"])(
    "%s goes to the reader (the bytes decide)",
    async (name) => {
      const { host } = await openFake(new FakeBook(), name);
      expect(host.displayName).toBe(name);
    },
  );

  test(".xlsm is accepted", async () => {
    const { host } = await openFake(new FakeBook(), "宏.xlsm");
    expect(host.kind).toBe("file");
    expect(host.displayName).toBe("宏.xlsm");
  });
});

describe("FileHost apply / undo", () => {
  test("undo restores the last applied plan first, in reverse order, and the stack empties", async () => {
    const { host, book } = await openFake();
    book.cells.set("A1", 1);
    expect(await host.canUndo()).toBe(false);
    await host.applyPlan({ changes: [change("A1", 1, 10), change("B1", null, 20)] });
    await host.applyPlan({ changes: [change("A1", 10, 100)] });
    expect(book.cells.get("A1")).toBe(100);
    expect(await host.canUndo()).toBe(true);
    await host.undo();
    expect(book.cells.get("A1")).toBe(10);
    await host.undo();
    expect([book.cells.get("A1"), book.cells.get("B1")]).toEqual([1, null]);
    expect(book.calls.filter((c) => c.startsWith("restore"))).toEqual(["restore A1", "restore B1,A1"]);
    expect(await host.canUndo()).toBe(false);
    await expect(host.undo()).rejects.toMatchObject({ code: "nothing-to-undo" });
  });

  test("an empty plan writes nothing and leaves nothing to undo", async () => {
    const { host, book } = await openFake();
    await host.applyPlan({ changes: [] });
    expect(book.calls).toEqual([]);
    expect(await host.canUndo()).toBe(false);
  });

  test("a failing write is all or nothing: what was written is put back, no undo entry, a UserError", async () => {
    const { host, book } = await openFake();
    book.cells.set("A1", 1);
    book.failApplyAfter = 1;
    const e = await host.applyPlan({ changes: [change("A1", 1, 10), change("B1", null, 20)] }).catch((x) => x);
    expect(e).toMatchObject({ code: "write-failed" });
    expect(book.cells.get("A1")).toBe(1);
    expect(await host.canUndo()).toBe(false);
  });

  test("a failing undo keeps the entry so it can be tried again", async () => {
    const { host, book } = await openFake();
    await host.applyPlan({ changes: [change("A1", null, 5)] });
    book.failRestore = true;
    await expect(host.undo()).rejects.toMatchObject({ code: "undo-failed" });
    expect(await host.canUndo()).toBe(true);
    book.failRestore = false;
    await host.undo();
    expect(book.cells.get("A1")).toBeNull();
  });

  test("the undo entry is a copy: changing the plan afterwards does not change what undo restores", async () => {
    const { host, book } = await openFake();
    const plan = { changes: [change("A1", 7, 8)] };
    book.cells.set("A1", 7);
    await host.applyPlan(plan);
    plan.changes.length = 0;
    await host.undo();
    expect(book.cells.get("A1")).toBe(7);
  });

  test("save returns the book's bytes; a failure is a UserError; the download name keeps the original name", async () => {
    const { host, book } = await openFake(new FakeBook(), "附件3-1.xlsx");
    expect(Array.from(await host.save())).toEqual([80, 75, 3, 4]);
    book.failSave = true;
    await expect(host.save()).rejects.toMatchObject({ code: "save-failed" });
    expect(filledFileName(host.fileName)).toBe("附件3-1（已填充）.xlsx");
  });

  test("selectCell remembers the cell; both scopes read every sheet and report progress", async () => {
    const { host } = await openFake();
    await host.selectCell("S", "B1");
    expect(host.selection).toEqual({ sheet: "S", address: "B1" });
    const progress = jest.fn();
    expect(await host.readSheets("active", progress)).toHaveLength(1);
    expect(progress).toHaveBeenCalledWith(1, 1);
  });
});

function cell(snaps: SheetSnapshot[], sheet: string, address: string) {
  const g = new Grid(snaps.find((s) => s.name === sheet)!);
  const { row, col } = parseA1(address);
  return { value: g.value(row, col), formula: g.formula(row, col), format: g.numberFormat(row, col) };
}

describe.each(
  fs
    .readdirSync(FIXTURES)
    .filter((f) => f.endsWith(".xlsx"))
    .sort(),
)("FileHost + xlsx adapter + engine · %s", (file) => {
  test("check finds the oracle's findings; apply writes the plan; undo puts every cell back; save round-trips", async () => {
    const data = new Uint8Array(fs.readFileSync(path.join(FIXTURES, file)));
    const oracle = JSON.parse(fs.readFileSync(path.join(FIXTURES, file.replace(/\.xlsx$/, ".expected.json")), "utf8")) as {
      sheets: { sheet: string; findings: { code: string; cell?: string }[] }[];
    };
    const host = await FileHost.open(file, data);
    const original = await host.readSheets("all");
    const { analysis } = await check(host, { profile: "default", scope: "all" });
    const found = analysis.sheets.flatMap((s) => s.tables.flatMap((t) => t.findings));
    for (const s of oracle.sheets)
      for (const f of s.findings)
        expect({
          code: f.code,
          cell: f.cell ?? null,
          found: found.some((x) => x.code === f.code && (!f.cell || x.cell === f.cell)),
        }).toEqual({
          code: f.code,
          cell: f.cell ?? null,
          found: true,
        });

    const plan = combinedPlan(analysis);
    expect(plan.changes.length).toBeGreaterThan(0);
    await host.applyPlan(plan);
    const filled = await host.readSheets("all");
    for (const c of plan.changes) {
      const now = cell(filled, c.sheet, c.cell);
      if (c.after.formula) expect({ at: c.cell, f: now.formula }).toEqual({ at: c.cell, f: c.after.formula });
      else if (c.after.value !== undefined) expect({ at: c.cell, v: now.value }).toEqual({ at: c.cell, v: c.after.value });
    }

    await host.undo();
    const restored = await host.readSheets("all");
    for (const c of plan.changes) {
      const a = cell(original, c.sheet, c.cell);
      const b = cell(restored, c.sheet, c.cell);
      expect({ at: c.cell, value: b.value, formula: b.formula }).toEqual({ at: c.cell, value: a.value, formula: a.formula });
    }

    // The saved bytes open again as the same workbook.
    const again = await FileHost.open(file, await host.save());
    const reread = await again.readSheets("all");
    expect(reread.map((s) => s.name)).toEqual(original.map((s) => s.name));
  });
});
