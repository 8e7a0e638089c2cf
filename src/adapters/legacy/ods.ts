/**
 * OpenDocument spreadsheets (.ods) → sheet snapshots, streamed: the zip is read with the .xlsx reader's bounded
 * inflate (src/adapters/xlsx/zip.ts) and content.xml goes through saxes chunk by chunk as it inflates (xml.ts
 * parsePart, as the .xlsx reader's parts do), so the document's text is never held whole and no regular expression
 * runs over it; styles.xml is read only when a cell's style names a data style content.xml does not hold (reading it
 * every time made an .ods cost ~2.5× its .xlsx; read lazily, ~1.1×). What a cell gives is what SheetJS's
 * ODS reader gave before it (the findings stay those of the .xlsx): office:value-type with office:value (float,
 * percentage, currency, date, time, boolean), text:p content for text (text stays text), table:formula as the
 * formula, number formats from the data styles (number:percentage-style …) that a cell's automatic style names,
 * spans as merges, covered cells skipped.
 *
 * Repeats are bounded: an empty cell or row repeated a million times costs one step; a cell with content is written
 * out once per repeat, counted against the cell bound (limits.ts) before anything is expanded.
 */
import type { CellValue, MergedArea, SnapshotCell, SparseSheetSnapshot } from "../../core/snapshot";
import { userError } from "../../core/messages";
import { LIMITS, limitError } from "../xlsx/limits";
import { ZipArchive } from "../xlsx/zip";
import { parsePart, type Attributes } from "../xlsx/xml";
import { checkText, MAX_COLS, MAX_ROWS } from "./text";

/** Error texts a cell of calcext:value-type="error" shows. */
const ERROR_TEXTS = new Set(["#NULL!", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#N/A", "#GETTING_DATA"]);

const DAY_MS = 86_400_000;
const EPOCH_1900 = Date.UTC(1899, 11, 30);

/** The prefixes ODF's own files bind its namespaces to. */
const STANDARD_PREFIXES: Record<string, string> = {
  "urn:oasis:names:tc:opendocument:xmlns:office:1.0": "office",
  "urn:oasis:names:tc:opendocument:xmlns:table:1.0": "table",
  "urn:oasis:names:tc:opendocument:xmlns:text:1.0": "text",
  "urn:oasis:names:tc:opendocument:xmlns:style:1.0": "style",
  "urn:oasis:names:tc:opendocument:xmlns:datastyle:1.0": "number",
};

/** False while reading a part that binds ODF's namespaces to other prefixes: attributes are then found by local name. */
let standardPrefixes = true;

/** True when a root element's declarations bind ODF's namespaces to their usual prefixes. */
function usesStandardPrefixes(root: Attributes): boolean {
  for (const k in root) {
    if (!k.startsWith("xmlns:")) continue;
    const usual = STANDARD_PREFIXES[root[k]];
    if (usual !== undefined && usual !== k.slice(6)) return false;
  }
  return true;
}

/** An attribute by its local name ("value-type"), whatever prefix the writer bound its namespace to. */
function attr(a: Attributes, prefixed: string): string | undefined {
  const v = a[prefixed];
  if (v !== undefined || standardPrefixes) return v;
  const local = prefixed.slice(prefixed.indexOf(":"));
  for (const k in a) if (k.endsWith(local)) return a[k];
  return undefined;
}

function count(a: Attributes, name: string, max: number): number {
  const v = attr(a, name);
  if (v === undefined) return 1;
  const n = parseInt(v, 10);
  return Number.isFinite(n) && n > 1 ? Math.min(n, max) : 1;
}

/** An ODF date (YYYY-MM-DD[THH:MM[:SS[.fff]]]) as a serial day number (1900 system, or 1904). */
function dateSerial(s: string, date1904: boolean): number | null {
  const m = /^(\d+)-(\d+)-(\d+)(?:[T ](\d+):(\d+)(?::(\d+))?(\.\d+)?)?/.exec(s);
  if (!m) return null;
  const ms = Date.UTC(
    +m[1],
    +m[2] - 1,
    +m[3],
    +(m[4] ?? 0),
    +(m[5] ?? 0),
    +(m[6] ?? 0),
    m[7] ? parseInt((m[7] + "000").slice(1, 4), 10) : 0,
  );
  const res = (ms - EPOCH_1900) / DAY_MS;
  if (date1904) return res - 1462 < -1402 ? res - 1463 : res - 1462;
  return res < 60 ? res - 1 : res;
}

/** An ISO 8601 duration (PT12H30M00S) as a fraction of a day. */
function durationDays(s: string): number | null {
  const m = /^-?P(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d+)?)S)?)?$/.exec(s);
  if (!m) return null;
  return (+(m[1] ?? 0) * 86400 + +(m[2] ?? 0) * 3600 + +(m[3] ?? 0) * 60 + Math.floor(+(m[4] ?? 0))) / 86400;
}

