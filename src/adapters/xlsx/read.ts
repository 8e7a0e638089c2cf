/**
 * The sparse reader: a worksheet part up to 8 MB is read whole by sheetScan.ts, and shared strings up to 32 MB by
 * xml.ts parseWhole — lean readers of the XML spreadsheet writers give (anything else goes to saxes, which decides); a
 * larger part goes through saxes as it is inflated, never held whole. Only cells that hold something are kept — a value far away
 * (XFD1048576) costs one cell, formatted empty rows cost nothing. Shared strings, number formats, merges and formulas
 * (shared formulas expanded to each cell) are resolved. Error values stay error text ("#DIV/0!", the engine's
 * CELL_ERROR); a number too large to be finite stays the text it was written as.
 *
 * A sheet whose rows so far could not start a table (headerRole.ts) stops being kept past KEEP_HEAD cells: the rest is
 * only scanned, byte by byte, for a cell whose text can anchor a header row (headerScan.ts: a shared string judged once
 * per workbook, or 级/目/指 written in the sheet itself — 上级转移支付 or 项目编码 in a 明细 never fire it). When it
 * fires, the sheet is parsed again row by row, still keeping only its head, and only a row that could truly head a
 * table makes it read in full; never found, the sheet's first cells are what the engine sees (enough to say which
 * headers are missing). Every read is bounded (limits.ts).
 */
import type { CellValue, MergedArea, SnapshotCell, SparseSheetSnapshot } from "../../core/snapshot";
import type { ZipArchive } from "./zip";
import { ChunkParser, parsePart, parseWhole, StopParse, type SaxHandlers } from "./xml";
import { C, F, IS, MERGE_CELL, ROW, RPH, T, V, saxHandlersOf, scanSheet, type SheetAttributes, type SheetHandlers } from "./sheetScan";
import { LIMITS, limitError } from "./limits";
import { parseRef } from "./cellRef";
import { shiftFormula } from "./formula";
import type { Styles } from "./styles";
import { canAnchorHeader, couldBeHeaderRow, mayHoldHeader } from "./headerRole";
import { ANCHOR, HeaderScan, HINT, sharedRoles, type SharedRoles } from "./headerScan";
import { MergeIndex } from "../../core/mergeIndex";
import { userError } from "../../core/messages";
import { refOf } from "./cellRef";

/** Cells kept of a sheet that has shown no possible header row yet. */
export const KEEP_HEAD = 20_000;

/** The largest shared strings part read whole (by parseWhole); a larger one streams through saxes. */
const SHARED_WHOLE = 32 * 1024 * 1024;

/** Counts what the whole workbook has cost so far. */
export class Budget {
  cells = 0;
  bytes = 0;
  addCells(n: number, where: string): void {
    this.cells += n;
    if (this.cells > LIMITS.cells) throw limitError("cells", where);
  }
  addBytes(n: number): void {
    this.bytes += n;
    if (this.bytes > LIMITS.totalBytes) throw limitError("totalBytes");
  }
}

/** Excel's escape for characters XML cannot hold (ST_Xstring): "_x001B_" is ESC, "_x005F_" a literal underscore. */
export function unescapeXstring(s: string): string {
  if (s.indexOf("_x") < 0) return s;
  return s.replace(/_x([0-9A-Fa-f]{4})_/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)));
}

/** A string within LIMITS.stringChars; else refused, naming the part (and the cell, written only then). */
function checkString(s: string, part: string, cell?: string | number): string {
  if (s.length > LIMITS.stringChars) throw limitError("stringChars", cell === undefined ? part : `${part}!${cell}`);
  return s;
}

const UTF8 = new TextDecoder("utf-8");
const STREAM = { stream: true };

/**
 * A part's text whole, when it declares no more than `max` bytes (read by parseWhole); null for a larger part, which
 * is streamed through saxes and never held whole.
 */
