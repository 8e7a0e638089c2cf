/**
 * A workbook package read sparsely and written surgically (SPEC §5.1). The plan's changes live in an overlay, cell by
 * cell, with the history of what each cell held before (undo); the bytes are made from the package as read, with only
 * the overlaid `<c>` elements replaced, the number formats they need added to the styles part, calcChain dropped and
 * a full recalculation asked for on load. Every other part keeps its compressed bytes.
 */
import type { CellValue, SheetSnapshot, SnapshotCell, SparseSheetSnapshot } from "../../core/snapshot";
import type { CellChange, FillPlan } from "../../core/plan";
import { someOf, userError } from "../../core/messages";
import { ZipArchive } from "./zip";
import { REL, readPackage, relsPartOf, tagsOf, type PackageMap } from "./opc";
import { STYLES_CONTENT_TYPE, STYLES_REL_TYPE, Styles } from "./styles";
import { addOverride, addRelationship, freeRelId, newRelsXml, relativeTarget } from "./markParts";
import { Budget, readSharedStrings, readSheet } from "./read";
import { SheetXml, type CellEdit } from "./sheetEdit";
import { attributesOf, declaredUtf8, escapeText, findElement, removeAttribute, setAttribute } from "./xml";
import { parseRef, refOf } from "./cellRef";
import { shiftFormula } from "./formula";
import type { CellMark, MarkPlan } from "../../core/marks";
import { computeCells } from "../../core/evaluate";
import { isErrorValue } from "../../core/snapshot";
import { MarkLayer, type MarksSnapshot } from "./markLayer";
import { keepStored } from "./storedEntries";

/** What a cell shows after the plan: new content (or the content it had), and a number format (or the one it had). */
interface Overlay {
  /** A formula's `value` is the result it computes (evaluate.ts), written as the cell's cached `<v>`; null when unknown. */
  content: { formula: string | null; value: CellValue } | null;
  /** undefined keeps the cell's format; null is General. */
  numberFormat: string | null | undefined;
}

const COLS = 32768;
const key = (row: number, col: number) => row * COLS + col;

export interface XlsxBook {
  /** Worksheet names, in workbook order. */
  sheetNames(): string[];
  /** Every worksheet as the engine sees it (with the changes applied so far). */
  snapshots(): SheetSnapshot[];
  /** Takes every change of the plan, all or nothing. Throws UserError (nothing taken) when one cannot be made. */
  apply(plan: FillPlan): void;
  /** Puts back what the changes replaced (exactly what the cell held before this book changed it). */
  restore(changes: CellChange[]): void;
  /** The workbook as bytes: the file read, with only the changed cells different. */
  toBuffer(): Promise<Uint8Array>;
  /** Same, synchronously. */
  bytes(): Uint8Array;
  /** 标注问题 / 清除标注: notes and fills on cells, never a value or a formula (markLayer.ts). */
  readonly marks: BookMarks;
}

/** The marks of a book: what apply/clear change is written by bytes(); snapshots give undo. */
export interface BookMarks {
  /** Takes every mark of the plan, all or nothing (UserError: a missing or protected sheet, a bad address). */
  apply(plan: MarkPlan): void;
  /** The marks the book holds (read from the file, plus applied, minus cleared). */
  read(): CellMark[];
  /** Takes every mark of ours away; returns how many cells were marked. */
  clear(): number;
  snapshot(): MarksSnapshot;
  restore(snapshot: MarksSnapshot): void;
}

export class PackageBook implements XlsxBook {
  private readonly pkg: PackageMap;
  private readonly styles: Styles;
  private shared: string[] | null = null;
  private readonly budget = new Budget();
  private readonly base = new Map<string, SparseSheetSnapshot>();
  private readonly xml = new Map<string, SheetXml>();
  private readonly overlay = new Map<string, Map<number, Overlay>>();
  private readonly history = new Map<string, (Overlay | undefined)[]>();
  private readonly layer: MarkLayer;
  readonly marks: BookMarks;

