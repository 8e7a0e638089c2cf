/**
 * 标注问题 / 清除标注 in an .xlsx package: the marks the workbook holds as read, the marks it should hold
 * (what apply/clear/undo change), and — when the book is written — the difference between the two as surgical edits:
 * our notes added to or taken from the sheet's comments part and VML drawing (created, with their relationships and
 * content types, only when the sheet has none; removed on clear only when we created them and they are empty), each
 * marked cell's style index (its format cloned with a solid fill, see Styles.withFill) and our record (markParts.ts).
 * A person's note is never touched: a cell holding one gets the fill only. Values and formulas are never touched.
 */
import type { CellMark, MarkPlan } from "../../core/marks";
import type { FindingCode, Severity } from "../../core/findings";
import { quoted, userError } from "../../core/messages";
import type { ZipArchive } from "./zip";
import { relationshipsOf, relsPartOf, type PackageMap, type Relationship } from "./opc";
import type { SheetXml } from "./sheetEdit";
import type { Styles } from "./styles";
import { parseRef, refOf } from "./cellRef";
import {
  CONTENT_TYPE,
  REL_TYPE,
  addOverride,
  addRelationship,
  commentElement,
  editComments,
  editVml,
  freePartName,
  freeRelId,
  hasDefault,
  isOwnComment,
  legacyDrawingOf,
  markFromNote,
  newCommentsXml,
  newRelsXml,
  newVml,
  noteShape,
  parseComments,
  recordFromXml,
  recordToXml,
  relationshipCount,
  relativeTarget,
  removeOverride,
  removeRelationship,
  SHAPETYPE,
  hasNoteShapetype,
  shapeCount,
  vmlIds,
  withLegacyDrawing,
  withoutLegacyDrawing,
  type CommentEntry,
  type CommentsXml,
  type MarkRecord,
  type RecordCell,
  type SheetCreated,
} from "./markParts";
import { MARK_AUTHOR } from "../../core/marks";

const COLS = 32768;
const keyOf = (row: number, col: number) => row * COLS + col;

interface MarkState {
  sheet: string;
  cell: string;
  row: number;
  col: number;
  severity: Severity;
  codes: FindingCode[];
  fill: string;
  note: string;
}

/** A mark as read from the file, with the style its record says the cell had (when the cell still shows the mark's). */
interface InputMark extends MarkState {
  style?: number;
  absent?: boolean;
  rowTag?: string;
  nextTag?: string;
  newRow?: boolean;
}

interface SheetParts {
  name: string;
  part: string;
  relsPart: string;
  comments: { part: string; relId: string; parsed: CommentsXml } | null;
  rels: Relationship[];
  /** The drawing behind the sheet's `<legacyDrawing>`: resolved when first needed (it means reading the sheet). */
  vml?: { part: string; relId: string; xml: string; legacyTag: string } | null;
  own: Map<number, CommentEntry>;
  person: Set<number>;
}

/** The marks the book should hold (opaque to callers: taken before a change, given back by undo). */
export type MarksSnapshot = ReadonlyMap<string, ReadonlyMap<number, MarkState>>;

/** What the writer gives the layer: the parts' current text (as edited so far) and where edits go. */
export interface MarkWriteContext {
  styles: Styles;
  read(part: string): string;
  has(part: string): boolean;
  write(part: string, text: string): void;
  remove(part: string): void;
}

export class MarkLayer {
  private loaded = false;
  private readonly input = new Map<string, Map<number, InputMark>>();
  private desired = new Map<string, Map<number, MarkState>>();
  private readonly sheets = new Map<string, SheetParts>();
  private record: { part: string; relId: string; rec: MarkRecord } | null = null;
  /** Styles noted by the writer for each desired mark (before and with the fill), for the record. */
  private noted = new Map<
    string,
    { style: number; marked: number; absent: boolean; rowTag?: string; nextTag?: string; newRow?: boolean }
  >();