function wholeText(zip: ZipArchive, part: string, max: number): string | null {
  const entry = zip.entry(part);
  if (!entry || entry.size > max) return null;
  // one decoder for every part: flushed first, so that a part cut short before (a limit thrown) leaves nothing behind
  UTF8.decode();
  const pieces: string[] = [];
  /** The part in one chunk of the size it declares (nothing but a refusal can follow): decoded in one call. */
  let whole: Uint8Array | null = null;
  zip.stream(part, (chunk) => {
    if (pieces.length === 0 && whole === null && chunk.length === entry.size) {
      whole = chunk;
      return;
    }
    if (whole !== null) pieces.push(UTF8.decode(whole, STREAM));
    whole = null;
    pieces.push(UTF8.decode(chunk, STREAM));
  });
  if (whole !== null) return UTF8.decode(whole);
  pieces.push(UTF8.decode());
  return pieces.length === 2 ? pieces[0] + pieces[1] : pieces.join("");
}

/**
 * The shared strings part's handlers (rich text runs joined, phonetic runs left out): one class, so that the parser's
 * calls to them see the same functions in every workbook.
 */
class SharedStringsReader implements SaxHandlers {
  out: string[] = [];
  inSi = false;
  inT = false;
  phonetic = 0;
  cur = "";

  constructor(readonly part: string) {}

  /** Back to the start (saxes reads the part again from its first byte). */
  reset(): void {
    this.out = [];
    this.inSi = false;
    this.inT = false;
    this.phonetic = 0;
    this.cur = "";
  }

  open(name: string): void {
    if (name === "si") {
      this.inSi = true;
      this.cur = "";
    } else if (name === "rPh") this.phonetic++;
    else if (name === "t" && this.inSi && this.phonetic === 0) this.inT = true;
  }

  close(name: string): void {
    if (name === "si") {
      this.inSi = false;
      const s = checkString(unescapeXstring(this.cur), this.part);
      // the first string starts a new array (one that never held small integers: every push sees one kind of array)
      if (this.out.length === 0) this.out = [s];
      else this.out.push(s);
    } else if (name === "rPh") this.phonetic--;
    else if (name === "t") this.inT = false;
  }

  text(t: string): void {
    if (this.inT) {
      this.cur += t;
      if (this.cur.length > LIMITS.stringChars) throw limitError("stringChars", this.part);
    }
  }
}

/** The shared strings, in order (rich text runs joined, phonetic runs left out). */
export function readSharedStrings(zip: ZipArchive, part: string | null, budget: Budget): string[] {
  if (!part) return [];
  const reader = new SharedStringsReader(part);
  // held whole up to SHARED_WHOLE bytes: the strings themselves are held all the same
  const whole = wholeText(zip, part, SHARED_WHOLE);
  if (whole === null || !parseWhole(whole, reader)) {
    // saxes reads what parseWhole does not (from the start again)
    reader.reset();
    parsePart(zip, part, reader);
  }
  budget.addBytes(zip.entry(part)?.size ?? 0);
  return reader.out;
}

/** ISO date-time (t="d") → Excel serial day number. */
function isoSerial(s: string): number | null {
  const t = Date.parse(/[zZ]|[+-]\d\d:?\d\d$/.test(s) || !s.includes("T") ? s : `${s}Z`);
  return Number.isFinite(t) ? t / 86400000 + 25569 : null;
}

interface SheetReadResult {
  snapshot: SparseSheetSnapshot;
  /** False when no row could start a table (the cells are then only the sheet's head). */
  mayHoldTable: boolean;
  /** How many times the sheet's XML was read: 1, or more when the scan or a header row past the head sent it back. */
  passes: number;
}

/** Thrown by a handler when the scanner must hand the sheet over to saxes and the scan (its head is read). */
class Handover extends Error {
  constructor() {
    super("handover");
  }
}

/** A shared formula's first cell: where it is and its text. */
interface FormulaGroup {
  row: number;
  col: number;
  text: string;
}

/** A text cell of the row being read. */
interface RowText {
  col: number;
  text: string;
}

/** A cell of a shared formula whose first cell comes later in the file. */
interface PendingCell {
  cell: SnapshotCell;
  si: string;
}

/**
 * One sheet's reading: its state and the handlers the scanner (or saxes) calls. One class, its state set in the
 * constructor, so that the calls to the handlers see the same functions and the state the same shape in every sheet.
 */