  constructor(private readonly zip: ZipArchive) {
    this.pkg = readPackage(zip);
    this.styles = new Styles(this.pkg.stylesPart ? zip.text(this.pkg.stylesPart) : null);
    this.layer = new MarkLayer(zip, this.pkg, (name) => this.sheetXml(name));
    const layer = this.layer;
    this.marks = {
      apply: (plan) => layer.apply(plan),
      read: () => layer.read(),
      clear: () => layer.clear(),
      snapshot: () => layer.snapshot(),
      restore: (s) => layer.restore(s),
    };
  }

  /** The input's bytes. */
  get input(): Uint8Array {
    return this.zip.bytes;
  }

  sheetNames(): string[] {
    return this.pkg.sheets.map((s) => s.name);
  }

  /** Reads every sheet now (the limits apply here); later snapshots() calls reuse what was read. */
  readAll(): void {
    for (const s of this.pkg.sheets) this.baseSnapshot(s.name);
  }

  private baseSnapshot(name: string): SparseSheetSnapshot {
    let snap = this.base.get(name);
    if (!snap) {
      const entry = this.pkg.sheets.find((s) => s.name === name)!;
      if (!this.shared) {
        this.shared = readSharedStrings(this.zip, this.pkg.sharedStringsPart, this.budget);
      }
      snap = readSheet(this.zip, name, entry.part, this.shared, this.styles, this.budget).snapshot;
      this.base.set(name, snap);
    }
    return snap;
  }

  private sheetXml(name: string): SheetXml {
    let sx = this.xml.get(name);
    if (!sx) {
      const entry = this.pkg.sheets.find((s) => s.name === name)!;
      sx = new SheetXml(this.zip.text(entry.part), entry.part, name);
      this.xml.set(name, sx);
    }
    return sx;
  }

  snapshots(): SheetSnapshot[] {
    return this.pkg.sheets.map((s) => this.snapshot(s.name));
  }

  private snapshot(name: string): SparseSheetSnapshot {
    const base = this.baseSnapshot(name);
    const ov = this.overlay.get(name);
    if (!ov || ov.size === 0) return base;
    const baseByKey = new Map<number, SnapshotCell>();
    for (const c of base.cells) if (ov.has(key(c.row, c.col))) baseByKey.set(key(c.row, c.col), c);
    const cells = base.cells.filter((c) => !ov.has(key(c.row, c.col)));
    for (const [k, o] of ov) {
      const row = Math.floor(k / COLS);
      const col = k % COLS;
      const was = baseByKey.get(k);
      const content = o.content ?? (was ? { formula: was.formula ?? null, value: was.value } : { formula: null, value: null });
      const numberFormat =
        o.numberFormat !== undefined
          ? o.numberFormat
          : (was?.numberFormat ?? this.styles.numberFormat(this.sheetXml(name).styleOf(row, col)));
      if (content.formula === null && (content.value === null || content.value === "")) continue;
      cells.push({
        row,
        col,
        value: content.value,
        formula: content.formula ? (content.formula.startsWith("=") ? content.formula : `=${content.formula}`) : null,
        numberFormat: numberFormat === "General" ? null : numberFormat,
      });
    }
    return { name, cells, merges: base.merges };
  }

  apply(plan: FillPlan): void {
    const targets = plan.changes.map((c) => this.target(c));
    const locked = targets.filter((t) => t.locked);
    if (locked.length) {
      const cells = someOf(
        locked.map((t) => `${t.change.sheet}!${t.change.cell}`),
        6,
      );
      throw userError("cells-locked", { cells });
    }
    for (const t of targets) {
      const c = t.change;
      const ov = this.sheetOverlay(c.sheet);
      const prev = ov.get(t.key);
      const hk = `${c.sheet}\u0000${t.key}`;
      let h = this.history.get(hk);
      if (!h) this.history.set(hk, (h = []));
      h.push(prev);
      const hasContent = c.after.formula !== undefined || c.after.value !== undefined;
      ov.set(t.key, {
        content: hasContent
          ? { formula: c.after.formula ?? null, value: c.after.formula ? null : (c.after.value ?? null) }
          : (prev?.content ?? null),
        numberFormat: c.after.numberFormat !== undefined ? c.after.numberFormat : prev?.numberFormat,
      });
    }
    for (const sheet of new Set(plan.changes.map((c) => c.sheet))) this.recompute(sheet);
  }

