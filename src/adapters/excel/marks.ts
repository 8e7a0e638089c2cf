/**
 * ExcelHost's marks. The note is a Note (ExcelApi 1.18: a plain cell note, what the .xlsx host writes too, no
 * conversation thread), falling back to a threaded Comment (ExcelApi 1.10) where notes are missing; below 1.10 there
 * is no way to annotate a cell and marking says so. The fill is `range.format.fill` (color; pattern and tints with
 * ExcelApi 1.9). The mark ledger is a custom XML part (MARKS_NAMESPACE) next to the undo record's; without
 * ExcelApi 1.5 both live in memory.
 * Syncs: applyMarks 5 (4 when no sheet holds a note or comment), clearMarks 6, readMarks 3, undo of a mark or clear 6.
 */
import type { CellMark } from "../../core/marks";
import { isOwnNote } from "../../core/marks";
import { userError } from "../../core/messages";
import {
  FILE_MARKS_NAMESPACE,
  MARKS_NAMESPACE,
  UNDO_NAMESPACE,
  cellKey,
  clearRecord,
  jsonFromXml,
  jsonToXml,
  ledgerFromJson,
  ledgerToJson,
  markFillOf,
  markRecord,
  marksOn,
  noteStep,
  normalizeCell,
  refuseSheets,
  sortMarks,
  uniqueSheets,
  undoRecordToXml,
  type CellNow,
  type FillState,
  type LedgerEntry,
  type Purpose,
  type UndoRecord,
} from "../sheet";
import { missingSheets, protectedSheets, queueSheets } from "./sheets";

/** What marking needs from its host: its API levels, its clock, the memory used without custom XML parts. */
export interface MarkEnv {
  supports(version: string): boolean;
  now: () => Date;
  memory: { record: UndoRecord | null; ledger: LedgerEntry[] };
  partialWriteError(cause: unknown): Error;
}

/** A Note (ExcelApi 1.18) or a Comment (ExcelApi 1.10): the members marking uses, which both have. */
interface Annotation {
  content: string;
  delete(): void;
  getLocation(): Excel.Range;
}

interface Annotations {
  readonly items: Annotation[];
  load(propertyNames: string): unknown;
  add(cellAddress: Excel.Range, content: string): Annotation;
}

type NoteApi = "notes" | "comments";

/** What marking found in the workbook before acting (see survey()). */
interface MarkSurvey {
  /** Surveyed sheets by lower-case name: name and protection loaded. */
  sheets: Map<string, Excel.Worksheet>;
  /** Sheet names in workbook (or asked) order. */
  names: string[];
  ledger: LedgerEntry[];
  ledgerParts: Excel.CustomXmlPart[];
  undoParts: Excel.CustomXmlPart[];
  /** The .xlsx host's record of marks it wrote (see FILE_MARKS_NAMESPACE). */
  fileRecordParts: Excel.CustomXmlPart[];
  /** Our notes by cellKey. */
  own: Map<string, { sheet: string; cell: string; content: string; item: Annotation }>;
  /** Cells holding a person's note or comment. */
  others: Set<string>;
  annotations: Map<string, Annotations>;
}

const RICH_FILL = "color,pattern,patternColor,tintAndShade,patternTintAndShade";

/** A cell's fill as loaded; without ExcelApi 1.9 a white cell cannot be told from one without fill (both "#FFFFFF"). */
function fillStateOf(f: Excel.RangeFill, rich: boolean): FillState {
  if (!rich) return f.color && f.color.toUpperCase() !== "#FFFFFF" ? { color: f.color.toUpperCase() } : { color: null };
  if (f.pattern === "None") return { color: null };
  return {
    color: f.color ? f.color.toUpperCase() : null,
    pattern: f.pattern,
    patternColor: f.patternColor,
    tintAndShade: f.tintAndShade,
    patternTintAndShade: f.patternTintAndShade,
  };
}

