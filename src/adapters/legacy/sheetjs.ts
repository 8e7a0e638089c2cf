/**
 * What SheetJS (@e965/xlsx) does here, and only this: parse a BIFF8 workbook (.xls, .et) into its cell objects —
 * after cfb.ts checked the container — and write
 * an .xlsx from snapshots (the copy fill and mark then edit surgically). The module is passed in, never imported here:
 * the page loads it in its own chunk, the CLI requires it (index.ts, node.ts).
 */
import type * as XLSX from "@e965/xlsx";
import type { CellValue, MergedArea, SnapshotCell, SparseSheetSnapshot } from "../../core/snapshot";
import { isErrorValue } from "../../core/snapshot";
import { MergeIndex } from "../../core/mergeIndex";
import { LIMITS, limitError } from "../xlsx/limits";
import { refOf } from "../xlsx/cellRef";
import { checkText } from "./text";

export type SheetJS = typeof XLSX;

const READ_OPTS: XLSX.ParsingOptions = {
  type: "array",
  dense: true,
  cellFormula: true,
  cellNF: true,
  cellText: false,
  cellHTML: false,
  cellStyles: false,
  cellDates: false,
  sheetStubs: false,
  bookVBA: false,
  WTF: false,
};

/** BIFF error codes → the text a sheet shows. */
const ERRORS: Record<number, string> = {
  0: "#NULL!",
  7: "#DIV/0!",
  15: "#VALUE!",
  23: "#REF!",
  29: "#NAME?",
  36: "#NUM!",
  42: "#N/A",
  43: "#GETTING_DATA",
};
const ERROR_CODES: Record<string, number> = Object.fromEntries(Object.entries(ERRORS).map(([k, v]) => [v, Number(k)]));

/** SheetJS logs what it cannot map (an ODS condition format) on the console: not the person's business. */
function quietly<T>(run: () => T): T {
  const { error, warn } = console;
  console.error = console.warn = () => undefined;
  try {
    return run();
  } finally {
    console.error = error;
    console.warn = warn;
  }
}

function cellValue(c: XLSX.CellObject): CellValue {
  switch (c.t) {
    case "s":
      return typeof c.v === "string" && c.v !== "" ? c.v : null;
    case "n":
      return typeof c.v === "number" && Number.isFinite(c.v) ? c.v : null;
    case "b":
      return !!c.v;
    case "e":
      return ERRORS[c.v as number] ?? "#N/A";
    case "d":
      return c.v instanceof Date ? (c.v.getTime() - Date.UTC(1899, 11, 30)) / 86400000 : null;
    default:
      return null;
  }
}

function decodeKey(key: string): { row: number; col: number } | null {
  const m = /^([A-Z]{1,3})([0-9]{1,7})$/.exec(key);
  if (!m) return null;
  let col = 0;
  for (let i = 0; i < m[1].length; i++) col = col * 26 + (m[1].charCodeAt(i) - 64);
  return { row: Number(m[2]), col };
}

