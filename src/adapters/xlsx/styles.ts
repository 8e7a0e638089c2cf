/**
 * The styles part: which number format and protection each cell format (xf) has, and — for the writer — a cell
 * format like another but with a given number format, added only when none exists yet. Everything else in the part
 * stays as written.
 */
import { attributesOf, escapeAttr, setAttribute } from "./xml";

/** Excel's built-in number formats (the ids a file may use without declaring them). */
export const BUILTIN_FORMATS: Record<number, string> = {
  0: "General",
  1: "0",
  2: "0.00",
  3: "#,##0",
  4: "#,##0.00",
  9: "0%",
  10: "0.00%",
  11: "0.00E+00",
  12: "# ?/?",
  13: "# ??/??",
  14: "mm-dd-yy",
  15: "d-mmm-yy",
  16: "d-mmm",
  17: "mmm-yy",
  18: "h:mm AM/PM",
  19: "h:mm:ss AM/PM",
  20: "h:mm",
  21: "h:mm:ss",
  22: "m/d/yy h:mm",
  37: "#,##0 ;(#,##0)",
  38: "#,##0 ;[Red](#,##0)",
  39: "#,##0.00;(#,##0.00)",
  40: "#,##0.00;[Red](#,##0.00)",
  45: "mm:ss",
  46: "[h]:mm:ss",
  47: "mmss.0",
  48: "##0.0E+0",
  49: "@",
};

/** What a cell format says of its cells (read from its element when first asked). */
interface Xf {
  numFmtId: number;
  locked: boolean;
}

/**
 * The styles part a workbook without one is given when a number format must be written: one font, the two fills and
 * the border every styles part starts with, and the one cell format (General) that cells without `s` use.
 */
export const MINIMAL_STYLES =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
  '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
  '<fonts count="1"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts>' +
  '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
  '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
  '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
  '<cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs>' +
  '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>' +
  "</styleSheet>";

export const STYLES_REL_TYPE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles";
export const STYLES_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml";

const FILL = /<(?:[\w.-]+:)?fill\b[^>]*?(?:\/>|>[\s\S]*?<\/(?:[\w.-]+:)?fill>)/g;
const XF = /<(?:[\w.-]+:)?xf\b[^>]*?(?:\/>|>[\s\S]*?<\/(?:[\w.-]+:)?xf>)/g;

export class Styles {
  private readonly formats = new Map<number, string>();
  /** The cell formats' elements as written; what each says, read when first asked. */
  private readonly xfs: string[] = [];
  private readonly xfRead: Xf[] = [];
  private added: { formats: { id: number; code: string }[]; xfs: string[]; fills: string[] } = { formats: [], xfs: [], fills: [] };
  /** The `<fill>` elements as written (marks reuse an identical solid fill). */
  private readonly fills: string[] = [];
  private hasFills = false;
  private readonly prefix: string;

  /** The part as read, or (for a workbook that has none) the least styles part, written only if a format is added. */
  private readonly xml: string;
  /** The workbook had no styles part: number formats are added to a new one (toXml), marks add no fill. */
  readonly missing: boolean;

  constructor(read: string | null) {
    const xml = read ?? MINIMAL_STYLES;
    this.xml = xml;
    this.missing = read === null;
    this.prefix = /<([\w.-]+:)?styleSheet\b/.exec(xml)?.[1] ?? "";
    for (const tag of xml.match(/<(?:[\w.-]+:)?numFmt\b[^>]*>/g) ?? []) {
      const a = attributesOf(tag);
      if (a.numFmtId !== undefined && a.formatCode !== undefined) this.formats.set(Number(a.numFmtId), a.formatCode);
    }
    const fills = /<(?:[\w.-]+:)?fills\b[^>]*>([\s\S]*?)<\/(?:[\w.-]+:)?fills>/.exec(xml);
    if (fills) this.fills.push(...(fills[1].match(FILL) ?? []));
    this.hasFills = fills !== null;
    const cellXfs = /<(?:[\w.-]+:)?cellXfs\b[^>]*>([\s\S]*?)<\/(?:[\w.-]+:)?cellXfs>/.exec(xml);
    if (cellXfs) {
      for (const m of cellXfs[1].match(XF) ?? []) this.xfs.push(m);
    }
  }

  /** What the cell format of this index as read says, or undefined for an index that is none of them. */
  private xf(xfIndex: number): Xf | undefined {
    const m = this.xfs[xfIndex];
    if (m === undefined) return undefined;
    let xf = this.xfRead[xfIndex];
    if (!xf) {
      const a = attributesOf(m.slice(0, m.indexOf(">") + 1));
      const prot = /<(?:[\w.-]+:)?protection\b[^>]*>/.exec(m);
      const lockedAttr = prot ? attributesOf(prot[0]).locked : undefined;
      xf = { numFmtId: Number(a.numFmtId ?? 0), locked: !(lockedAttr === "0" || lockedAttr === "false") };
      this.xfRead[xfIndex] = xf;
    }
    return xf;
  }

  private readonly formatCache = new Map<number, string | null>();

