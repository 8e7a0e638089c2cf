/**
 * The hosts the contract suite runs against: FileHost over the fixture's .xlsx, ExcelHost over the strict Office.js
 * fake, WpsSpreadsheetHost over the ET fake (in both member styles of WPS builds). Each opens a fixture and, where the
 * workbook can be looked into beyond the port (the fakes), says how.
 */
import * as fs from "fs";
import * as path from "path";
import type { MarkingHost, SpreadsheetHost } from "../../../src/host/host";
import { FileHost } from "../../../src/adapters/xlsx/FileHost";
import { ExcelHost, type ExcelRun } from "../../../src/adapters/excel";
import { WpsSpreadsheetHost } from "../../../src/adapters/wps/WpsSpreadsheetHost";
import { MARKS_SHEET, UNDO_SHEET } from "../../../src/adapters/wps/undoSheet";
import { MARKS_NAMESPACE } from "../../../src/adapters/sheet";
import { MARK_AUTHOR, MARK_FILLS, type CellMark } from "../../../src/core/marks";
import { isUserError, type UserError } from "../../../src/core/errors";
import { FIXTURE_DIR } from "../../support/fixtures";
import { FakeExcel } from "../../fakes/fakeExcel";
import type { FakeEt, MemberStyle } from "../../fakes/fakeEt";
import { fixtureToFake } from "../excel/fixtureFake";
import { etFixture, fresh } from "../wps/etFixture";

export type Host = SpreadsheetHost & MarkingHost;

/** The workbook under a fake host, beyond what the port shows. */
export interface Look {
  /** Everything a mark could touch, per cell (value, formula, format, fill; notes under "<key>@note"), as JSON. */
  state(): Record<string, string>;
  /** "Sheet!A1" of a state key. */
  cellOf(key: string): string;
  /** A cell's value, formula and number format from a state entry. */
  content(json: string | undefined): { v: unknown; f: unknown; n: unknown };
  /** A person's note (author 张三), a person's fill. */
  annotate(sheet: string, cell: string, text: string): void;
  fillCell(sheet: string, cell: string, hex: string): void;
  /** The sheet's name as the workbook spells it. */
  sheetName(sheet: string): string;
  /** A cell's fill as "#RRGGBB" (null: none), and its note (text, author). */
  fillOf(sheet: string, cell: string): string | null;
  noteOf(sheet: string, cell: string): { text: string; author: string } | undefined;
  /** A cell of the first sheet nobody marks. */
  elsewhere: [sheet: string, cell: string];
  /** Whether the mark ledger is gone from the workbook. */
  noLedger(): boolean;
  /** How many records (undo record, ledger) the workbook holds. */
  stored(): number;
}

export interface Opened {
  host: Host;
  /** A new host over the same workbook (the pane closed and reopened); absent where the workbook lives in the host. */
  reopen?: () => Host;
  look?: Look;
  /** What the last operation of a host cost in round trips, where the host counts them. */
  syncs?: (host: Host) => number | undefined;
}

export interface HostUnderTest {
  name: string;
  open(fixture: string): Promise<Opened>;
  /** One undo record (a new write replaces it), or a history of them. */
  undo: "one" | "history";
}

function colName(n: number): string {
  let s = "";
  for (let x = n; x > 0; x = Math.floor((x - 1) / 26)) s = String.fromCharCode(65 + ((x - 1) % 26)) + s;
  return s;
}

/** "Sheet#<row*16384+col>[@note]" → "Sheet!A1" (both fakes key cells so). */
function cellOfKey(key: string): string {
  const [sheet, k] = key.split("#");
  const n = Number(k.replace(/@.*$/, ""));
  return `${sheet}!${colName((n % 16384) + 1)}${Math.floor(n / 16384) + 1}`;
}

function content(json: string | undefined): { v: unknown; f: unknown; n: unknown } {
  const was = json ? (JSON.parse(json) as { value?: unknown; formula?: unknown; numberFormat?: unknown }) : null;
  return { v: was?.value ?? null, f: was?.formula ?? null, n: was?.numberFormat ?? "General" };
}

const file: HostUnderTest = {
  name: "FileHost (.xlsx)",
  undo: "history",
  async open(fixture) {
    const host = await FileHost.open(`${fixture}.xlsx`, new Uint8Array(fs.readFileSync(path.join(FIXTURE_DIR, `${fixture}.xlsx`))));
    return { host };
  },
};