class SheetReader implements SheetHandlers {
  readonly cells: SnapshotCell[] = [];
  readonly merges: MergedArea[] = [];
  readonly groups = new Map<string, FormulaGroup>();
  keeping = true;
  candidate: boolean;
  /** Why the sheet must be read again: a row that could head a table ("header"), or the scan's hint ("scan"). */
  restart: "header" | "scan" | null = null;
  row = 0;
  lastCol = 0;
  rowTexts: RowText[] = [];
  rowHint = false;
  rowAnchor = false;
  // the open cell
  inCell = false;
  col = 0;
  type = "n";
  style = 0;
  v = "";
  inV = false;
  f: string | null = null;
  inF = false;
  // the formula's t and si attributes
  fType: string | undefined = undefined;
  fShared: string | undefined = undefined;
  inIs = 0;
  inT = false;
  phonetic = 0;
  isText = "";
  scanned = 0;
  /** The largest cell key kept so far, and whether a cell came at or before it (rows or cells out of order, or twice). */
  lastKey = -1;
  disordered = false;
  /** Cells of a shared formula whose first cell comes later in the file (rows stored in descending order). */
  readonly pending: PendingCell[] = [];

  constructor(
    readonly name: string,
    readonly shared: string[],
    readonly styles: Styles,
    readonly budget: Budget,
    readonly roles: SharedRoles,
    keepAll: boolean,
    /** Whether the part is held whole (read by the scanner, which hands it over to saxes past the head). */
    readonly whole: boolean,
  ) {
    this.candidate = keepAll;
  }

  endCell(): void {
    const v = this.v;
    const f = this.f;
    const fType = this.fType;
    const candidate = this.candidate;
    const col = this.col;
    const row = this.row;
    let value: CellValue = null;
    let role = -1;
    switch (this.type) {
      case "s": {
        const i = Number(v);
        value = v === "" || !Number.isInteger(i) ? null : (this.shared[i] ?? null);
        if (value !== null && !candidate) role = this.roles.of(i);
        break;
      }
      case "inlineStr":
        value = unescapeXstring(this.isText);
        break;
      case "str":
        value = v;
        break;
      case "b":
        value = v === "" ? null : v === "1" || v === "true";
        break;
      case "e":
        value = v === "" ? null : v;
        break;
      case "d":
        value = v === "" ? null : (isoSerial(v) ?? v);
        break;
      default: {
        if (v === "") value = null;
        else {
          const n = Number(v);
          // a number too large (or not a number at all) stays the text it was written as
          value = Number.isFinite(n) ? n : v;
        }
      }
    }
    if (typeof value === "string") {
      checkString(value, this.name, col);
      if (value === "") value = null;
    }
    let formula: string | null = null;
    let later: string | null = null;
    if (f !== null || fType === "shared") {
      const si = this.fShared;
      if (fType === "shared" && si !== undefined) {
        if (f && f.trim() !== "") {
          this.groups.set(si, { row, col, text: f });
          formula = f;
        } else {
          const g = this.groups.get(si);
          formula = g ? shiftFormula(g.text, row - g.row, col - g.col) : null;
          if (!g) later = si;
        }
      } else formula = f && f !== "" ? f : null;
    }
    if (value === null && formula === null && later === null) return;
    this.scanned++;
    if (typeof value === "string" && !candidate) {
      if (role < 0) role = (mayHoldHeader(value) ? HINT : 0) | (canAnchorHeader(value) ? ANCHOR : 0);
      if (role & HINT) this.rowHint = true;
      if (role & ANCHOR) this.rowAnchor = true;
      this.rowTexts.push({ col, text: value });
    }
    if (!this.keeping) {
      if (this.scanned > LIMITS.scannedCells) throw limitError("cells", this.name);
      return;
    }
    this.budget.addCells(1, this.name);
    const k = row * 32768 + col;
    if (k <= this.lastKey) this.disordered = true;
    else this.lastKey = k;
    const cell: SnapshotCell = {
      row,
      col,
      value,
      formula: formula === null ? null : `=${formula}`,
      numberFormat: this.styles.numberFormat(this.style),
    };
    if (later !== null) this.pending.push({ cell, si: later });
    this.cells.push(cell);
  }