  /** The number format code of a cell format, or null for General / an unknown index. */
  numberFormat(xfIndex: number): string | null {
    let f = this.formatCache.get(xfIndex);
    if (f === undefined) {
      f = this.numberFormatOf(xfIndex);
      if (this.added.formats.length === 0) this.formatCache.set(xfIndex, f);
    }
    return f;
  }

  private numberFormatOf(xfIndex: number): string | null {
    const xf = this.xf(xfIndex);
    if (!xf) return null;
    const code = this.formatCode(xf.numFmtId);
    return code === "General" ? null : code;
  }

  private formatCode(id: number): string | null {
    return this.formats.get(id) ?? BUILTIN_FORMATS[id] ?? this.addedCode(id) ?? null;
  }

  private addedCode(id: number): string | undefined {
    return this.added.formats.find((f) => f.id === id)?.code;
  }

  /** Whether cells of this format are locked when their sheet is protected (the default is locked). */
  locked(xfIndex: number): boolean {
    return this.xf(xfIndex)?.locked ?? true;
  }

  get count(): number {
    return this.xfs.length + this.added.xfs.length;
  }

  /** The index of a cell format like `base` but with number format `code` (an existing one when there is one). */
  withNumberFormat(base: number, code: string): number {
    const all = this.allXfs();
    const baseXf = all[base] ?? all[0];
    if (!baseXf) return base;
    const id = this.formatId(code);
    if (attributesOf(baseXf.slice(0, baseXf.indexOf(">") + 1)).numFmtId === String(id)) return base;
    const head = baseXf.slice(0, baseXf.indexOf(">") + 1);
    let newHead = setAttribute(head, "numFmtId", String(id));
    newHead = setAttribute(newHead, "applyNumberFormat", "1");
    const xf = newHead + baseXf.slice(head.length);
    const existing = all.indexOf(xf);
    if (existing >= 0) return existing;
    this.added.xfs.push(xf);
    return all.length;
  }

  /**
   * The index of a cell format like `base` but with a solid fill of colour `rgb` (RRGGBB): an existing solid fill of
   * that colour and an existing identical cell format are reused; otherwise they are added (marks).
   */
  withFill(base: number, rgb: string): number {
    const all = this.allXfs();
    const baseXf = all[base] ?? all[0];
    // no styles part, or one without a fills list (rare writers): the mark is the note alone
    if (!baseXf || this.missing || !this.hasFills) return base;
    const fillId = this.solidFillId(rgb);
    const head = baseXf.slice(0, baseXf.indexOf(">") + 1);
    if (attributesOf(head).fillId === String(fillId)) return all[base] ? base : 0;
    let newHead = setAttribute(head, "fillId", String(fillId));
    newHead = setAttribute(newHead, "applyFill", "1");
    const xf = newHead + baseXf.slice(head.length);
    const existing = all.indexOf(xf);
    if (existing >= 0) return existing;
    this.added.xfs.push(xf);
    this.addedForFill.xfs.push(all.length);
    return all.length;
  }

  /** The cell formats and fills withFill added since reset() (the marks' record keeps them, to drop on clear). */
  readonly addedForFill: { xfs: number[]; fills: number[] } = { xfs: [], fills: [] };

  /** How many cell formats and fills the part had as read. */
  get readCounts(): { xfs: number; fills: number } {
    return { xfs: this.xfs.length, fills: this.fills.length };
  }

  /**
   * Drops the last `xfs` cell formats and `fills` fills of the part as read (those the marks added, once no cell
   * uses them): only when nothing was added since reset(). Returns whether they will be dropped.
   */
  dropTail(xfs: number, fills: number): boolean {
    if (this.added.formats.length || this.added.xfs.length || this.added.fills.length) return false;
    if (xfs > this.xfs.length || fills > this.fills.length) return false;
    this.dropped = { xfs, fills };
    return true;
  }

  /** The fill ids the part's cell formats (as read, without the last `skipXfs`) use. */
  fillIdsInUse(skipXfs: number): Set<number> {
    const out = new Set<number>();
    for (const x of this.xfs.slice(0, this.xfs.length - skipXfs)) out.add(Number(attributesOf(x.slice(0, x.indexOf(">") + 1)).fillId ?? 0));
    const styleXfs = this.xml ? /<(?:[\w.-]+:)?cellStyleXfs\b[^>]*>([\s\S]*?)<\/(?:[\w.-]+:)?cellStyleXfs>/.exec(this.xml) : null;
    for (const m of styleXfs?.[1].match(XF) ?? []) out.add(Number(attributesOf(m.slice(0, m.indexOf(">") + 1)).fillId ?? 0));
    return out;
  }

  private dropped = { xfs: 0, fills: 0 };

