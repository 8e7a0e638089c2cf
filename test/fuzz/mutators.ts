/**
 * The fuzzer's mutations of a workbook, each a plain value (so a case prints as JSON and replays exactly) applied
 * deterministically: at the zip level (the container), the XML level (the parts) and the table level (the figures).
 * `apply(bytes, ops)` gives the mutated file; `opArbitrary` draws the operations with fast-check.
 */
import fc from "fast-check";
import { compoundFile, readEntries, writeZip, type Entry } from "./zip";

export type ZipOp =
  | { k: "truncate"; at: number }
  | { k: "flip"; at: number[]; x: number }
  | { k: "duplicate"; entry: number; altered: boolean; first: boolean }
  | { k: "traversal"; style: number }
  | { k: "descriptor" }
  | { k: "zip64" }
  | { k: "stored" }
  | { k: "cfb"; streams: number }
  | { k: "junk"; where: "prefix" | "comment" };

export type XmlOp =
  | { k: "brokenRel"; sheet: number; how: number }
  | { k: "badIndex"; cell: number; what: "sst" | "style" | "styleText" | "negative" }
  | { k: "rowsReversed"; sheet: number }
  | { k: "cellsReversed"; sheet: number; row: number }
  | { k: "dupCell"; sheet: number; cell: number; same: boolean }
  | { k: "dupRow"; sheet: number; row: number }
  | { k: "merge"; sheet: number; kind: "overlap" | "inverted" | "bad" | "single" | "huge"; at: number }
  | { k: "dtd"; entity: boolean }
  | { k: "comment"; sheet: number; where: "betweenRows" | "inRow" | "inCell" | "markup" | "sst"; at: number }
  | { k: "pi"; sheet: number; cdata: boolean }
  | { k: "nsPrefix"; part: "sheet" | "workbook" | "sst" | "styles" }
  | { k: "encoding"; part: "sheet" | "contentTypes" | "sst" | "workbook"; enc: "utf16le" | "utf16be" | "bom" }
  | { k: "missing"; part: number }
  | { k: "relTarget"; sheet: number; style: number }
  | { k: "gtInAttr"; sheet: number; cell: number };

export type TableOp =
  | { k: "unitText"; cell: number; unit: number }
  | { k: "budgetSign"; cell: number; zero: boolean }
  | { k: "control"; cell: number; ch: number }
  | { k: "errorValue"; cell: number; err: number };

export type Op = ZipOp | XmlOp | TableOp;
export type OpKind = Op["k"];

const ZIP_KINDS = new Set<OpKind>(["truncate", "flip", "duplicate", "traversal", "descriptor", "zip64", "stored", "cfb", "junk"]);
const TABLE_KINDS = new Set<OpKind>(["unitText", "budgetSign", "control", "errorValue"]);
/** The classes an operation belongs to: its kind, and its kind with its variant (e.g. "comment:markup"). */
export function classesOf(op: Op): string[] {
  const variant =
    "where" in op
      ? op.where
      : "what" in op
        ? op.what
        : op.k === "merge"
          ? op.kind
          : op.k === "encoding" || op.k === "nsPrefix"
            ? op.part
            : null;
  return variant ? [op.k, `${op.k}:${variant}`] : [op.k];
}

export const levelOf = (op: Op): "zip" | "xml" | "table" => (ZIP_KINDS.has(op.k) ? "zip" : TABLE_KINDS.has(op.k) ? "table" : "xml");

const enc = new TextEncoder();
const dec = new TextDecoder();

/** The parts as text (all the base workbooks are UTF-8), in stored order. */
type Parts = { name: string; text: string; bin?: Uint8Array; entry: Entry }[];

const SHEET = /^xl\/worksheets\/sheet\d+\.xml$/;
/** A worksheet part by its root element, whatever its name or namespace prefix (xl/sheets/data-1.xml, <x:worksheet>). */
const isSheet = (name: string, text: string) =>
  SHEET.test(name) || (/^xl\/.*\.xml$/i.test(name) && /^(?:<\?[^>]*\?>)?\s*<(?:[\w.-]+:)?worksheet[\s>]/.test(text));