  constructor(
    private readonly zip: ZipArchive,
    private readonly pkg: PackageMap,
    private readonly sheetXml: (name: string) => SheetXml,
  ) {}

  private load(): void {
    if (this.loaded) return;
    this.loaded = true;
    for (const r of this.pkg.workbookRels) {
      if (r.type !== REL_TYPE.customXml || !r.part || !this.zip.has(r.part)) continue;
      const rec = recordFromXml(this.zip.text(r.part));
      if (rec) {
        this.record = { part: this.zip.entry(r.part)!.name, relId: r.id, rec };
        break;
      }
    }
    for (const s of this.pkg.sheets) {
      const rels = relationshipsOf(this.zip, s.part);
      const cRel = rels.find((r) => r.type === REL_TYPE.comments && r.part && this.zip.has(r.part));
      const comments = cRel
        ? { part: this.zip.entry(cRel.part!)!.name, relId: cRel.id, parsed: parseComments(this.zip.text(cRel.part!)) }
        : null;
      const own = new Map<number, CommentEntry>();
      const person = new Set<number>();
      for (const c of comments?.parsed.comments ?? []) {
        if (isOwnComment(comments!.parsed, c)) own.set(keyOf(c.row, c.col), c);
        else person.add(keyOf(c.row, c.col));
      }
      this.sheets.set(s.name, { name: s.name, part: s.part, relsPart: relsPartOf(s.part), comments, rels, own, person });
      this.input.set(s.name, new Map());
    }
    for (const c of this.record?.rec.cells ?? []) {
      const pos = parseRef(c.cell);
      const marks = this.input.get(c.sheet);
      if (!pos || !marks) continue;
      const owned = this.sheetXml(c.sheet).styleOf(pos.row, pos.col) === c.marked;
      marks.set(keyOf(pos.row, pos.col), {
        sheet: c.sheet,
        cell: refOf(pos.row, pos.col),
        row: pos.row,
        col: pos.col,
        severity: c.severity,
        codes: [...c.codes],
        fill: c.fill,
        note: c.note,
        style: owned ? c.style : undefined,
        absent: owned && c.absent === true,
        rowTag: owned && c.absent === true ? c.rowTag : undefined,
        nextTag: owned && c.absent === true && typeof c.nextTag === "string" ? c.nextTag : undefined,
        newRow: owned && c.absent === true && c.newRow === true,
      });
    }
    for (const [name, sp] of this.sheets) {
      const marks = this.input.get(name)!;
      for (const [k, c] of sp.own) {
        if (marks.has(k)) continue;
        marks.set(k, { sheet: name, cell: refOf(c.row, c.col), row: c.row, col: c.col, note: c.text, ...markFromNote(c.text) });
      }
    }
    this.desired = new Map([...this.input].map(([s, m]) => [s, new Map([...m].map(([k, v]) => [k, stateOf(v)]))]));
  }

  private vmlOf(sp: SheetParts): SheetParts["vml"] {
    if (sp.vml === undefined) {
      const legacy = legacyDrawingOf(this.sheetXml(sp.name).xml);
      const rel = legacy ? sp.rels.find((r) => r.id === legacy.relId && r.part && this.zip.has(r.part)) : undefined;
      sp.vml =
        legacy && rel
          ? { part: this.zip.entry(rel.part!)!.name, relId: rel.id, xml: this.zip.text(rel.part!), legacyTag: legacy.tag }
          : null;
    }
    return sp.vml;
  }