/** Queues the writes that give a cell this fill. */
function queueFill(fill: Excel.RangeFill, state: FillState, rich: boolean): void {
  if (state.color === null) {
    fill.clear();
    return;
  }
  fill.color = state.color;
  if (!rich) return;
  if (typeof state.pattern === "string") fill.pattern = state.pattern as Excel.FillPattern;
  if (typeof state.patternColor === "string") fill.patternColor = state.patternColor;
  if (typeof state.tintAndShade === "number") fill.tintAndShade = state.tintAndShade;
  if (typeof state.patternTintAndShade === "number") fill.patternTintAndShade = state.patternTintAndShade;
}

/** Queues the note `want` (null: none of ours) on a surveyed cell. */
function queueNote(s: MarkSurvey, sheet: string, cell: string, want: string | null): void {
  const k = cellKey(sheet, cell);
  const own = s.own.get(k);
  const step = noteStep(own?.content ?? null, s.others.has(k), want);
  if (step === "delete") own?.item.delete();
  else if (step === "set" && own) own.item.content = want as string;
  else if (step === "add") {
    const ws = s.sheets.get(sheet.toLowerCase()) as Excel.Worksheet;
    (s.annotations.get(sheet.toLowerCase()) as Annotations).add(ws.getRange(cell), want as string);
  }
}

/** The cells as a survey and their loaded fills show them. */
function cellsNow(s: MarkSurvey, marks: readonly CellMark[], fills: FillState[]): CellNow[] {
  return marks.map((m, i) => {
    const k = cellKey(m.sheet, m.cell);
    const sheet = (s.sheets.get(m.sheet.toLowerCase()) as Excel.Worksheet).name;
    return { sheet, cell: m.cell, fill: fills[i], own: s.own.get(k)?.content ?? null, person: s.others.has(k) };
  });
}

function loadFills(s: { sheets: Map<string, Excel.Worksheet> }, marks: readonly CellMark[], rich: boolean): Excel.RangeFill[] {
  return marks.map((m) => {
    const f = (s.sheets.get(m.sheet.toLowerCase()) as Excel.Worksheet).getRange(m.cell).format.fill;
    f.load(rich ? RICH_FILL : "color");
    return f;
  });
}

export class ExcelMarks {
  constructor(private readonly env: MarkEnv) {}

  /** The API the marks' notes use: notes where there are (ExcelApi 1.18), threaded comments (1.10) where not. */
  noteApi(): NoteApi {
    if (this.env.supports("1.18")) return "notes";
    if (this.env.supports("1.10")) return "comments";
    throw userError("no-notes");
  }