/** SheetJS sheets → snapshots: cells holding a value or a formula, merges, number formats (General as none). */
export function snapshotsOf(wb: XLSX.WorkBook): SparseSheetSnapshot[] {
  const out: SparseSheetSnapshot[] = [];
  let total = 0;
  for (const name of wb.SheetNames) {
    const ws = wb.Sheets[name];
    if (!ws || (ws["!type"] && ws["!type"] !== "sheet")) continue;
    const merges: MergedArea[] = (ws["!merges"] ?? []).map((m) => ({
      top: m.s.r + 1,
      left: m.s.c + 1,
      bottom: m.e.r + 1,
      right: m.e.c + 1,
    }));
    if (merges.length > LIMITS.merges) throw limitError("merges", name);
    // merges as ranges: a cell under one (not its top-left) is hidden
    const covered = new MergeIndex(merges);
    if (!covered.complete) throw limitError("merges", name);
    const cells: SnapshotCell[] = [];
    const add = (row: number, col: number, c: XLSX.CellObject) => {
      if (covered.covers(row, col)) return;
      const value = cellValue(c);
      const formula = typeof c.f === "string" && c.f !== "" ? `=${c.f}` : null;
      if (value === null && formula === null) return;
      if (typeof value === "string" && value.length > LIMITS.stringChars) checkText(value, `${name}!${refOf(row, col)}`);
      if (++total > LIMITS.cells) throw limitError("cells", name);
      const z = typeof c.z === "string" ? c.z : null;
      cells.push({ row, col, value, formula, numberFormat: z === null || z === "General" ? null : z });
    };
    const dense = ws["!data"] as (XLSX.CellObject | undefined)[][] | undefined;
    if (dense) {
      // read densely (READ_OPTS): rows of cells, no address to parse back
      for (let r = 0; r < dense.length; r++) {
        const row = dense[r];
        if (row) for (let c = 0; c < row.length; c++) if (row[c]) add(r + 1, c + 1, row[c] as XLSX.CellObject);
      }
    } else {
      for (const key of Object.keys(ws)) {
        if (key.charCodeAt(0) === 33 /* ! */) continue;
        const at = decodeKey(key);
        if (at) add(at.row, at.col, ws[key] as XLSX.CellObject);
      }
    }
    out.push({ name, cells, merges });
  }
  return out;
}

/**
 * An .xls / .et (already checked by cfb.ts): its BIFF stream (the Workbook stream cfb.ts gathered), or the whole
 * compound file when it has none SheetJS would look for. The stream goes in as type "buffer" — read in place, as
 * SheetJS reads one in Deno and the browser — not as "array", which copies every byte into a JS array first
 * (measured: the stream read ~3× faster than the compound file, same cells on every converted fixture).
 */
export function readBiff(X: SheetJS, data: { stream: Uint8Array } | { file: Uint8Array }): SparseSheetSnapshot[] {
  const opts: XLSX.ParsingOptions = "stream" in data ? { ...READ_OPTS, type: "buffer" } : READ_OPTS;
  return snapshotsOf(quietly(() => X.read("stream" in data ? data.stream : data.file, opts)));
}

/**
 * Snapshots → an .xlsx SheetJS writes: values (text as text, error values as errors), formulas, number formats and
 * merges. The fill and the marks then work on it as on any .xlsx (src/adapters/xlsx book.ts).
 */
export function writeXlsx(X: SheetJS, sheets: readonly SparseSheetSnapshot[]): Uint8Array {
  const wb = X.utils.book_new();
  for (const s of sheets) {
    const ws: XLSX.WorkSheet = {};
    let maxRow = 0;
    let maxCol = 0;
    for (const c of s.cells) {
      const cell: XLSX.CellObject =
        typeof c.value === "number"
          ? { t: "n", v: c.value }
          : typeof c.value === "boolean"
            ? { t: "b", v: c.value }
            : isErrorValue(c.value)
              ? { t: "e", v: ERROR_CODES[c.value] ?? 42 }
              : c.value === null
                ? { t: "z" }
                : { t: "s", v: c.value };
      if (c.formula) cell.f = c.formula.replace(/^=/, "");
      if (c.numberFormat) cell.z = c.numberFormat;
      ws[X.utils.encode_cell({ r: c.row - 1, c: c.col - 1 })] = cell;
      maxRow = Math.max(maxRow, c.row);
      maxCol = Math.max(maxCol, c.col);
    }
    for (const m of s.merges ?? []) {
      maxRow = Math.max(maxRow, m.bottom);
      maxCol = Math.max(maxCol, m.right);
    }
    ws["!ref"] = maxRow ? X.utils.encode_range({ s: { r: 0, c: 0 }, e: { r: maxRow - 1, c: maxCol - 1 } }) : "A1";
    ws["!merges"] = (s.merges ?? []).map((m) => ({ s: { r: m.top - 1, c: m.left - 1 }, e: { r: m.bottom - 1, c: m.right - 1 } }));
    X.utils.book_append_sheet(wb, ws, s.name);
  }
  const out = X.write(wb, { type: "array", bookType: "xlsx", compression: true }) as ArrayBuffer;
  return new Uint8Array(out);
}