  endRow(): void {
    if (!this.candidate && this.rowHint && this.rowAnchor && couldBeHeaderRow(this.row, this.rowTexts)) {
      this.candidate = true;
      if (!this.keeping) {
        this.restart = "header";
        throw new StopParse();
      }
    }
    if (this.rowTexts.length) this.rowTexts = [];
    this.rowHint = false;
    this.rowAnchor = false;
    if (this.keeping && !this.candidate && this.cells.length >= KEEP_HEAD) {
      this.keeping = false;
      if (this.whole) throw new Handover();
    }
  }

  open(tag: number, a: SheetAttributes, selfClosing: boolean): void {
    if (this.inCell) {
      if (tag === V) {
        this.inV = true;
        this.v = "";
      } else if (tag === F) {
        this.fType = a.t;
        this.fShared = a.si;
        this.f = "";
        this.inF = !selfClosing;
      } else if (tag === IS) this.inIs++;
      else if (tag === RPH) this.phonetic++;
      else if (tag === T && this.inIs > 0 && this.phonetic === 0) this.inT = true;
      return;
    }
    if (tag === C) {
      const pos = a.r ? parseRef(a.r) : null;
      const col = pos ? pos.col : this.lastCol + 1;
      this.col = col;
      if (pos && pos.row !== this.row) this.row = pos.row;
      this.lastCol = col;
      this.type = a.t ?? "n";
      this.style = a.s ? Number(a.s) : 0;
      this.v = "";
      this.f = null;
      this.fType = undefined;
      this.fShared = undefined;
      this.isText = "";
      this.inIs = 0;
      this.phonetic = 0;
      if (selfClosing) return;
      this.inCell = true;
    } else if (tag === ROW) {
      this.row = a.r ? Number(a.r) : this.row + 1;
      this.lastCol = 0;
      if (selfClosing) this.endRow();
    } else if (tag === MERGE_CELL && a.ref) {
      const [s, e] = a.ref.split(":");
      const ps = parseRef(s);
      const pe = parseRef(e ?? s);
      if (ps && pe) this.merges.push({ top: ps.row, left: ps.col, bottom: pe.row, right: pe.col });
      if (this.merges.length > LIMITS.merges) throw limitError("merges", this.name);
    }
  }

  close(tag: number): void {
    if (this.inCell) {
      if (tag === C) {
        this.inCell = false;
        this.endCell();
      } else if (tag === V) this.inV = false;
      else if (tag === F) this.inF = false;
      else if (tag === IS) this.inIs--;
      else if (tag === RPH) this.phonetic--;
      else if (tag === T) this.inT = false;
      return;
    }
    if (tag === ROW) this.endRow();
  }

  text(t: string): void {
    if (!this.inCell) return;
    if (this.inV) {
      this.v += t;
      if (this.v.length > LIMITS.stringChars) throw limitError("stringChars", this.name);
    } else if (this.inF) this.f += t;
    else if (this.inT) {
      this.isText += t;
      if (this.isText.length > LIMITS.stringChars) throw limitError("stringChars", this.name);
    }
  }
}