function sheetParts(parts: Parts) {
  return parts.filter((p) => isSheet(p.name, p.text));
}
const rootIs = (text: string, local: string) => new RegExp(`^(?:<\\?[^>]*\\?>)?\\s*<(?:[\\w.-]+:)?${local}[\\s>]`).test(text);
/** The workbook part: xl/workbook.xml, or the part under another name holding a <workbook> (xl/book.xml). */
function workbookOf(parts: Parts) {
  return part(parts, "xl/workbook.xml") ?? parts.find((p) => /^xl\/[^/]+\.xml$/.test(p.name) && rootIs(p.text, "workbook"));
}
/** The shared strings part, by its name or its root (<sst>, <x:sst>). */
function sharedStringsOf(parts: Parts) {
  return part(parts, "xl/sharedStrings.xml") ?? parts.find((p) => /^xl\/[^/]+\.xml$/.test(p.name) && rootIs(p.text, "sst"));
}
function pick<T>(xs: T[], n: number): T | undefined {
  return xs.length ? xs[n % xs.length] : undefined;
}
function part(parts: Parts, name: string) {
  return parts.find((p) => p.name === name);
}

/** Rows and cells, unprefixed or with the prefix a generator gives the main namespace (<x:row>, <x:c>). */
const ROW = /<(?:[\w.-]+:)?row\b[^>]*?(?:\/>|>[\s\S]*?<\/(?:[\w.-]+:)?row>)/g;
const CELL = /<(?:[\w.-]+:)?c\b[^>]*?(?:\/>|>[\s\S]*?<\/(?:[\w.-]+:)?c>)/g;

/** Replaces the n-th match of `re` in text (mod the count) with f(match); unchanged when none. */
function replaceNth(text: string, re: RegExp, n: number, f: (m: string) => string): string {
  const ms = [...text.matchAll(re)];
  if (!ms.length) return text;
  const m = ms[n % ms.length];
  const at = m.index ?? 0;
  return text.slice(0, at) + f(m[0]) + text.slice(at + m[0].length);
}

function sheetData(text: string): { head: string; body: string; tail: string } | null {
  const a = /<(?:[\w.-]+:)?sheetData>/.exec(text);
  const b = /<\/(?:[\w.-]+:)?sheetData>/.exec(text);
  if (!a || !b) return null;
  const start = a.index + a[0].length;
  return { head: text.slice(0, start), body: text.slice(start, b.index), tail: text.slice(b.index) };
}

/** Every sheet's cells matching a predicate, as [part, nth-in-part]. */
function cellsWhere(parts: Parts, ok: (cell: string) => boolean): { p: Parts[number]; n: number }[] {
  const out: { p: Parts[number]; n: number }[] = [];
  for (const p of sheetParts(parts)) {
    [...p.text.matchAll(CELL)].forEach((m, n) => ok(m[0]) && out.push({ p, n }));
  }
  return out;
}
const isNumber = (c: string) => !/\bt="/.test(c.slice(0, c.indexOf(">"))) && /<v>-?[\d.E+-]+<\/v>/.test(c) && !/<f[\s>]/.test(c);
const isSharedString = (c: string) => /\bt="s"/.test(c) && /<v>\d+<\/v>/.test(c);

function refOfCell(c: string): string | null {
  return /\br="([A-Z]+\d+)"/.exec(c)?.[1] ?? null;
}