  /** Takes every mark of the plan (a cell marked before gets the new mark), all or nothing. */
  apply(plan: MarkPlan): void {
    this.load();
    const targets = plan.marks.map((m) => {
      if (!this.sheets.has(m.sheet)) {
        throw userError("plan-no-sheet", { sheet: m.sheet });
      }
      const pos = parseRef(m.cell);
      if (!pos) throw userError("plan-bad-address", { cell: m.cell });
      return { m, pos };
    });
    const locked = [...new Set(targets.map((t) => t.m.sheet))].filter((s) => this.sheetXml(s).isProtected);
    if (locked.length) {
      throw userError("protected", { sheets: quoted(locked) });
    }
    for (const { m, pos } of targets) {
      let marks = this.desired.get(m.sheet);
      if (!marks) this.desired.set(m.sheet, (marks = new Map()));
      marks.set(keyOf(pos.row, pos.col), {
        sheet: m.sheet,
        cell: refOf(pos.row, pos.col),
        row: pos.row,
        col: pos.col,
        severity: m.severity,
        codes: [...m.codes],
        fill: m.fill.replace(/^#/, "").toUpperCase(),
        note: m.note,
      });
    }
  }

  /** The marks the book holds now, in sheet order then row and column. */
  read(): CellMark[] {
    this.load();
    const out: CellMark[] = [];
    for (const s of this.pkg.sheets) {
      const marks = [...(this.desired.get(s.name)?.values() ?? [])].sort((a, b) => a.row - b.row || a.col - b.col);
      for (const m of marks)
        out.push({ sheet: m.sheet, cell: m.cell, severity: m.severity, codes: [...m.codes], note: m.note, fill: m.fill });
    }
    return out;
  }

  /** Takes every mark away; returns how many cells were marked. */
  clear(): number {
    this.load();
    const n = [...this.desired.values()].reduce((sum, m) => sum + m.size, 0);
    this.desired = new Map();
    return n;
  }

  snapshot(): MarksSnapshot {
    this.load();
    return new Map([...this.desired].map(([s, m]) => [s, new Map(m)]));
  }

  restore(snapshot: MarksSnapshot): void {
    this.load();
    this.desired = new Map([...snapshot].map(([s, m]) => [s, new Map(m)]));
  }

  /** Whether the file holds marks of ours (a fill that changes a marked cell's format must update their record). */
  hasMarks(): boolean {
    this.load();
    return [...this.input.values()].some((m) => m.size > 0);
  }

  /** Whether the marks to write differ from the marks read (false when never used). */
  dirty(): boolean {
    if (!this.loaded) return false;
    for (const name of new Set([...this.input.keys(), ...this.desired.keys()])) {
      const a = this.input.get(name) ?? new Map<number, InputMark>();
      const b = this.desired.get(name) ?? new Map<number, MarkState>();
      if (a.size !== b.size) return true;
      for (const [k, m] of b) {
        const was = a.get(k);
        if (!was || !sameMark(stateOf(was), m)) return true;
      }
    }
    return false;
  }

  /** Cells whose style the writer must decide, per sheet: every cell marked as read or to be marked. */
  touched(): Map<string, Set<number>> {
    const out = new Map<string, Set<number>>();
    if (!this.loaded) return out;
    for (const src of [this.input, this.desired]) {
      for (const [name, marks] of src) {
        if (marks.size === 0) continue;
        let set = out.get(name);
        if (!set) out.set(name, (set = new Set()));
        for (const k of marks.keys()) set.add(k);
      }
    }
    return out;
  }

  /** The style a cell had before the mark that the file shows (from our record), when known. */
  originalStyle(sheet: string, key: number): number | undefined {
    return this.input.get(sheet)?.get(key)?.style;
  }

  /** Whether the file had no `<c>` for a cell before our mark added one. */
  addedCell(sheet: string, key: number): boolean {
    return this.input.get(sheet)?.get(key)?.absent === true;
  }

  /** The row's start tag as it was before our mark added a cell to it (undefined when unknown). */
  addedCellRowTag(sheet: string, key: number): string | undefined {
    return this.input.get(sheet)?.get(key)?.rowTag;
  }

  /** The start tag the cell after the one our mark added had before (without r), when the mark wrote its r out. */
  addedCellNextTag(sheet: string, key: number): string | undefined {
    return this.input.get(sheet)?.get(key)?.nextTag;
  }

  /** Whether the sheet had no `<row>` either for a cell our mark added. */
  addedRow(sheet: string, key: number): boolean {
    return this.input.get(sheet)?.get(key)?.newRow === true;
  }

  markAt(sheet: string, key: number): { fill: string } | undefined {
    return this.desired.get(sheet)?.get(key);
  }

  /** Called by the writer for each cell that stays marked: its style without and with the mark. */
  note(
    sheet: string,
    key: number,
    style: number,
    marked: number,
    absent: boolean,
    rowTag?: string,
    nextTag?: string,
    newRow?: boolean,
  ): void {
    // an index that is not a number (s="x", kept as it is) is recorded as -1: the record holds numbers only
    const known = (n: number) => (Number.isFinite(n) ? n : -1);
    this.noted.set(`${sheet}\u0000${key}`, { style: known(style), marked: known(marked), absent, rowTag, nextTag, newRow });
  }

  /** Writes the notes, drawings, relationships, content types and record the marks need (after the cells). */
  write(ctx: MarkWriteContext): void {
    if (!this.loaded) return;
    const created: Record<string, SheetCreated> = JSON.parse(JSON.stringify(this.record?.rec.created ?? {}));
    let ct = ctx.has("[Content_Types].xml") ? ctx.read("[Content_Types].xml") : null;
    const newParts = new Set<string>();
    const taken = (name: string) => newParts.has(name.toLowerCase()) || this.zip.has(name);
    let vmlBlock = 0;
    for (const e of this.zip.entries) if (/\.vml$/i.test(e.name)) vmlBlock = Math.max(vmlBlock, ...vmlIds(this.zip.text(e.name)).blocks);
    for (const s of this.pkg.sheets) {
      const sp = this.sheets.get(s.name)!;
      const want = new Map<number, MarkState>();
      for (const [k, m] of this.desired.get(s.name) ?? []) if (!sp.person.has(k)) want.set(k, m);
      const removeComments = [...sp.own].filter(([k, c]) => want.get(k)?.note !== c.text);
      const addComments = [...want].filter(([k, m]) => sp.own.get(k)?.text !== m.note);
      if (removeComments.length === 0 && addComments.length === 0) continue;
      const flags: SheetCreated = { ...(created[s.name] ?? {}) };
      let rels = ctx.has(sp.relsPart) ? ctx.read(sp.relsPart) : null;
      const hadRels = rels !== null;
      let sheetText = ctx.read(sp.part);
      // the comments part
      let comments = sp.comments;
      if (!comments && addComments.length) {
        const part = freePartName(taken, "xl/comments", ".xml");
        newParts.add(part.toLowerCase());
        rels = rels ?? newRelsXml();
        const relId = freeRelId(rels);
        rels = addRelationship(rels, relId, REL_TYPE.comments, relativeTarget(s.part, part));
        if (ct !== null) ct = addOverride(ct, part, CONTENT_TYPE.comments);
        comments = { part, relId, parsed: parseComments(newCommentsXml()) };
        flags.comments = true;
      }
      if (comments) {
        const parsed = comments.parsed;
        let authorId = parsed.authors.indexOf(MARK_AUTHOR);
        const addAuthor = authorId < 0 && addComments.length > 0;
        if (addAuthor) {
          authorId = parsed.authors.length;
          flags.author = true;
        }
        const removeSet = new Set(removeComments.map(([, c]) => c.xml));
        const staying = parsed.comments.filter((c) => !removeSet.has(c.xml));
        const lastId = parsed.authors.length - 1;
        const dropLastAuthor =
          !addAuthor &&
          addComments.length === 0 &&
          flags.author === true &&
          parsed.authors[lastId] === MARK_AUTHOR &&
          !staying.some((c) => c.authorId === lastId);
        if (dropLastAuthor) delete flags.author;
        const adds = addComments.map(([, m]) => ({
          row: m.row,
          col: m.col,
          xml: commentElement(parsed.prefix, m.row, m.col, authorId, m.note),
        }));
        if (staying.length + adds.length === 0 && flags.comments) {
          ctx.remove(comments.part);
          if (rels !== null) rels = removeRelationship(rels, comments.relId);
          if (ct !== null) ct = removeOverride(ct, comments.part);
          delete flags.comments;
          delete flags.author;
        } else {
          ctx.write(comments.part, editComments(parsed, removeSet, adds, { addAuthor, dropLastAuthor }));
        }
      }
      // the VML drawing that shows the notes
      const removeShapes = new Set([...sp.own].filter(([k]) => !want.has(k)).map(([, c]) => `${c.row}:${c.col}`));
      const shapesFor = [...want].filter(([k]) => !sp.own.has(k)).map(([, m]) => m);
      let vml = this.vmlOf(sp);
      // a <legacyDrawing> whose drawing cannot be found is left alone (a second one would make the sheet invalid)
      if (!vml && shapesFor.length && !legacyDrawingOf(sheetText)) {
        const part = freePartName(taken, "xl/drawings/vmlDrawing", ".vml");
        newParts.add(part.toLowerCase());
        rels = rels ?? newRelsXml();
        const relId = freeRelId(rels);
        rels = addRelationship(rels, relId, REL_TYPE.vmlDrawing, relativeTarget(s.part, part));
        if (ct !== null && !hasDefault(ct, "vml")) ct = addOverride(ct, part, CONTENT_TYPE.vml);
        vmlBlock += 1;
        sheetText = withLegacyDrawing(sheetText, this.sheetXml(s.name).prefix, relId);
        vml = { part, relId, xml: newVml(vmlBlock), legacyTag: legacyDrawingOf(sheetText)!.tag };
        flags.vml = true;
        flags.legacyDrawing = true;
      }
      if (vml) {
        const ids = vmlIds(vml.xml);
        let next = Math.max(ids.maxShape, (ids.blocks[0] ?? 1) * 1024);
        if (shapesFor.length && !hasNoteShapetype(vml.xml) && !flags.vml) flags.shapetype = true;
        let text = editVml(
          vml.xml,
          removeShapes,
          shapesFor.map((m) => noteShape(++next, m.row, m.col)),
        );
        if (want.size === 0 && flags.shapetype) {
          text = text.replace(SHAPETYPE, "");
          delete flags.shapetype;
        }
        if (shapeCount(text) === 0 && flags.vml) {
          ctx.remove(vml.part);
          if (rels !== null) rels = removeRelationship(rels, vml.relId);
          if (ct !== null) ct = removeOverride(ct, vml.part);
          if (flags.legacyDrawing) sheetText = withoutLegacyDrawing(sheetText, vml.legacyTag);
          delete flags.vml;
          delete flags.legacyDrawing;
        } else if (text !== vml.xml) ctx.write(vml.part, text);
      }
      if (rels !== null) {
        if (!hadRels) flags.rels = true;
        if (relationshipCount(rels) === 0 && flags.rels) {
          if (hadRels) ctx.remove(sp.relsPart);
          delete flags.rels;
        } else if (!hadRels || rels !== ctx.read(sp.relsPart)) ctx.write(sp.relsPart, rels);
      }
      if (sheetText !== ctx.read(sp.part)) ctx.write(sp.part, sheetText);
      if (Object.keys(flags).length) created[s.name] = flags;
      else delete created[s.name];
    }
    // the record
    const cells: RecordCell[] = [];
    for (const s of this.pkg.sheets) {
      const sp = this.sheets.get(s.name)!;
      const marks = [...(this.desired.get(s.name)?.entries() ?? [])].sort((a, b) => a[0] - b[0]);
      for (const [k, m] of marks) {
        const n = this.noted.get(`${s.name}\u0000${k}`);
        const cell: RecordCell = {
          sheet: m.sheet,
          cell: m.cell,
          severity: m.severity,
          codes: m.codes,
          fill: m.fill,
          note: m.note,
          written: !sp.person.has(k),
          style: n?.style ?? 0,
          marked: n?.marked ?? 0,
        };
        if (n?.absent) cell.absent = true;
        if (n?.absent && n.rowTag) cell.rowTag = n.rowTag;
        if (n?.absent && n.nextTag) cell.nextTag = n.nextTag;
        if (n?.absent && n.newRow) cell.newRow = true;
        cells.push(cell);
      }
    }
    this.noted = new Map();
    const styles = this.addedStyles(ctx, cells.length === 0);
    const wbRelsPart = relsPartOf(this.pkg.workbookPart);
    if (cells.length === 0) {
      if (this.record) {
        ctx.remove(this.record.part);
        if (ctx.has(wbRelsPart)) ctx.write(wbRelsPart, removeRelationship(ctx.read(wbRelsPart), this.record.relId));
        if (ct !== null) ct = removeOverride(ct, this.record.part);
      }
    } else {
      const rec: MarkRecord = { version: 1, cells, created };
      if (styles.xfs.length || styles.fills.length) rec.styles = styles;
      const xml = recordToXml(rec);
      if (this.record) {
        if (xml !== ctx.read(this.record.part)) ctx.write(this.record.part, xml);
      } else {
        const part = freePartName(taken, "customXml/item", ".xml");
        newParts.add(part.toLowerCase());
        ctx.write(part, xml);
        const wbRels = ctx.has(wbRelsPart) ? ctx.read(wbRelsPart) : newRelsXml();
        ctx.write(wbRelsPart, addRelationship(wbRels, freeRelId(wbRels), REL_TYPE.customXml, relativeTarget(this.pkg.workbookPart, part)));
        if (ct !== null && !hasDefault(ct, "xml")) ct = addOverride(ct, part, CONTENT_TYPE.xml);
      }
    }
    if (ct !== null && ct !== ctx.read("[Content_Types].xml")) ctx.write("[Content_Types].xml", ct);
  }

  /** The formats and fills the marks added (as read, plus this write's); dropped when the marks are all gone. */
  private addedStyles(ctx: MarkWriteContext, cleared: boolean): { xfs: number[]; fills: number[] } {
    const was = this.record?.rec.styles ?? { xfs: [], fills: [] };
    const union = (a: number[], b: number[]) => [...new Set([...a, ...b])].sort((x, y) => x - y);
    const added = { xfs: union(was.xfs, ctx.styles.addedForFill.xfs), fills: union(was.fills, ctx.styles.addedForFill.fills) };
    if (!cleared || (added.xfs.length === 0 && added.fills.length === 0)) return added;
    const read = ctx.styles.readCounts;
    const isTail = (list: number[], count: number) => list.every((v, i) => v === count - list.length + i);
    if (!isTail(added.xfs, read.xfs) || !isTail(added.fills, read.fills)) return added;
    const firstXf = read.xfs - added.xfs.length;
    // a cell still formatted with one of them (an index past the style table as read is none of them)
    for (const s of this.pkg.sheets) {
      const text = ctx.read(s.part);
      for (const m of text.matchAll(/\s(?:s|style)\s*=\s*["'](\d+)["']/g)) {
        const n = Number(m[1]);
        if (n >= firstXf && n < read.xfs) return added;
      }
    }
    const firstFill = read.fills - added.fills.length;
    if ([...ctx.styles.fillIdsInUse(added.xfs.length)].some((id) => id >= firstFill)) return added;
    ctx.styles.dropTail(added.xfs.length, added.fills.length);
    return { xfs: [], fills: [] };
  }
}

function stateOf(m: InputMark | MarkState): MarkState {
  return { sheet: m.sheet, cell: m.cell, row: m.row, col: m.col, severity: m.severity, codes: [...m.codes], fill: m.fill, note: m.note };
}

function sameMark(a: MarkState, b: MarkState): boolean {
  return a.note === b.note && a.fill === b.fill && a.severity === b.severity && a.codes.join(",") === b.codes.join(",");
}