  /**
   * Three syncs: (1) the sheets (named, or all) with their protection, and the ids of the ledger and undo parts;
   * (2) every surveyed sheet's notes (or comments) with their text, the ledger's XML, and whatever `alsoLoad` queues;
   * (3) where each note is (skipped when there is none).
   */
  private async survey(
    context: Excel.RequestContext,
    scope: string[] | "all",
    purpose: Purpose,
    alsoLoad?: (sheets: Map<string, Excel.Worksheet>) => void,
  ): Promise<MarkSurvey> {
    const api = this.noteApi();
    const useXml = this.env.supports("1.5");
    const wb = context.workbook;
    let all: Excel.WorksheetCollection | null = null;
    if (scope === "all") {
      all = wb.worksheets;
      all.load("items/name,items/protection/protected");
    }
    const sheets = scope === "all" ? new Map<string, Excel.Worksheet>() : queueSheets(wb, scope);
    const ledgerScope = useXml ? wb.customXmlParts.getByNamespace(MARKS_NAMESPACE) : null;
    ledgerScope?.load("items/id");
    const undoScope = useXml ? wb.customXmlParts.getByNamespace(UNDO_NAMESPACE) : null;
    undoScope?.load("items/id");
    const fileScope = useXml ? wb.customXmlParts.getByNamespace(FILE_MARKS_NAMESPACE) : null;
    fileScope?.load("items/id");
    await context.sync();
    if (all) for (const ws of all.items) sheets.set(ws.name.toLowerCase(), ws);
    else refuseSheets(purpose, missingSheets(sheets, scope as string[]));
    const names = [...sheets.values()].map((ws) => ws.name);

    const annotations = new Map<string, Annotations>();
    // With notes, a cell may instead hold a person's threaded comment (one or the other per cell): those cells are
    // someone else's too, so the comments are read as well (ExcelApi 1.18 includes 1.10).
    const threads = new Map<string, Annotations>();
    for (const [k, ws] of sheets) {
      const coll = (api === "notes" ? ws.notes : ws.comments) as unknown as Annotations;
      coll.load("items/content");
      annotations.set(k, coll);
      if (api === "notes") {
        const comments = ws.comments as unknown as Annotations;
        comments.load("items/content");
        threads.set(k, comments);
      }
    }
    const ledgerParts = ledgerScope ? ledgerScope.items : [];
    const xmls = ledgerParts.map((p) => p.getXml());
    alsoLoad?.(sheets);
    await context.sync();

    const located: { sheet: string; item: Annotation; at: Excel.Range; thread: boolean }[] = [];
    for (const [list, thread] of [
      [annotations, false],
      [threads, true],
    ] as const) {
      for (const [k, coll] of list) {
        for (const item of coll.items) {
          const at = item.getLocation();
          at.load("address");
          located.push({ sheet: (sheets.get(k) as Excel.Worksheet).name, item, at, thread });
        }
      }
    }
    if (located.length > 0) await context.sync();
    const own: MarkSurvey["own"] = new Map();
    const others = new Set<string>();
    for (const { sheet, item, at, thread } of located) {
      const cell = normalizeCell(at.address.replace(/^.*!/, ""));
      if (!cell) continue;
      const k = cellKey(sheet, cell);
      if (!thread && isOwnNote(item.content)) own.set(k, { sheet, cell, content: item.content, item });
      else others.add(k);
    }

    let ledger: LedgerEntry[] = this.env.memory.ledger;
    if (useXml) {
      // One part normally; should an interrupted write have left two, the newest wins.
      let best: { created: string; cells: LedgerEntry[] } | null = null;
      for (const x of xmls) {
        const json = jsonFromXml("marks", x.value);
        const cells = json === null ? null : ledgerFromJson(json);
        if (!cells || json === null) continue;
        const created = String((JSON.parse(json) as { created?: unknown }).created ?? "");
        if (!best || created > best.created) best = { created, cells };
      }
      ledger = best ? best.cells : [];
    }
    // Entries of sheets that no longer exist are dropped.
    ledger = ledger.filter((e) => sheets.has(e.sheet.toLowerCase()) || scope !== "all");
    return {
      sheets,
      names,
      ledger,
      ledgerParts,
      undoParts: undoScope ? undoScope.items : [],
      fileRecordParts: fileScope ? fileScope.items : [],
      own,
      others,
      annotations,
    };
  }

  private ledgerXml(entries: LedgerEntry[]): string {
    return jsonToXml("marks", MARKS_NAMESPACE, ledgerToJson(entries, this.env.now().toISOString()));
  }