/** An OpenFormula (of:=SUM([.B2:.B9])) as a spreadsheet shows it (=SUM(B2:B9)). */
export function odsFormula(f: string): string {
  if (f.startsWith("of:")) f = f.slice(3);
  if (f.charCodeAt(0) === 61) {
    f = f.slice(1);
    if (f.charCodeAt(0) === 61) f = f.slice(1);
  }
  f = f.replace(/COM\.MICROSOFT\./g, "");
  f = f.replace(/\[((?:\.[A-Z]+[0-9]+)(?::\.[A-Z]+[0-9]+)?)\]/g, (_, r: string) => r.replace(/\./g, ""));
  f = f.replace(/\$'([^']|'')+'/g, (q) => q.slice(1));
  f = f.replace(/\$([^\]. #$]+)/g, (all, r: string) =>
    /^([A-Z]{1,2}|[A-W][A-Z]{2}|X[A-E][A-Z]|XF[A-D])?(10[0-3]\d{4}|104[0-7]\d{3}|1048[0-4]\d{2}|10485[0-6]\d|104857[0-6]|[1-9]\d{0,5})?$/.test(
      r,
    )
      ? all
      : r,
  );
  f = f.replace(/\[.(#[A-Z]*[?!])\]/g, "$1");
  return `=${f.replace(/[;~]/g, ",").replace(/\|/g, ";")}`;
}

const DATA_STYLES = new Set([
  "number-style",
  "currency-style",
  "percentage-style",
  "date-style",
  "time-style",
  "text-style",
  "boolean-style",
]);

/**
 * Data styles (number:number-style, number:percentage-style …) → number format codes, read as SheetJS reads them:
 * digits and decimals, literal text, % in a percentage style, currency symbols, date and time parts, the negative
 * part a style:map adds. Fed the elements of styles.xml and content.xml's automatic styles.
 */
class DataStyles {
  readonly formats = new Map<string, string>();
  private name: string | null = null;
  private kind = "";

  private truncate = true;
  private nf = "";
  private text: string | null = null;
  private embedded: { at: number; text: string } | null = null;

  open(name: string, a: Attributes, selfClosing: boolean): void {
    if (DATA_STYLES.has(name)) {
      if (selfClosing) return;
      this.name = attr(a, "style:name") ?? "";
      this.kind = name;
      this.truncate = attr(a, "number:truncate-on-overflow") !== "false";
      this.nf = "";
      return;
    }
    if (this.name === null) return;
    const style = attr(a, "number:style");
    const short = style === "short";
    const long = style === "long";
    switch (name) {
      case "boolean":
        this.nf += "General";
        break;
      case "text":
      case "currency-symbol":
      case "fill-character":
        if (selfClosing) {
          if (name === "currency-symbol") this.nf += "$";
        } else this.text = "";
        break;
      case "embedded-text":
        if (!selfClosing) this.embedded = { at: -+(attr(a, "number:position") ?? 0) || 0, text: "" };
        break;
      case "day":
        this.nf += short ? "d" : "dd";
        break;
      case "day-of-week":
        this.nf += long ? "dddd" : "ddd";
        break;
      case "era":
        this.nf += short ? "ee" : "eeee";
        break;
      case "hours":
        this.nf += short ? "h" : "hh";
        break;
      case "minutes":
        this.nf += short ? "m" : "mm";
        break;
      case "month":
        if (attr(a, "number:textual")) this.nf += "mm";
        this.nf += long ? "mm" : "m";
        break;
      case "seconds": {
        this.nf += short ? "s" : "ss";
        const d = +(attr(a, "number:decimal-places") ?? 0);
        if (d > 0) this.nf += `.${"0".repeat(Math.min(d, 30))}`;
        break;
      }
      case "year":
        this.nf += long ? "yyyy" : "yy";
        break;
      case "am-pm":
        this.nf += "AM/PM";
        break;
      case "text-content":
        this.nf += "@";
        break;
      case "text-properties": {
        const color = (attr(a, "fo:color") ?? "").toLowerCase().replace("#", "");
        if (color === "ff0000" || color === "red") this.nf = `[Red]${this.nf}`;
        break;
      }
      case "map": {
        const positive = this.formats.get(attr(a, "style:apply-style-name") ?? "");
        if (attr(a, "style:condition") === "value()>=0") this.nf = `${positive};${this.nf}`;
        break;
      }
      case "number": {
        const digits = (n: number) => "0".repeat(Math.max(0, Math.min(n, 30)));
        const minInt = +(attr(a, "number:min-integer-digits") ?? 0) || 1;
        let t = digits(minInt);
        if (attr(a, "number:grouping") === "true") t = commaify("#".repeat(Math.max(0, 4 - t.length)) + t);
        const minDec = +(attr(a, "number:min-decimal-places") ?? 0) || 0;
        const dec = +(attr(a, "number:decimal-places") ?? 0) || 0;
        if (minDec || dec) t += ".";
        if (minDec) t += digits(minDec);
        if (dec - minDec) t += digits(dec - minDec);
        this.nf += t;
        break;
      }
      case "scientific-number": {
        const min = +(attr(a, "number:min-decimal-places") ?? 0);
        const dec = +(attr(a, "number:decimal-places") ?? 0);
        const exp = +(attr(a, "number:min-exponent-digits") ?? 0);
        const sign = attr(a, "number:forced-exponent-sign") === "true" ? "+" : "";
        this.nf += `0.${"0".repeat(Math.min(min || dec || 2, 30))}${"?".repeat(Math.max(0, Math.min(dec - min || 0, 30)))}E${sign}${"0".repeat(Math.min(exp || 2, 30))}`;
        break;
      }
      case "fraction": {
        const minInt = +(attr(a, "number:min-integer-digits") ?? 0);
        const denominator = attr(a, "number:denominator-value");
        this.nf += `${minInt ? "0".repeat(Math.min(minInt, 30)) : "#"} ${"?".repeat(Math.min(+(attr(a, "number:min-numerator-digits") ?? 0) || 1, 30))}/`;
        this.nf += +(denominator ?? 0) ? denominator : "?".repeat(Math.min(+(attr(a, "number:min-denominator-digits") ?? 0) || 1, 30));
        break;
      }
    }
  }

  textIn(t: string): void {
    if (this.text !== null) this.text += t;
    else if (this.embedded) this.embedded.text += t;
  }

  close(name: string): void {
    if (this.name === null) return;
    if (DATA_STYLES.has(name)) {
      let nf = name === "boolean-style" ? "General" : this.nf;
      if (!this.truncate) {
        if (/h/.test(nf)) nf = nf.replace(/h+/, "[$&]");
        else if (/m/.test(nf)) nf = nf.replace(/m+/, "[$&]");
        else if (/s/.test(nf)) nf = nf.replace(/s+/, "[$&]");
      }
      this.formats.set(this.name, nf);
      this.name = null;
      this.nf = "";
      return;
    }
    if ((name === "text" || name === "currency-symbol" || name === "fill-character") && this.text !== null) {
      const t = this.text;
      this.text = null;
      if (name === "text" && t === "%" && this.kind === "percentage-style") this.nf += "%";
      else this.nf += `"${t.replace(/"/g, '""')}"${name === "fill-character" ? "*" : ""}`;
    } else if (name === "embedded-text" && this.embedded) {
      const { at, text } = this.embedded;
      this.embedded = null;
      const q = `"${text.replace(/"/g, '""')}"`;
      this.nf = at === 0 ? this.nf + q : this.nf.slice(0, at) + q + this.nf.slice(at);
    }
  }
}

function commaify(s: string): string {
  const w = 3;
  if (s.length <= w) return s;
  const j = s.length % w;
  let o = s.slice(0, j);
  for (let i = j; i !== s.length; i += w) o += (o.length > 0 ? "," : "") + s.slice(i, i + w);
  return o;
}

/** Markers in a paragraph's collected text: spaces (text:s), a tab, a line break, an element boundary. */
const SPACE = "\ue000";
const TAB = "\ue001";
const BREAK = "\ue002";
const EDGE = "\ue003";

/**
 * A paragraph's text as a spreadsheet shows it: XML white space collapsed and trimmed (an ideographic space U+3000
 * is text, kept as the .xlsx keeps it), text:s / tab / line-break kept.
 */
function paragraphText(raw: string): string {
  const fixed = raw
    .replace(/[\t\r\n]/g, " ")
    .replace(/^ +| +$/g, "")
    .replace(/ +/g, " ");
  return fixed.replace(/[\ue000-\ue003]/g, (c) => (c === SPACE ? " " : c === TAB ? "\t" : c === BREAK ? "\n" : ""));
}

/** Elements inside a cell whose text is no part of its value: comments, shapes. */
const HIDDEN = new Set(["annotation", "frame", "text-box", "shapes", "custom-shape", "rect", "line", "ellipse", "g", "image"]);

/** Reads an .ods (bytes sniffed as one) into snapshots. Throws UserError past a bound or for a damaged file. */
export function readOdsSheets(bytes: Uint8Array, where: string): SparseSheetSnapshot[] {
  const zip = ZipArchive.open(bytes);
  /** Data styles of content.xml's automatic styles, then (read only when a cell needs one) of styles.xml. */
  const styles = new DataStyles();
  let shared: DataStyles | null = null;
  /** Automatic cell style → its data style's name; and → the number format, once a cell asked. */
  const dataStyleOf = new Map<string, string>();
  const formatOf = new Map<string, string | null>();
  let inflated = 0;
  const bounded = (part: string) => {
    const e = zip.entry(part);
    inflated += e ? e.size : 0;
    if (inflated > LIMITS.totalBytes) throw limitError("totalBytes");
  };
  const sharedStyles = (): DataStyles => {
    if (shared) return shared;
    const d = (shared = new DataStyles());
    if (!zip.has("styles.xml")) return d;
    bounded("styles.xml");
    const content = standardPrefixes;
    parsePart(zip, "styles.xml", {
      open: (n, a, sc) => (n === "document-styles" ? (standardPrefixes = usesStandardPrefixes(a)) : d.open(n, a, sc)),
      close: (n) => d.close(n),
      text: (t) => d.textIn(t),
    });
    standardPrefixes = content;
    return d;
  };
  const formatOfStyle = (cellStyle: string): string | null => {
    let f = formatOf.get(cellStyle);
    if (f !== undefined) return f;
    const data = dataStyleOf.get(cellStyle);
    f = data === undefined ? null : (styles.formats.get(data) ?? sharedStyles().formats.get(data) ?? null);
    formatOf.set(cellStyle, f || null);
    return f || null;
  };

  if (!zip.has("content.xml")) throw limitError("declared", "content.xml");
  bounded("content.xml");

  const sheets: SparseSheetSnapshot[] = [];
  let total = 0;
  let date1904 = false;
  let sheet: { name: string; cells: SnapshotCell[]; merges: MergedArea[] } | null = null;
  let R = -1;
  let rowRepeat = 1;
  let C = -1;
  // the cell being read
  let cell: Attributes | null = null;
  let cellRepeat = 1;
  /** The cell's paragraphs as one text (SheetJS's joining: one line each) and whether any text:p had content. */
  let shown = "";
  let opened = false;
  let paragraph: string | null = null;
  let hiddenDepth = 0;
  let coveredDepth = 0;

  const finishCell = (a: Attributes) => {
    const type = attr(a, "office:value-type");
    const styleName = attr(a, "table:style-name");
    let z: string | null = styleName !== undefined ? formatOfStyle(styleName) : null;
    const rawFormula = attr(a, "table:formula");
    const formula = rawFormula ? odsFormula(rawFormula) : null;
    let value: CellValue = null;
    switch (type) {
      case "float":
      case "percentage":
      case "currency": {
        const n = parseFloat(attr(a, "office:value") ?? "");
        value = Number.isFinite(n) ? n : null;
        break;
      }
      case "boolean": {
        const b = attr(a, "office:boolean-value") ?? "";
        value = b === "true" || b === "1" || +b >= 1;
        break;
      }
      case "date": {
        value = dateSerial(attr(a, "office:date-value") ?? "", date1904);
        z ??= "m/d/yy";
        break;
      }
      case "time": {
        value = durationDays(attr(a, "office:time-value") ?? "");
        z ??= "HH:MM:SS";
        break;
      }
      default: {
        const sv = attr(a, "office:string-value");
        if (sv !== undefined) value = sv === "" ? null : sv;
        else value = opened && shown !== "" ? shown : null;
      }
    }
    if (attr(a, "calcext:value-type") === "error") {
      if (ERROR_TEXTS.has(shown)) value = shown;
    }
    if (value === null && formula === null) return;
    if (!sheet) return;
    if (R >= MAX_ROWS || C >= MAX_COLS) throw userError("legacy-html-range", { where });
    const rows = Math.min(rowRepeat, MAX_ROWS - R);
    const cols = Math.min(cellRepeat, MAX_COLS - C);
    total += rows * cols;
    if (total > LIMITS.cells) throw limitError("cells", where);
    if (typeof value === "string") checkText(value, `${sheet.name}!R${R + 1}C${C + 1}`);
    const numberFormat = z === null || z === "General" ? null : z;
    for (let r = 0; r < rows; r++)
      for (let c = 0; c < cols; c++) sheet.cells.push({ row: R + r + 1, col: C + c + 1, value, formula, numberFormat });
  };

  standardPrefixes = true;
  parsePart(zip, "content.xml", {
    open(name, a, selfClosing) {
      // every element's close follows its open, a self-closing one's too
      if (hiddenDepth > 0 || coveredDepth > 0) {
        if (hiddenDepth > 0) hiddenDepth++;
        else coveredDepth++;
        return;
      }
      if (cell) {
        if (paragraph !== null) {
          if (name === "s") paragraph += SPACE.repeat(Math.min(count(a, "text:c", LIMITS.stringChars), LIMITS.stringChars));
          else if (name === "tab") paragraph += TAB;
          else if (name === "line-break") paragraph += BREAK;
          else if (HIDDEN.has(name)) hiddenDepth = 1;
          else paragraph += EDGE;
          return;
        }
        if (name === "p") {
          if (selfClosing) shown += "\n";
          else {
            paragraph = "";
            opened = true;
          }
        } else if (HIDDEN.has(name)) hiddenDepth = 1;
        return;
      }
      switch (name) {
        case "table":
          if (selfClosing) return;
          sheet = { name: attr(a, "table:name") ?? `Sheet${sheets.length + 1}`, cells: [], merges: [] };
          R = -1;
          return;
        case "table-row":
          if (!sheet) return;
          if (R < 0) R = 0;
          rowRepeat = count(a, "table:number-rows-repeated", MAX_ROWS);
          C = -1;
          return;
        case "table-cell": {
          if (!sheet || R < 0) return;
          C++;
          const repeat = count(a, "table:number-columns-repeated", MAX_COLS);
          const rs = count(a, "table:number-rows-spanned", MAX_ROWS);
          const cs = count(a, "table:number-columns-spanned", MAX_COLS);
          if ((rs > 1 || cs > 1) && R < MAX_ROWS && C < MAX_COLS) {
            sheet.merges.push({ top: R + 1, left: C + 1, bottom: Math.min(R + rs, MAX_ROWS), right: Math.min(C + cs, MAX_COLS) });
          }
          if (selfClosing) {
            // a cell with no content: only a value in its attributes (or a formula) makes it anything
            if (attr(a, "office:value-type") !== undefined || attr(a, "table:formula") !== undefined) {
              cellRepeat = repeat;
              shown = "";
              opened = false;
              finishCell(a);
            }
            C += repeat - 1;
            return;
          }
          cell = a;
          cellRepeat = repeat;
          shown = "";
          opened = false;
          paragraph = null;
          return;
        }
        case "covered-table-cell":
          if (!sheet || R < 0) return;
          C += count(a, "table:number-columns-repeated", MAX_COLS);
          coveredDepth = 1;
          return;
        case "null-date":
          if (attr(a, "table:date-value") === "1904-01-01") date1904 = true;
          return;
        case "style":
          if (attr(a, "style:family") === "table-cell") {
            const data = attr(a, "style:data-style-name");
            const n = attr(a, "style:name");
            if (data !== undefined && n !== undefined) dataStyleOf.set(n, data);
          }
          return;
        case "document-content":
          standardPrefixes = usesStandardPrefixes(a);
          return;
        default:
          if (!sheet) styles.open(name, a, selfClosing);
      }
    },
    close(name) {
      if (hiddenDepth > 0) {
        hiddenDepth--;
        return;
      }
      if (coveredDepth > 0) {
        coveredDepth--;
        return;
      }
      if (cell) {
        if (paragraph !== null) {
          if (name === "p") {
            shown = (shown.length > 0 ? `${shown}\n` : "") + paragraphText(paragraph);
            paragraph = null;
            checkText(shown, where);
          } else paragraph += EDGE;
          return;
        }
        if (name === "table-cell") {
          const a = cell;
          cell = null;
          finishCell(a);
          C += cellRepeat - 1;
        }
        return;
      }
      switch (name) {
        case "table-row":
          if (sheet) {
            R += rowRepeat;
            rowRepeat = 1;
          }
          return;
        case "table":
          if (sheet) sheets.push(sheet);
          sheet = null;
          return;
        default:
          if (!sheet) styles.close(name);
      }
    },
    text(t) {
      if (hiddenDepth > 0 || coveredDepth > 0) return;
      if (paragraph !== null) {
        paragraph += t;
        if (paragraph.length > LIMITS.stringChars * 4) checkText(paragraphText(paragraph), where);
      } else if (!sheet) styles.textIn(t);
    },
  });
  return sheets.map(withoutCovered);
}

/** Cells a merge covers are not the sheet's (a spreadsheet shows only the merge's first cell). */
function withoutCovered(s: SparseSheetSnapshot): SparseSheetSnapshot {
  const merges = s.merges ?? [];
  if (merges.length === 0) return s;
  const covered = new Set<number>();
  for (const m of merges) {
    if ((m.bottom - m.top + 1) * (m.right - m.left + 1) > 10_000) continue;
    for (let r = m.top; r <= m.bottom; r++)
      for (let c = m.left; c <= m.right; c++) if (r !== m.top || c !== m.left) covered.add(r * 32768 + c);
  }
  if (covered.size === 0) return s;
  return { ...s, cells: s.cells.filter((c) => !covered.has(c.row * 32768 + c.col)) };
}
