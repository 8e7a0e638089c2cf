import { loadXlsx, sniff } from "../../../src/adapters/xlsx";
import { cfbEntryNames, zipEntryNames } from "../../../src/adapters/xlsx/sniff";
import { isUserError, UserError } from "../../../src/core/errors";
import { badInputs, cfbFile, FIXTURE_NAMES, fixtureBytes } from "./badInputs";
import { toDense } from "../../support/dense";

const hasChinese = (s: string) => /[\u4e00-\u9fff]/.test(s);

describe("loadXlsx: bad input gets a clear Chinese + English UserError", () => {
  it("rejects every bad input with its own code and a one-line zh/en message", async () => {
    const cases = await badInputs();
    expect(cases.length).toBeGreaterThanOrEqual(10);
    for (const c of cases) {
      let err: unknown = null;
      try {
        await loadXlsx(c.bytes);
      } catch (e) {
        err = e;
      }
      expect({ label: c.label, isUserError: isUserError(err) }).toEqual({ label: c.label, isUserError: true });
      const u = err as UserError;
      expect({ label: c.label, code: u.code }).toEqual({ label: c.label, code: c.code });
      expect(hasChinese(u.zh)).toBe(true);
      expect(hasChinese(u.en)).toBe(false);
      expect(u.en).toMatch(/[a-z]{3}/);
      expect(u.zh + u.en).not.toMatch(/\n|at .*\(.*:\d+:\d+\)/);
    }
  });

  it("names the cause: password, old format, Word document, truncation", async () => {
    const get = async (bytes: Uint8Array) =>
      loadXlsx(bytes).then(
        () => null,
        (e: UserError) => e,
      );
    const enc = await get(cfbFile(["EncryptionInfo", "EncryptedPackage"]));
    expect(enc?.zh).toContain("密码");
    expect(enc?.en).toMatch(/password/i);
    const xls = await get(cfbFile(["Workbook"]));
    expect(xls?.zh).toContain(".xls");
    expect(xls?.zh).toContain("另存为 .xlsx");
    expect(xls?.en).toMatch(/save it as \.xlsx/i);
    const cases = await badInputs();
    const docx = await get(cases.find((c) => c.label === ".docx-like zip")!.bytes);
    expect(docx?.zh).toContain("Word");
    const trunc = await get(cases.find((c) => c.label.startsWith("truncated workbook (60"))!.bytes);
    expect(trunc?.zh).toMatch(/不完整|损坏/);
  });

  it("accepts an ArrayBuffer as well as a Uint8Array", async () => {
    const bytes = fixtureBytes("summary-projects-2020");
    const ab = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
    const book = await loadXlsx(ab);
    expect(book.sheetNames()).toEqual(["附表1"]);
  });
});

describe("sniff", () => {
  it("reads the zip directory of every fixture and finds xl/workbook.xml", () => {
    for (const name of FIXTURE_NAMES) {
      const b = fixtureBytes(name);
      expect(sniff(b)).toEqual({ kind: "xlsx" });
      expect(zipEntryNames(b)).toContain("xl/workbook.xml");
    }
  });

  it("reads a compound file's directory", () => {
    expect(cfbEntryNames(cfbFile(["EncryptionInfo", "EncryptedPackage"]))).toEqual(["Root Entry", "EncryptionInfo", "EncryptedPackage"]);
    expect(cfbEntryNames(cfbFile(["Workbook"]))).toEqual(["Root Entry", "Workbook"]);
  });
});

describe("snapshots", () => {
  it("gives one snapshot per worksheet with the fixture's values", async () => {
    const book = await loadXlsx(fixtureBytes("project-medical-aid-2020"));
    const snaps = book.snapshots();
    expect(snaps.map((s) => s.name)).toEqual(["附件3-1"]);
    const s = toDense(snaps[0]);
    expect(s.origin).toEqual({ row: 1, col: 1 });
    // G23 holds 100, H23 holds 98 (row 23, columns 7 and 8).
    expect(s.values[22][6]).toBe(100);
    expect(s.values[22][7]).toBe(98);
    expect(s.values[5][3]).toBe("\u30003386.925");
    expect(s.merges).toContainEqual({ top: 6, left: 8, bottom: 6, right: 9 });
  });
});