const UNITS = [
  (v: string) => `${v}万元`,
  (v: string) => `${v} 元`,
  (v: string) => `￥${v}`,
  (v: string) => `${v}%`,
  (v: string) => `约${v}`,
  (v: string) => Number(v).toLocaleString("en-US", { maximumFractionDigits: 4 }),
  (v: string) => v.replace(/[0-9]/g, (d) => String.fromCharCode(0xff10 + Number(d))),
  (v: string) => `（${v}）`,
  (v: string) => `${v}分`,
  (v: string) => `-${v}`,
];
/** Error values a cell may hold where a number belongs (a 合计, a budget, a score). */
const ERRORS = ["#REF!", "#DIV/0!", "#VALUE!", "#N/A", "#NAME?", "#NUM!"];
/** Control characters as a workbook carries them: `_xHHHH_` escapes, and raw where XML allows them. */
const CONTROLS = ["_x001B_[31m", "_x0000_", "_x0001_", "_xFFFE_", "\u202e", "\u0085", "\u2028", "\u200f", "_x0007_", "\u0007"];

function xmlOp(parts: Parts, op: XmlOp): void {
  const sheets = sheetParts(parts);
  const wb = workbookOf(parts);
  const wbRels = wb && part(parts, wb.name.replace(/([^/]+)$/, "_rels/$1.rels"));
  const sst = sharedStringsOf(parts);
  switch (op.k) {
    case "brokenRel": {
      if (op.how % 3 === 0 && wb) wb.text = replaceNth(wb.text, /r:id="[^"]*"/g, op.sheet, () => 'r:id="rId999"');
      else if (op.how % 3 === 1 && wbRels)
        wbRels.text = replaceNth(wbRels.text, /Target="worksheets\/[^"]*"/g, op.sheet, () => 'Target="worksheets/missing.xml"');
      else if (wb) wb.text = replaceNth(wb.text, /<sheet\b[^>]*\/>/g, op.sheet, (m) => m.replace(/\s+r:id="[^"]*"/, ""));
      return;
    }
    case "badIndex": {
      if (op.what === "sst") {
        const all = cellsWhere(parts, isSharedString);
        const c = pick(all, op.cell);
        if (c) c.p.text = replaceNth(c.p.text, CELL, c.n, (m) => m.replace(/<v>\d+<\/v>/, "<v>99999</v>"));
      } else {
        const all = cellsWhere(parts, (c) => /\bs="\d+"/.test(c));
        const c = pick(all, op.cell);
        const s = op.what === "style" ? "9999" : op.what === "styleText" ? "abc" : "-1";
        if (c) c.p.text = replaceNth(c.p.text, CELL, c.n, (m) => m.replace(/\bs="\d+"/, `s="${s}"`));
      }
      return;
    }
    case "rowsReversed":
    case "cellsReversed":
    case "dupRow":
    case "dupCell": {
      const p = pick(sheets, op.sheet);
      const sd = p && sheetData(p.text);
      if (!p || !sd) return;
      let body = sd.body;
      if (op.k === "rowsReversed")
        body = [...body.matchAll(ROW)]
          .map((m) => m[0])
          .reverse()
          .join("");
      else if (op.k === "dupRow") body = replaceNth(body, ROW, op.row, (m) => m + m);
      else if (op.k === "cellsReversed")
        body = replaceNth(body, ROW, op.row, (r) => {
          const cells = [...r.matchAll(CELL)].map((m) => m[0]);
          const open = r.slice(0, r.indexOf(">") + 1);
          return cells.length ? open + cells.reverse().join("") + "</row>" : r;
        });
      else
        body = replaceNth(body, CELL, op.cell, (m) =>
          op.same
            ? m + m
            : m +
              m
                .replace(/<v>[^<]*<\/v>/, "<v>7</v>")
                .replace(/\bt="[^"]*"/, "")
                .replace(/<f>[^<]*<\/f>/, ""),
        );
      p.text = sd.head + body + sd.tail;
      return;
    }
    case "merge": {
      const p = pick(sheets, op.sheet);
      if (!p) return;
      const existing = [...p.text.matchAll(/<mergeCell ref="([A-Z]+)(\d+):([A-Z]+)(\d+)"\/>/g)];
      let ref: string;
      const m = pick(existing, op.at);
      if (op.kind === "overlap" && m) ref = `${m[1]}${Number(m[2]) + (op.at % 2)}:${m[3]}${Number(m[4]) + 1}`;
      else if (op.kind === "overlap") ref = "A1:C3";
      else if (op.kind === "inverted") ref = "E9:B3";
      else if (op.kind === "bad") ref = ["A0:B2", "ZZZZ1:A1", "A1", "A1:B", ":", "XFE1:XFF2"][op.at % 6];
      else if (op.kind === "single") ref = m ? `${m[1]}${m[2]}:${m[1]}${m[2]}` : "B2:B2";
      else ref = `A200:ALL1199`;
      const merge = `<mergeCell ref="${ref}"/>`;
      if (/<mergeCells\b[^>]*>/.test(p.text))
        p.text = p.text.replace(
          /<mergeCells\b([^>]*)>/,
          (_s, attrs: string) => `<mergeCells${attrs.replace(/\s*count="\d+"/, "")}>${merge}`,
        );
      else p.text = p.text.replace("</sheetData>", `</sheetData><mergeCells>${merge}</mergeCells>`);
      return;
    }
    case "dtd": {
      for (const p of [...sheets, wb, sst]) {
        if (!p) continue;
        const root = /<([\w:]+)[\s>]/.exec(p.text.replace(/<\?[\s\S]*?\?>/g, ""))?.[1] ?? "x";
        const decl = op.entity ? `<!DOCTYPE ${root} [<!ENTITY jx "绩效">]>` : `<!DOCTYPE ${root}>`;
        p.text = p.text.replace(/^(<\?xml[^>]*\?>)?/, (d) => `${d}${decl}`);
      }
      if (op.entity && sst) sst.text = replaceNth(sst.text, /<t(\s[^>]*)?>/g, 0, (t) => `${t}&jx;`);
      return;
    }
    case "comment": {
      if (op.where === "sst") {
        if (sst) sst.text = replaceNth(sst.text, /<\/si>/g, op.at, (m) => `<!-- </si><si><t>x</t> -->${m}`);
        return;
      }
      const p = pick(sheets, op.sheet);
      const sd = p && sheetData(p.text);
      if (!p || !sd) return;
      let body = sd.body;
      if (op.where === "betweenRows") body = replaceNth(body, ROW, op.at, (r) => `<!-- 备注 -->${r}`);
      else if (op.where === "inRow") body = replaceNth(body, CELL, op.at, (c) => `${c}<!-- 行内 -->`);
      else {
        // inside a cell that has content, before its formula or value
        const FULL = /<c\b[^>]*?>(?:(?!<\/c>)[\s\S])*?<(?:v|f)>[\s\S]*?<\/c>/g;
        const ref =
          [...body.matchAll(CELL)]
            .map((m) => refOfCell(m[0]))
            .filter(Boolean)
            .pop() ?? "H23";
        const note = op.where === "inCell" ? "<!-- 单元格 -->" : `<!-- </c> <c r="${ref}"><v>0</v></c> -->`;
        body = replaceNth(body, FULL, op.at, (c) => c.replace(/<(v|f)>/, `${note}<$1>`));
      }
      p.text = sd.head + body + sd.tail;
      return;
    }
    case "pi": {
      const p = pick(sheets, op.sheet);
      if (p) p.text = p.text.replace("<sheetData>", "<sheetData><?jixiao fuzz?>");
      if (op.cdata && sst)
        sst.text = replaceNth(sst.text, /<t(\s[^>]*)?>([^<]*)<\/t>/g, 0, (m) => m.replace(/>([^<]*)</, "><![CDATA[$1]]><"));
      return;
    }
    case "nsPrefix": {
      const p = op.part === "sheet" ? sheets[0] : op.part === "workbook" ? wb : op.part === "sst" ? sst : part(parts, "xl/styles.xml");
      if (!p) return;
      p.text = p.text.replace(/<(\/?)([A-Za-z][\w.-]*)(?=[\s/>])/g, "<$1x:$2").replace(/\sxmlns="/, ' xmlns:x="');
      return;
    }
    case "encoding": {
      const p =
        op.part === "sheet" ? sheets[0] : op.part === "contentTypes" ? part(parts, "[Content_Types].xml") : op.part === "sst" ? sst : wb;
      if (!p) return;
      if (op.enc === "bom") {
        p.bin = enc.encode("\ufeff" + p.text);
        return;
      }
      const text = "\ufeff" + p.text.replace(/encoding="[^"]*"/i, 'encoding="UTF-16"');
      const b = new Uint8Array(text.length * 2);
      for (let i = 0; i < text.length; i++) {
        const c = text.charCodeAt(i);
        const [lo, hi] = [c & 0xff, c >>> 8];
        b[2 * i] = op.enc === "utf16le" ? lo : hi;
        b[2 * i + 1] = op.enc === "utf16le" ? hi : lo;
      }
      p.bin = b;
      return;
    }
    case "missing": {
      const i = op.part % parts.length;
      parts.splice(i, 1);
      return;
    }
    case "relTarget": {
      if (!wbRels) return;
      const styles = [
        (t: string) => `/xl/${t}`,
        (t: string) => `./${t}`,
        (t: string) => `worksheets/../${t}`,
        (t: string) => t.replace("/", "\\"),
        (t: string) => t.replace(/(\d+)\.xml$/, (_s, d: string) => `%${(0x30 + Number(d[0])).toString(16)}${d.slice(1)}.xml`),
        (t: string) => t.toUpperCase(),
        () => "../../../../etc/passwd",
        () => "http://127.0.0.1:9/x.xml",
        () => "",
        (t: string) => `${t}#frag`,
      ];
      const f = styles[op.style % styles.length];
      wbRels.text = replaceNth(wbRels.text, /<Relationship\b[^>]*worksheets\/[^>]*\/>/g, op.sheet, (r) => {
        const out = r.replace(/Target="([^"]*)"/, (_s, t: string) => `Target="${f(t)}"`);
        return op.style % styles.length === 7 ? out.replace("/>", ' TargetMode="External"/>') : out;
      });
      return;
    }
    case "gtInAttr": {
      const p = pick(sheets, op.sheet);
      if (p) p.text = replaceNth(p.text, /<c r="/g, op.cell, () => '<c jx="a>b" r="');
      return;
    }
  }
}

function tableOp(parts: Parts, op: TableOp): void {
  if (op.k === "control") {
    const sst = sharedStringsOf(parts);
    const ch = CONTROLS[op.ch % CONTROLS.length];
    if (sst)
      sst.text = replaceNth(sst.text, /<t(\s[^>]*)?>[^<]+<\/t>/g, op.cell, (m) =>
        m.replace(/>([^<]+)</, (_s, s: string) => `>${s.slice(0, 2)}${ch}${s.slice(2)}<`),
      );
    else {
      const c = pick(cellsWhere(parts, isNumber), op.cell);
      if (c) c.p.text = replaceNth(c.p.text, CELL, c.n, (m) => inline(m, `A${ch}B`));
    }
    return;
  }
  const c = pick(cellsWhere(parts, isNumber), op.cell);
  if (!c) return;
  c.p.text = replaceNth(c.p.text, CELL, c.n, (m) => {
    const v = /<v>([^<]*)<\/v>/.exec(m)?.[1] ?? "0";
    if (op.k === "errorValue") {
      const open = m
        .slice(0, m.indexOf(">"))
        .replace(/\/$/, "")
        .replace(/\s+t="[^"]*"/, "");
      return `${open} t="e"><v>${ERRORS[op.err % ERRORS.length]}</v></c>`;
    }
    if (op.k === "budgetSign") return m.replace(/<v>[^<]*<\/v>/, `<v>${op.zero ? "0" : String(-Math.abs(Number(v)) || -1)}</v>`);
    return inline(m, UNITS[op.unit % UNITS.length](v));
  });
}

function inline(cell: string, text: string): string {
  const open = cell
    .slice(0, cell.indexOf(">"))
    .replace(/\/$/, "")
    .replace(/\s+t="[^"]*"/, "");
  const esc = text.replace(/&/g, "&amp;").replace(/</g, "&lt;");
  return `${open} t="inlineStr"><is><t xml:space="preserve">${esc}</t></is></c>`;
}

function zipOp(entries: Entry[], op: ZipOp): void {
  switch (op.k) {
    case "duplicate": {
      const i = op.entry % entries.length;
      const e = entries[i];
      let data = e.data;
      if (op.altered && SHEET.test(e.name)) data = enc.encode(dec.decode(e.data).replace(/<v>[^<]*<\/v>/, "<v>12345</v>"));
      else if (op.altered) data = enc.encode(dec.decode(e.data).replace(/>[^<]+</, "><"));
      entries.splice(op.first ? i : i + 1, 0, { ...e, data });
      return;
    }
    case "traversal": {
      const names = [
        "../../evil.xml",
        "/abs/evil.xml",
        "xl\\..\\..\\evil.xml",
        "xl/worksheets/../../../evil.xml",
        "C:/evil.xml",
        "xl/./worksheets/sheet1.xml",
      ];
      const name = names[op.style % names.length];
      const sheet = entries.find((e) => SHEET.test(e.name));
      if (op.style % 2 === 0 || !sheet) entries.push({ name, data: enc.encode("<x/>") });
      else {
        // the sheet stored under the traversal name too, and the package pointing at it
        entries.push({ name, data: sheet.data });
        const rels = entries.find((e) => e.name === "xl/_rels/workbook.xml.rels");
        if (rels) rels.data = enc.encode(dec.decode(rels.data).replace(/Target="worksheets\/sheet1\.xml"/, `Target="${name}"`));
      }
      return;
    }
    case "descriptor":
      entries.forEach((e) => (e.descriptor = true));
      return;
    case "zip64":
      entries.forEach((e, i) => (e.zip64 = i % 2 === 0 || entries.length < 3));
      return;
    case "stored":
      entries.forEach((e) => (e.method = 0));
      return;
    default:
      return;
  }
}

/** The workbook with the operations applied: XML and table operations on the parts, then the container. */
export function apply(bytes: Uint8Array, ops: Op[]): Uint8Array {
  const parts: Parts = readEntries(bytes).map((e) => ({ name: e.name, text: dec.decode(e.data), entry: e }));
  const original = new Map(parts.map((p) => [p, p.text]));
  for (const op of ops) {
    const level = levelOf(op);
    if (level === "xml") xmlOp(parts, op as XmlOp);
    else if (level === "table") tableOp(parts, op as TableOp);
  }
  // a part left alone keeps its bytes (and the compression of the tool that made the file)
  const entries: Entry[] = parts.map((p) =>
    !p.bin && original.get(p) === p.text ? { ...p.entry, name: p.name } : { name: p.name, data: p.bin ?? enc.encode(p.text) },
  );
  const whole = ops.filter((o) => levelOf(o) === "zip") as ZipOp[];
  for (const op of whole) zipOp(entries, op);
  const junk = whole.find((o): o is Extract<ZipOp, { k: "junk" }> => o.k === "junk");
  let out = writeZip(
    entries,
    junk ? (junk.where === "prefix" ? { prefix: enc.encode("MZ-stub".repeat(40)) } : { comment: "fuzz ✓ 注释" }) : {},
  );
  for (const op of whole) {
    if (op.k === "truncate") out = out.slice(0, Math.floor(out.length * (op.at / 1000)));
    else if (op.k === "flip" && out.length) {
      out = out.slice();
      for (const at of op.at) out[at % out.length] ^= op.x || 0x5a;
    } else if (op.k === "cfb") {
      const streams = [["EncryptionInfo", "EncryptedPackage"], ["Workbook"], ["Book"], ["WordDocument"]][op.streams % 4];
      out = compoundFile(streams, out);
    }
  }
  return out;
}

const sheet = fc.nat(7);
const at = fc.nat(200);
export const zipOpArb: fc.Arbitrary<ZipOp> = fc.oneof(
  fc.record({ k: fc.constant("truncate" as const), at: fc.integer({ min: 0, max: 999 }) }),
  fc.record({
    k: fc.constant("flip" as const),
    at: fc.array(fc.nat(100000), { minLength: 1, maxLength: 6 }),
    x: fc.integer({ min: 1, max: 255 }),
  }),
  fc.record({ k: fc.constant("duplicate" as const), entry: fc.nat(40), altered: fc.boolean(), first: fc.boolean() }),
  fc.record({ k: fc.constant("traversal" as const), style: fc.nat(11) }),
  fc.constant({ k: "descriptor" as const }),
  fc.constant({ k: "zip64" as const }),
  fc.constant({ k: "stored" as const }),
  fc.record({ k: fc.constant("cfb" as const), streams: fc.nat(3) }),
  fc.record({ k: fc.constant("junk" as const), where: fc.constantFrom("prefix" as const, "comment" as const) }),
);
export const xmlOpArb: fc.Arbitrary<XmlOp> = fc.oneof(
  fc.record({ k: fc.constant("brokenRel" as const), sheet, how: fc.nat(2) }),
  fc.record({
    k: fc.constant("badIndex" as const),
    cell: at,
    what: fc.constantFrom("sst" as const, "style" as const, "styleText" as const, "negative" as const),
  }),
  fc.record({ k: fc.constant("rowsReversed" as const), sheet }),
  fc.record({ k: fc.constant("cellsReversed" as const), sheet, row: at }),
  fc.record({ k: fc.constant("dupCell" as const), sheet, cell: at, same: fc.boolean() }),
  fc.record({ k: fc.constant("dupRow" as const), sheet, row: at }),
  fc.record({
    k: fc.constant("merge" as const),
    sheet,
    kind: fc.constantFrom("overlap" as const, "inverted" as const, "bad" as const, "single" as const, "huge" as const),
    at,
  }),
  fc.record({ k: fc.constant("dtd" as const), entity: fc.boolean() }),
  fc.record({
    k: fc.constant("comment" as const),
    sheet,
    where: fc.constantFrom("betweenRows" as const, "inRow" as const, "inCell" as const, "markup" as const, "sst" as const),
    at,
  }),
  fc.record({ k: fc.constant("pi" as const), sheet, cdata: fc.boolean() }),
  fc.record({
    k: fc.constant("nsPrefix" as const),
    part: fc.constantFrom("sheet" as const, "workbook" as const, "sst" as const, "styles" as const),
  }),
  fc.record({
    k: fc.constant("encoding" as const),
    part: fc.constantFrom("sheet" as const, "contentTypes" as const, "sst" as const, "workbook" as const),
    enc: fc.constantFrom("utf16le" as const, "utf16be" as const, "bom" as const),
  }),
  fc.record({ k: fc.constant("missing" as const), part: fc.nat(40) }),
  fc.record({ k: fc.constant("relTarget" as const), sheet, style: fc.nat(9) }),
  fc.record({ k: fc.constant("gtInAttr" as const), sheet, cell: at }),
);
export const tableOpArb: fc.Arbitrary<TableOp> = fc.oneof(
  fc.record({ k: fc.constant("unitText" as const), cell: at, unit: fc.nat(9) }),
  fc.record({ k: fc.constant("budgetSign" as const), cell: at, zero: fc.boolean() }),
  fc.record({ k: fc.constant("control" as const), cell: at, ch: fc.nat(9) }),
  fc.record({ k: fc.constant("errorValue" as const), cell: at, err: fc.nat(5) }),
);