  /**
   * Every formula this book wrote on the sheet gets the value it computes over the sheet as it now stands (the cached
   * result a viewer that does not recalculate shows; Excel, WPS and LibreOffice still recalculate on load).
   */
  private recompute(sheet: string): void {
    const ov = this.overlay.get(sheet);
    if (!ov) return;
    const written = [...ov].filter(([, o]) => o.content);
    if (written.length === 0) return;
    const cells = new Map<string, { formula: string | null; value: CellValue }>();
    for (const c of this.snapshot(sheet).cells) cells.set(refOf(c.row, c.col), { formula: c.formula ?? null, value: c.value });
    const dirty = written.map(([k]) => refOf(Math.floor(k / COLS), k % COLS));
    const computed = computeCells(cells, dirty);
    for (const [k, o] of written) {
      if (!o.content!.formula) continue;
      const v = computed.get(refOf(Math.floor(k / COLS), k % COLS));
      ov.set(k, { ...o, content: { formula: o.content!.formula, value: v === undefined ? null : v } });
    }
  }

  restore(changes: CellChange[]): void {
    const targets = changes.map((c) => this.target(c));
    for (const t of targets) {
      const c = t.change;
      const ov = this.sheetOverlay(c.sheet);
      const h = this.history.get(`${c.sheet}\u0000${t.key}`);
      if (h && h.length) {
        const prev = h.pop();
        if (prev === undefined) ov.delete(t.key);
        else ov.set(t.key, prev);
      } else {
        // not changed by this book: write what the change says the cell held
        ov.set(t.key, {
          content: { formula: c.before.formula, value: c.before.value },
          numberFormat: c.before.numberFormat ?? undefined,
        });
      }
    }
    for (const sheet of new Set(changes.map((c) => c.sheet))) this.recompute(sheet);
  }

  private sheetOverlay(sheet: string): Map<number, Overlay> {
    let ov = this.overlay.get(sheet);
    if (!ov) this.overlay.set(sheet, (ov = new Map()));
    return ov;
  }

  /** Finds and checks the cell a change names; throws UserError before anything is taken. */
  private target(c: CellChange): { change: CellChange; row: number; col: number; key: number; locked: boolean } {
    if (!this.pkg.sheets.some((s) => s.name === c.sheet)) {
      throw userError("plan-no-sheet", { sheet: c.sheet });
    }
    const pos = parseRef(c.cell);
    if (!pos) throw userError("plan-bad-address", { cell: c.cell });
    const merge = (this.baseSnapshot(c.sheet).merges ?? []).find(
      (m) =>
        pos.row >= m.top && pos.row <= m.bottom && pos.col >= m.left && pos.col <= m.right && (pos.row !== m.top || pos.col !== m.left),
    );
    if (merge) {
      const master = refOf(merge.top, merge.left);
      throw userError("plan-in-merge", { cell: `${c.sheet}!${c.cell}`, master });
    }
    const v = c.after.value;
    if (typeof v === "number" && !Number.isFinite(v)) {
      throw userError("plan-out-of-range", { cell: `${c.sheet}!${c.cell}` });
    }
    const sx = this.sheetXml(c.sheet);
    if (sx.inArrayFormula(pos.row, pos.col)) {
      throw userError("plan-in-array", { cell: `${c.sheet}!${c.cell}` });
    }
    const locked = sx.isProtected && this.styles.locked(sx.styleOf(pos.row, pos.col));
    return { change: c, row: pos.row, col: pos.col, key: key(pos.row, pos.col), locked };
  }

  /**
   * Whether a format index is one of the workbook's cell formats as read. A damaged file may give a cell s="x", a
   * negative one or one past the style table (spreadsheets read it as the default format): a cell the fill writes
   * gets a format of its own (General as its base); a cell only marked keeps its index and its mark is the note alone.
   */
  private knownStyle(style: number): boolean {
    return Number.isInteger(style) && style >= 0 && (style === 0 || style < this.styles.readCounts.xfs);
  }