  /** Five syncs: the survey (3, with the target cells' fills), the undo record and the new ledger, the writes. */
  async applyMarks(context: Excel.RequestContext, marks: readonly CellMark[]): Promise<void> {
    const useXml = this.env.supports("1.5");
    const rich = this.env.supports("1.9");
    let fills: Excel.RangeFill[] = [];
    const s = await this.survey(context, uniqueSheets(marks.map((m) => m.sheet)), "write", (sheets) => {
      fills = loadFills({ sheets }, marks, rich);
    });
    refuseSheets("write", [], protectedSheets(s.sheets, s.names));
    const { record, ledger } = markRecord(
      marks,
      cellsNow(
        s,
        marks,
        fills.map((f) => fillStateOf(f, rich)),
      ),
      s.ledger,
      this.env.now,
    );
    // The undo record and the new ledger are in the workbook BEFORE any write.
    if (useXml) {
      context.workbook.customXmlParts.add(undoRecordToXml(record));
      context.workbook.customXmlParts.add(this.ledgerXml(ledger));
      await context.sync();
    }
    for (const m of marks) {
      queueFill((s.sheets.get(m.sheet.toLowerCase()) as Excel.Worksheet).getRange(m.cell).format.fill, markFillOf(m.fill, "Solid"), rich);
      queueNote(s, m.sheet, m.cell, m.note);
    }
    for (const p of [...s.undoParts, ...s.ledgerParts]) p.delete();
    try {
      await context.sync();
    } catch (e) {
      throw this.env.partialWriteError(e);
    } finally {
      // Also when a write failed: the record stays, and 撤销 puts back whatever part of the batch ran.
      if (!useXml) {
        this.env.memory.record = record;
        this.env.memory.ledger = ledger;
      }
    }
  }

  async readMarks(context: Excel.RequestContext): Promise<CellMark[]> {
    const s = await this.survey(context, "all", "write");
    return sortMarks(marksOn(s.own.values(), s.ledger, s.names), s.names);
  }

  /** Six syncs: the survey (3), the marked cells' fills, the undo record, the writes. */
  async clearMarks(context: Excel.RequestContext): Promise<number> {
    const useXml = this.env.supports("1.5");
    const rich = this.env.supports("1.9");
    const s = await this.survey(context, "all", "write");
    const marks = marksOn(s.own.values(), s.ledger, s.names);
    if (marks.length === 0) return 0;
    const sheetOf = (name: string) => s.sheets.get(name.toLowerCase()) as Excel.Worksheet;
    refuseSheets("write", [], protectedSheets(s.sheets, uniqueSheets(marks.map((m) => sheetOf(m.sheet).name))));
    const loaded = loadFills(s, marks, rich);
    await context.sync();
    const { record, fills } = clearRecord(
      marks,
      cellsNow(
        s,
        marks,
        loaded.map((f) => fillStateOf(f, rich)),
      ),
      s.ledger,
      this.env.now,
    );
    if (useXml) {
      context.workbook.customXmlParts.add(undoRecordToXml(record));
      await context.sync();
    }
    marks.forEach((m, i) => {
      const fill = fills[i];
      if (fill) queueFill(sheetOf(m.sheet).getRange(m.cell).format.fill, fill, rich);
      queueNote(s, m.sheet, m.cell, null);
    });
    for (const p of [...s.undoParts, ...s.ledgerParts, ...s.fileRecordParts]) p.delete();
    try {
      await context.sync();
    } catch (e) {
      throw this.env.partialWriteError(e);
    } finally {
      if (!useXml) this.env.memory.record = record;
    }
    this.env.memory.ledger = [];
    return marks.length;
  }

  /** Undo of a mark or a clear: each touched cell's fill and own note as they were, and the ledger as it was. */
  async restoreMarks(context: Excel.RequestContext, record: UndoRecord): Promise<void> {
    const cells = record.marks ?? [];
    const useXml = this.env.supports("1.5");
    const rich = this.env.supports("1.9");
    const s = await this.survey(context, uniqueSheets(cells.map((c) => c.sheet)), "undo");
    refuseSheets("undo", [], protectedSheets(s.sheets, s.names));
    for (const c of cells) {
      queueFill((s.sheets.get(c.sheet.toLowerCase()) as Excel.Worksheet).getRange(c.cell).format.fill, c.fill, rich);
      queueNote(s, c.sheet, c.cell, c.note);
    }
    const ledger = record.ledger ?? [];
    for (const p of [...s.ledgerParts, ...s.undoParts]) p.delete();
    if (useXml && ledger.length > 0) context.workbook.customXmlParts.add(this.ledgerXml(ledger));
    await context.sync();
    this.env.memory.ledger = ledger;
  }
}