  /** The fill id of a solid fill of colour rgb (existing or added). */
  private solidFillId(rgb: string): number {
    const argb = `FF${rgb.toUpperCase()}`;
    const all = [...this.fills, ...this.added.fills];
    const found = all.findIndex((f) => {
      const pattern = /<(?:[\w.-]+:)?patternFill\b[^>]*>/.exec(f);
      const fg = /<(?:[\w.-]+:)?fgColor\b[^>]*>/.exec(f);
      if (!pattern || !fg || attributesOf(pattern[0]).patternType !== "solid") return false;
      const a = attributesOf(fg[0]);
      return Object.keys(a).length === 1 && a.rgb?.toUpperCase() === argb;
    });
    if (found >= 0) return found;
    const p = this.prefix;
    this.addedForFill.fills.push(all.length);
    this.added.fills.push(
      `<${p}fill><${p}patternFill patternType="solid"><${p}fgColor rgb="${argb}"/><${p}bgColor indexed="64"/></${p}patternFill></${p}fill>`,
    );
    return all.length;
  }

  private allXfs(): string[] {
    return [...this.xfs, ...this.added.xfs];
  }

  private formatId(code: string): number {
    for (const [id, c] of Object.entries(BUILTIN_FORMATS)) if (c === code) return Number(id);
    for (const [id, c] of this.formats) if (c === code) return id;
    const added = this.added.formats.find((f) => f.code === code);
    if (added) return added.id;
    const id = Math.max(163, ...this.formats.keys(), ...this.added.formats.map((f) => f.id)) + 1;
    this.added.formats.push({ id, code });
    return id;
  }

  private withoutDropped(source: string): string {
    const p = this.prefix;
    let xml = source;
    const cut = (list: string, items: string[], n: number) => {
      if (n === 0) return;
      const open = new RegExp(`<${p}${list}\\b[^>]*>`).exec(xml)!;
      const close = xml.indexOf(`</${p}${list}>`, open.index);
      let body = xml.slice(open.index + open[0].length, close);
      for (const item of items.slice(items.length - n).reverse()) {
        const at = body.lastIndexOf(item);
        if (at >= 0) body = body.slice(0, at) + body.slice(at + item.length);
      }
      xml = xml.slice(0, open.index) + setAttribute(open[0], "count", String(items.length - n)) + body + xml.slice(close);
    };
    cut("cellXfs", this.xfs, this.dropped.xfs);
    cut("fills", this.fills, this.dropped.fills);
    return xml;
  }

  /** Forgets what was added (the styles part is then written as it was read). */
  reset(): void {
    this.added = { formats: [], xfs: [], fills: [] };
    this.addedForFill.xfs.length = 0;
    this.addedForFill.fills.length = 0;
    this.dropped = { xfs: 0, fills: 0 };
  }

  /** The styles part with what was added, or null when nothing was. */
  toXml(): string | null {
    if (this.dropped.xfs || this.dropped.fills) return this.withoutDropped(this.xml);
    if (this.added.formats.length === 0 && this.added.xfs.length === 0 && this.added.fills.length === 0) return null;
    const p = this.prefix;
    let xml = this.xml;
    if (this.added.formats.length) {
      const fmts = this.added.formats.map((f) => `<${p}numFmt numFmtId="${f.id}" formatCode="${escapeAttr(f.code)}"/>`).join("");
      const open = new RegExp(`<${p}numFmts\\b[^>]*?(/?)>`).exec(xml);
      if (open && open[1] === "") {
        const close = xml.indexOf(`</${p}numFmts>`, open.index);
        const total = this.formats.size + this.added.formats.length;
        xml =
          xml.slice(0, open.index) +
          setAttribute(open[0], "count", String(total)) +
          xml.slice(open.index + open[0].length, close) +
          fmts +
          xml.slice(close);
      } else if (open) {
        xml =
          xml.slice(0, open.index) +
          `<${p}numFmts count="${this.added.formats.length}">${fmts}</${p}numFmts>` +
          xml.slice(open.index + open[0].length);
      } else {
        const sheet = new RegExp(`<${p}styleSheet\\b[^>]*>`).exec(xml)!;
        const at = sheet.index + sheet[0].length;
        xml = xml.slice(0, at) + `<${p}numFmts count="${this.added.formats.length}">${fmts}</${p}numFmts>` + xml.slice(at);
      }
    }
    if (this.added.fills.length) {
      const open = new RegExp(`<${p}fills\\b[^>]*?(/?)>`).exec(xml)!;
      const body = this.added.fills.join("");
      const total = String(this.fills.length + this.added.fills.length);
      if (open[1] === "/") {
        xml =
          xml.slice(0, open.index) +
          setAttribute(open[0].replace(/\s*\/>$/, ">"), "count", total) +
          body +
          `</${p}fills>` +
          xml.slice(open.index + open[0].length);
      } else {
        const close = xml.indexOf(`</${p}fills>`, open.index);
        xml =
          xml.slice(0, open.index) +
          setAttribute(open[0], "count", total) +
          xml.slice(open.index + open[0].length, close) +
          body +
          xml.slice(close);
      }
    }
    if (this.added.xfs.length) {
      const open = new RegExp(`<${p}cellXfs\\b[^>]*>`).exec(xml)!;
      const close = xml.indexOf(`</${p}cellXfs>`, open.index);
      xml =
        xml.slice(0, open.index) +
        setAttribute(open[0], "count", String(this.count)) +
        xml.slice(open.index + open[0].length, close) +
        this.added.xfs.join("") +
        xml.slice(close);
    }
    return xml;
  }
}