  /**
   * The least format index past the style table as read that a cell, row or column of any sheet names (Infinity when
   * none): the cell formats the marks append must stay below it, or they would take that index and colour a cell
   * never marked (a mark past it is the note alone).
   */
  private firstUnknownStyle(): number {
    const known = this.styles.readCounts.xfs;
    let least = Infinity;
    for (const s of this.pkg.sheets) {
      const text = this.xml.get(s.name)?.xml ?? this.zip.text(s.part);
      for (const m of text.matchAll(/\s(?:s|style)\s*=\s*["'](\d+)["']/g)) {
        const n = Number(m[1]);
        if (n > 0 && n >= known && n < least) least = n;
      }
    }
    return least;
  }

  async toBuffer(): Promise<Uint8Array> {
    return this.bytes();
  }

  bytes(): Uint8Array {
    const edited = [...this.overlay].filter(([, ov]) => ov.size > 0);
    // marks to write, or marks in the file whose record a fill's new number format must follow
    const marking =
      this.layer.dirty() || (edited.some(([, ov]) => [...ov.values()].some((o) => o.numberFormat !== undefined)) && this.layer.hasMarks());
    if (edited.length === 0 && !marking) return this.zip.bytes;
    this.styles.reset();
    const texts = new Map<string, string>();
    const remove = new Set<string>();
    const ctx = {
      styles: this.styles,
      read: (part: string) => texts.get(part) ?? this.zip.text(part),
      has: (part: string) => texts.has(part) || (this.zip.has(part) && !remove.has(part)),
      write: (part: string, text: string) => {
        texts.set(part, text);
        remove.delete(part);
      },
      remove: (part: string) => {
        texts.delete(part);
        remove.add(part);
      },
    };
    const touched = marking ? this.layer.touched() : new Map<string, Set<number>>();
    const unknown = marking ? this.firstUnknownStyle() : Infinity;
    for (const sheet of new Set([...edited.map(([name]) => name), ...touched.keys()])) {
      const ov = this.overlay.get(sheet) ?? new Map<number, Overlay>();
      const marked = touched.get(sheet) ?? new Set<number>();
      const sx = this.sheetXml(sheet);
      const edits = new Map<number, Map<number, CellEdit>>();
      const rowTags = new Map<number, string>();
      const nextTags = new Map<number, Map<number, string>>();
      const dropRows = new Map<number, string | null>();
      const put = (row: number, col: number, xml: CellEdit) => {
        let r = edits.get(row);
        if (!r) edits.set(row, (r = new Map()));
        r.set(col, xml);
      };
      for (const k of new Set([...ov.keys(), ...marked])) {
        const row = Math.floor(k / COLS);
        const col = k % COLS;
        const o = ov.get(k);
        const current = sx.styleOf(row, col);
        // the style without our mark (as our record says it was), then the plan's number format, then the mark's fill;
        // a written cell whose index is none of the workbook's gets a known one
        const was = this.layer.originalStyle(sheet, k) ?? current;
        const base = o && !this.knownStyle(was) ? 0 : was;
        const unmarked = o?.numberFormat !== undefined ? this.styles.withNumberFormat(base, o.numberFormat ?? "General") : base;
        const mark = marking ? this.layer.markAt(sheet, k) : undefined;
        const s = mark && this.knownStyle(unmarked) && this.styles.count < unknown ? this.styles.withFill(unmarked, mark.fill) : unmarked;
        const orig = sx.cell(row, col);
        if (mark) {
          const added = this.layer.addedCell(sheet, k);
          const rowTag = added ? this.layer.addedCellRowTag(sheet, k) : !orig ? (sx.rowTag(row, col) ?? undefined) : undefined;
          const newRow = added ? this.layer.addedRow(sheet, k) : !orig && sx.rowTag(row) === null;
          const nextTag = added
            ? this.layer.addedCellNextTag(sheet, k)
            : !orig
              ? ((newRow ? sx.nextRowWithoutR(row) : sx.nextWithoutR(row, col)) ?? undefined)
              : undefined;
          this.layer.note(sheet, k, unmarked, s, added || !orig, rowTag, nextTag, newRow);
        }
        if (o) {
          put(row, col, this.cellElement(sx, row, col, o, s));
          if (o.content) for (const [cr, cc, xml] of this.orphanedClones(sx, row, col, ov)) put(cr, cc, xml);
        } else if (
          !mark &&
          orig &&
          this.layer.addedCell(sheet, k) &&
          /^<(?:[\w.-]+:)?c\b[^>]*?(?:\/>|>\s*<\/(?:[\w.-]+:)?c>)$/.test(orig.xml)
        ) {
          put(row, col, ""); // the empty cell our mark added goes again, and the row's tag as it was
          const tag = this.layer.addedCellRowTag(sheet, k);
          if (tag) rowTags.set(row, tag);
          const next = this.layer.addedCellNextTag(sheet, k);
          if (this.layer.addedRow(sheet, k)) dropRows.set(row, next ?? null);
          else if (next !== undefined) nextTags.set(row, (nextTags.get(row) ?? new Map<number, string>()).set(col, next));
        } else if (!Object.is(s, current)) {
          put(row, col, this.cellElement(sx, row, col, { content: null, numberFormat: undefined }, s));
        }
      }
      const part = this.pkg.sheets.find((s) => s.name === sheet)!.part;
      if (edits.size) ctx.write(part, sx.withCells(edits, rowTags, nextTags, dropRows));
    }
    if (marking) this.layer.write(ctx);
    const styles = this.styles.toXml();
    if (styles && this.pkg.stylesPart) ctx.write(this.pkg.stylesPart, styles);
    else if (styles) addStylesPart(ctx, this.pkg, styles);
    if (edited.length) {
      ctx.write(this.pkg.workbookPart, withFullCalc(ctx.read(this.pkg.workbookPart)));
      if (this.pkg.calcChainPart) {
        const chain = this.pkg.calcChainPart;
        ctx.remove(chain);
        const relsPart = relsPartOf(this.pkg.workbookPart);
        const rels = ctx.read(relsPart);
        const relTag = tagsOf(rels, "Relationship").find((t) => /\/calcChain"/.test(t) || /\/calcChain'/.test(t));
        if (relTag) ctx.write(relsPart, rels.replace(relTag, ""));
        if (ctx.has("[Content_Types].xml")) {
          const ct = ctx.read("[Content_Types].xml");
          const override = tagsOf(ct, "Override").find(
            (t) => attributesOf(t).PartName?.replace(/^\//, "").toLowerCase() === chain.toLowerCase(),
          );
          if (override) ctx.write("[Content_Types].xml", ct.replace(override, ""));
        }
      }
    }
    // each part in the encoding it was read in (a UTF-16 part stays UTF-16: clearing gives back its bytes)
    const encode = (part: string, text: string) => this.zip.encodeText(part, declaredUtf8(text));
    // the input's own entries of the parts marking changes, kept in the record (and put back when cleared)
    const stored = marking ? keepStored(this.zip, texts, remove, encode) : undefined;
    const replace = new Map<string, Uint8Array>();
    for (const [part, text] of texts) replace.set(part, encode(part, text));
    return this.zip.rewrite({ replace, remove, stored });
  }

  private styleZero = new WeakMap<SheetXml, boolean>();
  /** Whether a sheet writes the default style index out (s="0") on some cell. */
  private saysStyleZero(sx: SheetXml): boolean {
    let says = this.styleZero.get(sx);
    if (says === undefined) this.styleZero.set(sx, (says = /\ss\s*=\s*["']0["']/.test(sx.xml)));
    return says;
  }

  /** The new `<c>` element of an overlaid cell (a format alone: on each copy the file stores). */
  private cellElement(sx: SheetXml, row: number, col: number, o: Overlay, s: number): CellEdit {
    const p = sx.prefix;
    const orig = sx.cell(row, col);
    const ref = refOf(row, col);
    const sAttr = s ? ` s="${s}"` : "";
    if (o.content === null) {
      // only the format changes: the cell keeps its formula, value and everything else
      if (!orig) return `<${p}c r="${ref}"${sAttr}/>`;
      // style 0 is the default: where the sheet's writer leaves it unsaid (no s="0" in it), the attribute goes (clearing a mark gives back the cell's bytes)
      if (!s && !this.saysStyleZero(sx)) return { each: (c) => removeAttribute(c.head, "s") + c.xml.slice(c.head.length) };
      return { each: (c) => setAttribute(c.head, "s", String(s)) + c.xml.slice(c.head.length) };
    }
    const { formula, value } = o.content;
    if (formula) {
      const f = `<${p}f>${escapeText(formula.replace(/^=/, ""))}</${p}f>`;
      // the cached result: what the formula computes (a spreadsheet recalculates it on load all the same)
      if (value === null) return `<${p}c r="${ref}"${sAttr}>${f}</${p}c>`;
      if (typeof value === "number") return `<${p}c r="${ref}"${sAttr}>${f}<${p}v>${numberText(value)}</${p}v></${p}c>`;
      if (typeof value === "boolean") return `<${p}c r="${ref}"${sAttr} t="b">${f}<${p}v>${value ? 1 : 0}</${p}v></${p}c>`;
      const t = isErrorValue(value) ? "e" : "str";
      const space = /^\s|\s$/.test(value) ? ' xml:space="preserve"' : "";
      return `<${p}c r="${ref}"${sAttr} t="${t}">${f}<${p}v${space}>${escapeText(xstring(value))}</${p}v></${p}c>`;
    }
    if (value === null || value === "") return `<${p}c r="${ref}"${sAttr}/>`;
    if (typeof value === "number") return `<${p}c r="${ref}"${sAttr}><${p}v>${numberText(value)}</${p}v></${p}c>`;
    if (typeof value === "boolean") return `<${p}c r="${ref}"${sAttr} t="b"><${p}v>${value ? 1 : 0}</${p}v></${p}c>`;
    if (/^#[A-Z0-9/!?]+[!?A]$/.test(value)) return `<${p}c r="${ref}"${sAttr} t="e"><${p}v>${escapeText(value)}</${p}v></${p}c>`;
    const space = /^\s|\s$/.test(value) ? ' xml:space="preserve"' : "";
    return `<${p}c r="${ref}"${sAttr} t="inlineStr"><${p}is><${p}t${space}>${escapeText(xstring(value))}</${p}t></${p}is></${p}c>`;
  }

  /**
   * When the first cell of a shared-formula group gets new content, the other cells of the group lose the text they
   * read: each gets its own formula (the same formula, written out).
   */
  private orphanedClones(sx: SheetXml, row: number, col: number, ov: Map<number, Overlay>): [number, number, CellEdit][] {
    const orig = sx.cell(row, col);
    if (!orig) return [];
    const f = /<(?:[\w.-]+:)?f\b([^>]*)>([^<]+)</.exec(orig.xml);
    if (!f) return [];
    const a = attributesOf(`<f${f[1]}>`);
    if (a.t !== "shared" || a.si === undefined || !a.ref) return [];
    const [s, e] = a.ref.split(":");
    const ps = parseRef(s);
    const pe = parseRef(e ?? s);
    if (!ps || !pe) return [];
    const out: [number, number, CellEdit][] = [];
    const text = f[2];
    // each copy of a clone gets its own formula (a cell stored twice keeps both copies)
    const clone = (c: { row: number; col: number; xml: string }): string | null => {
      const m = /<((?:[\w.-]+:)?)f\b([^>]*?)(\/>|>\s*<\/(?:[\w.-]+:)?f>)/.exec(c.xml);
      if (!m) return null;
      const ca = attributesOf(`<f${m[2]}>`);
      if (ca.t !== "shared" || ca.si !== a.si) return null;
      const own = `<${m[1]}f>${shiftFormula(decodeText(text), c.row - row, c.col - col).replace(/[&<>]/g, (x) => (x === "&" ? "&amp;" : x === "<" ? "&lt;" : "&gt;"))}</${m[1]}f>`;
      return c.xml.replace(m[0], own);
    };
    for (let r = ps.row; r <= pe.row; r++) {
      const done = new Set<number>();
      for (const c of sx.cellsOfRow(r)) {
        if (c.col < ps.col || c.col > pe.col || (r === row && c.col === col) || done.has(c.col)) continue;
        if (ov.get(key(r, c.col))?.content) continue;
        if (clone(c) === null) continue;
        done.add(c.col);
        out.push([r, c.col, { each: (copy) => clone(copy) ?? copy.xml }]);
      }
    }
    return out;
  }
}

/** Text as ST_Xstring: characters XML cannot hold become "_xHHHH_", and so does an underscore that would read as one. */
function xstring(s: string): string {
  return s
    .replace(/_(?=x[0-9A-Fa-f]{4}_)/g, "_x005F_")
    .replace(
      /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g,
      (c) => `_x${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}_`,
    );
}

function decodeText(s: string): string {
  return s
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, "&");
}

/** A number as the file format writes it (never Infinity or NaN: those are refused before). */
function numberText(n: number): string {
  return String(n);
}

/** The workbook part with `fullCalcOnLoad="1"` on its calcPr (added where the schema puts it when there is none). */
export function withFullCalc(xml: string): string {
  const calc = findElement(xml, "calcPr");
  if (calc) return xml.slice(0, calc.start) + setAttribute(calc.tag, "fullCalcOnLoad", "1") + xml.slice(calc.end);
  const p = /^([^:]+:)?/.exec(findElement(xml, "workbook")?.name ?? "")![0];
  const after = [
    "oleSize",
    "customWorkbookViews",
    "pivotCaches",
    "smartTagPr",
    "smartTagTypes",
    "webPublishing",
    "fileRecoveryPr",
    "webPublishObjects",
    "extLst",
  ];
  let at = -1;
  for (const name of after) {
    const m = new RegExp(`<${p}${name}\\b`).exec(xml);
    if (m && (at < 0 || m.index < at)) at = m.index;
  }
  if (at < 0) at = xml.lastIndexOf(`</${p}workbook>`);
  return xml.slice(0, at) + `<${p}calcPr fullCalcOnLoad="1"/>` + xml.slice(at);
}

/**
 * A styles part for a workbook that had none (a number format must be written): at the part its workbook's
 * relationship names when that part is missing, else beside the workbook; its relationship and content type are
 * added unless they are there.
 */
function addStylesPart(
  ctx: { read(part: string): string; has(part: string): boolean; write(part: string, text: string): void },
  pkg: PackageMap,
  xml: string,
): void {
  const dir = pkg.workbookPart.split("/").slice(0, -1).join("/");
  const rel = pkg.workbookRels.find((r) => REL.styles.test(r.type) && r.part && !ctx.has(r.part));
  let part = rel?.part ?? (dir ? `${dir}/styles.xml` : "styles.xml");
  for (let n = 1; !rel && ctx.has(part); n++) part = dir ? `${dir}/styles${n}.xml` : `styles${n}.xml`;
  ctx.write(part, xml);
  if (!rel) {
    const relsPart = relsPartOf(pkg.workbookPart);
    const rels = ctx.has(relsPart) ? ctx.read(relsPart) : newRelsXml();
    ctx.write(relsPart, addRelationship(rels, freeRelId(rels), STYLES_REL_TYPE, relativeTarget(pkg.workbookPart, part)));
  }
  if (ctx.has("[Content_Types].xml")) {
    const ct = ctx.read("[Content_Types].xml");
    const listed = tagsOf(ct, "Override").some((t) => attributesOf(t).PartName?.replace(/^\//, "").toLowerCase() === part.toLowerCase());
    if (!listed) ctx.write("[Content_Types].xml", addOverride(ct, part, STYLES_CONTENT_TYPE));
  }
}