const excel: HostUnderTest = {
  name: "ExcelHost (Office.js fake)",
  undo: "one",
  async open(fixture) {
    const { fake } = await fixtureToFake(fixture, new FakeExcel());
    fake.excelApi = "1.18";
    const make = () => new ExcelHost(fake.run as unknown as ExcelRun, fake.isSetSupported);
    const sheet = (name: string) => fake.sheet(name)!;
    const look: Look = {
      state() {
        const out: Record<string, string> = {};
        for (const s of fake.sheets) {
          for (const [k, c] of s.cells) out[`${s.name}#${k}`] = JSON.stringify(c);
          for (const [k, a] of s.annotations) out[`${s.name}#${k}@note`] = JSON.stringify(a);
        }
        return out;
      },
      cellOf: cellOfKey,
      content,
      annotate: (s, cell, text) => void sheet(s).annotate(cell, text),
      fillCell: (s, cell, hex) => void sheet(s).fillCell(cell, hex),
      sheetName: (s) => sheet(s).name,
      fillOf: (s, cell) => sheet(s).getA1(cell).fill?.color ?? null,
      noteOf(s, cell) {
        const a = sheet(s).annotation(cell);
        if (!a) return undefined;
        expect(a.kind).toBe("note"); // a note, never a threaded comment, where notes are there
        return { text: a.content, author: a.author };
      },
      elsewhere: [fake.sheets[0].name, "XX1000"],
      noLedger: () => fake.customXmlParts.filter((p) => p.namespaceUri === MARKS_NAMESPACE).length === 0,
      stored: () => fake.customXmlParts.length,
    };
    return { host: make(), reopen: make, look, syncs: (h) => (h as ExcelHost).lastStats?.syncs };
  },
};

function wps(members: MemberStyle): HostUnderTest {
  return {
    name: `WpsSpreadsheetHost (ET fake, ${members} build)`,
    undo: "one",
    async open(fixture) {
      const { model } = await etFixture(fixture);
      const fake: FakeEt = fresh(model, { members });
      const make = () => new WpsSpreadsheetHost(fake.Application);
      const own = (n: string) => n === UNDO_SHEET || n === MARKS_SHEET;
      const look: Look = {
        state() {
          const out: Record<string, string> = {};
          for (const s of fake.workbook?.sheets ?? []) {
            if (own(s.name)) continue;
            for (const [k, c] of s.cells) out[`${s.name}#${k}`] = JSON.stringify(c);
            for (const [k, c] of s.comments) out[`${s.name}#${k}@note`] = JSON.stringify(c);
          }
          out["#sheets"] = JSON.stringify((fake.workbook?.sheets ?? []).map((s) => s.name).filter((n) => !own(n)));
          return out;
        },
        cellOf: (k) => (k === "#sheets" ? k : cellOfKey(k)),
        content,
        annotate: (s, cell, text) => void fake.sheet(s).annotate(cell, text),
        fillCell: (s, cell, hex) => void fake.sheet(s).fillCell(cell, hex),
        sheetName: (s) => fake.sheet(s).name,
        fillOf(s, cell) {
          const bgr = fake.sheet(s).getA1(cell).interior?.color;
          if (typeof bgr !== "number") return null;
          // the object model's BGR long → "#RRGGBB"
          return `#${[bgr & 0xff, (bgr >> 8) & 0xff, (bgr >> 16) & 0xff].map((b) => b.toString(16).toUpperCase().padStart(2, "0")).join("")}`;
        },
        noteOf(s, cell) {
          const c = fake.sheet(s).comment(cell);
          return c ? { text: c.text, author: c.author } : undefined;
        },
        elsewhere: [fake.workbook!.sheets[0].name, "Z999"],
        noLedger: () => fake.workbook!.sheet(MARKS_SHEET) === undefined,
        stored: () => (fake.workbook?.sheets ?? []).filter((s) => own(s.name)).length,
      };
      return { host: make(), reopen: make, look };
    },
  };
}

export const HOSTS: HostUnderTest[] = [file, excel, wps("property"), wps("method")];

/** A mark as the marks command makes one (our author line, one finding), for the hosts' mark tests. */
export function mark(sheet: string, cell: string, severity: "error" | "warning" = "error"): CellMark {
  return {
    sheet,
    cell,
    severity,
    codes: ["SCORE_MISMATCH"],
    note: `${MARK_AUTHOR}\n【${severity === "error" ? "错误" : "警告"}】得分与分值不符 [SCORE_MISMATCH]`,
    fill: MARK_FILLS[severity],
  };
}

/** The UserError a host's call rejects with (fails the test when it resolves or throws something else). */
export async function failure(p: Promise<unknown>): Promise<UserError> {
  try {
    await p;
  } catch (e) {
    expect(isUserError(e)).toBe(true);
    return e as UserError;
  }
  throw new Error("expected a UserError");
}