/** Reads one worksheet into a sparse snapshot. */
export function readSheet(
  zip: ZipArchive,
  name: string,
  part: string,
  shared: string[],
  styles: Styles,
  budget: Budget,
  opts: {
    /** Keep every cell (a row that could head a table was found past the head). */
    keepAll?: boolean;
    /** Parse every row past the head instead of the textual scan (the scan found a possible header). */
    parseAll?: boolean;
    /** Read through saxes only (the scanner found the part's text outside what it reads). */
    saxes?: boolean;
  } = {},
): SheetReadResult {
  // a part small enough is read whole by sheetScan.ts while the sheet is kept; past its head, saxes and the scan as before
  const whole = opts.saxes ? null : wholeText(zip, part, LIMITS.ratioFrom);
  const parseAll = opts.parseAll === true;
  const roles = sharedRoles(shared);
  const reader = new SheetReader(name, shared, styles, budget, roles, opts.keepAll === true, whole !== null);
  const { cells, merges, groups, pending } = reader;
  // While the head is kept, saxes reads every cell. Once a sheet has shown no possible header row in KEEP_HEAD cells,
  // the rest is only scanned for a cell that can anchor one (headerScan.ts); found, the sheet is parsed again.
  if (whole !== null) {
    let handover = false;
    try {
      handover = !scanSheet(whole, reader);
    } catch (e) {
      if (e instanceof Handover) handover = true;
      else if (!(e instanceof StopParse)) throw e;
    }
    if (handover) {
      budget.addCells(-cells.length, name);
      return readSheet(zip, name, part, shared, styles, budget, { ...opts, saxes: true });
    }
  } else streamSheet();
  function streamSheet(): void {
    const parser = new ChunkParser(saxHandlersOf(reader));
    const decoder = new TextDecoder("utf-8");
    const scanner = new HeaderScan(roles);
    let parsed: Uint8Array | null = null;
    try {
      zip.stream(part, (chunk) => {
        if (reader.keeping || reader.candidate || parseAll) {
          parser.write(decoder.decode(chunk, { stream: true }), part);
          parsed = chunk.slice(Math.max(0, chunk.length - 4096)); // a copy: the inflater reuses its buffer
          return;
        }
        // the scan starts where the parse stopped keeping: the end of the last parsed chunk is seen again (a cell cut there)
        if (parsed) scanner.carryFrom(parsed);
        parsed = null;
        if (scanner.feed(chunk)) {
          reader.restart = "scan";
          throw new StopParse();
        }
      });
      if (reader.keeping || reader.candidate || parseAll) {
        parser.write(decoder.decode(), part);
        parser.close(part);
      }
    } catch (e) {
      if (!(e instanceof StopParse)) throw e;
    }
  }
  budget.addBytes(zip.entry(part)?.size ?? 0);
  const restart = reader.restart;
  if (restart) {
    budget.addCells(-cells.length, name);
    const again = readSheet(
      zip,
      name,
      part,
      shared,
      styles,
      budget,
      restart === "header" ? { ...opts, keepAll: true } : { ...opts, parseAll: true },
    );
    return { ...again, passes: again.passes + 1 };
  }
  let kept = cells;
  if (pending.length) {
    for (const { cell, si } of pending) {
      const g = groups.get(si);
      if (g) cell.formula = `=${shiftFormula(g.text, cell.row - g.row, cell.col - g.col)}`;
    }
    kept = kept.filter((c) => c.value !== null || c.formula !== null);
  }
  if (reader.disordered) kept = withoutCopies(kept, name);
  return { snapshot: { name, cells: withoutCovered(kept, merges, name), merges }, mayHoldTable: reader.candidate, passes: 1 };
}

/**
 * A cell stored more than once (rows or cells the file repeats) is read once when its copies hold the same content and
 * format; copies that differ are refused (UserError): spreadsheets disagree on which one shows (LibreOffice the later,
 * a repair in Excel may keep either), so no copy can be taken for the user's value.
 */
function withoutCopies(cells: SnapshotCell[], name: string): SnapshotCell[] {
  const key = (c: SnapshotCell) => c.row * 32768 + c.col;
  const keys = new Float64Array(cells.length);
  cells.forEach((c, i) => (keys[i] = key(c)));
  keys.sort();
  const twice = new Set<number>();
  for (let i = 1; i < keys.length; i++) if (keys[i] === keys[i - 1]) twice.add(keys[i]);
  if (twice.size === 0) return cells;
  const first = new Map<number, SnapshotCell>();
  return cells.filter((c) => {
    const k = key(c);
    if (!twice.has(k)) return true;
    const a = first.get(k);
    if (!a) {
      first.set(k, c);
      return true;
    }
    if (a.value !== c.value || a.formula !== c.formula || a.numberFormat !== c.numberFormat)
      throw userError("cell-stored-twice", { cell: `${name}!${refOf(c.row, c.col)}` });
    return false;
  });
}

/** Drops cells hidden under a merge (only its top-left cell shows); merges are ranges, never expanded cell by cell. */
function withoutCovered(cells: SnapshotCell[], merges: MergedArea[], name: string): SnapshotCell[] {
  if (merges.length === 0) return cells;
  const index = new MergeIndex(merges);
  if (!index.complete) throw limitError("merges", name);
  return cells.filter((c) => !index.covers(c.row, c.col));
}
