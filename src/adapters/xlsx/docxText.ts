/**
 * The text of a .docx (Word or WPS 文字) for the comparison with its table: paragraphs, headings and the cells of
 * its tables, in document order. Read with the workbook reader's zip (fflate, bounded: a part may not expand past its
 * declared size nor the limits of xlsx/limits.ts — a zip bomb stops there) and saxes, streaming. Deleted text
 * (tracked changes), field codes, headers and footers are left out; a nested table's text belongs to its outer cell.
 * Node and browser alike. It lives beside the package reader it shares (zip.ts, xml.ts, sniff.ts: adapters may not
 * import another host's folder); once those move down to a shared OOXML module it belongs in adapters/docx.
 */
import type { ReportBlock } from "../../core/compare";
import { isUserError } from "../../core/errors";
import { userError } from "../../core/messages";
import { sniff, toBytes } from "./sniff";
import { parsePart } from "./xml";
import { ZipArchive } from "./zip";

/** Characters of text a report may hold (a 30-page report has some 30,000). */
export const DOCX_TEXT_LIMIT = 20_000_000;

const WHAT: Record<string, { zh: string; en: string }> = {
  empty: { zh: "文件为空", en: "the file is empty" },
  truncated: { zh: "文件不完整或已损坏", en: "the file is cut short or damaged" },
  encrypted: { zh: "文档设有打开密码", en: "it is protected by a password" },
  doc: { zh: "这是旧版 Word 97–2003 文档（.doc）", en: "it is an old Word 97–2003 document (.doc)" },
  xlsx: { zh: "这是工作簿", en: "it is a workbook" },
  other: { zh: "无法识别的文件", en: "an unknown kind of file" },
};

function notDocx(file: string, what: keyof typeof WHAT) {
  return userError("not-docx", { file, what: WHAT[what] });
}

/** The main part's name, from the package relationships (word/document.xml when they do not say). */
function mainPart(zip: ZipArchive): string {
  if (zip.has("_rels/.rels")) {
    const rels = zip.text("_rels/.rels", 1 << 20);
    const m = /<Relationship\b[^>]*Type="[^"]*\/officeDocument"[^>]*>/.exec(rels);
    const target = m && /Target="([^"]+)"/.exec(m[0]);
    if (target) {
      const name = target[1].replace(/^\//, "");
      if (zip.has(name)) return name;
    }
  }
  return "word/document.xml";
}

/** Reads a .docx into text blocks. Throws UserError (zh + en) for anything that is not a readable .docx. */
export function readDocxBlocks(data: ArrayBuffer | Uint8Array, fileName = "报告"): ReportBlock[] {
  const bytes = toBytes(data);
  const s = sniff(bytes);
  if (s.kind === "empty" || s.kind === "truncated" || s.kind === "encrypted") throw notDocx(fileName, s.kind);
  if (s.kind === "cfb-other") throw notDocx(fileName, s.what === "doc" ? "doc" : "other");
  if (s.kind === "xlsx" || s.kind === "xls") throw notDocx(fileName, "xlsx");
  if (s.kind !== "zip-other" || s.what !== "docx") throw notDocx(fileName, "other");
  try {
    const zip = ZipArchive.open(bytes);
    return readDocument(zip, mainPart(zip));
  } catch (e) {
    if (isUserError(e) && e.code !== "corrupt") throw e;
    const detail = e instanceof Error ? e.message : String(e);
    throw userError("docx-damaged", { detail: detail.replace(/\s+/g, " ").slice(0, 120) });
  }
}

interface Cell {
  row: number;
  col: number;
  text: string;
}

function readDocument(zip: ZipArchive, part: string): ReportBlock[] {
  const out: ReportBlock[] = [];
  let chars = 0;
  let tables = 0;
  // the table stack: each open table's current row, column and cell; only the outermost one makes cell blocks
  const stack: { index: number; row: number; col: number; span: number; cell: Cell | null }[] = [];
  let para: { text: string; heading: boolean } | null = null;
  const paraStack: { text: string; heading: boolean }[] = [];
  let inText = false;
  let skip = 0; // inside deleted text or a field code
  const emit = (b: ReportBlock) => {
    chars += b.text.length;
    if (chars > DOCX_TEXT_LIMIT) throw userError("docx-damaged", { detail: `more than ${DOCX_TEXT_LIMIT} characters of text` });
    out.push(b);
  };
  const add = (t: string) => {
    if (para && !skip) para.text += t;
  };
  parsePart(zip, part, {
    open(name, attrs, selfClosing) {
      switch (name) {
        case "p":
          if (para) paraStack.push(para);
          para = { text: "", heading: false };
          break;
        case "pStyle": {
          const v = (attrs["w:val"] ?? attrs.val ?? "").toLowerCase();
          if (para && (/^heading|^title$|^\d$|标题/.test(v) || v === "subtitle")) para.heading = true;
          break;
        }
        case "outlineLvl":
          if (para) para.heading = true;
          break;
        case "t":
          inText = !selfClosing;
          break;
        case "tab":
          add("\t");
          break;
        case "br":
        case "cr":
          add("\n");
          break;
        case "del":
        case "instrText":
        case "delText":
          skip++; // saxes closes a self-closing element too
          break;
        case "tbl":
          stack.push({ index: stack.length === 0 ? tables++ : -1, row: -1, col: 0, span: 1, cell: null });
          break;
        case "tr":
          if (stack.length) {
            const t = stack[stack.length - 1];
            t.row++;
            t.col = 0;
          }
          break;
        case "tc":
          if (stack.length === 1) {
            const t = stack[0];
            t.span = 1;
            t.cell = { row: t.row, col: t.col, text: "" };
          }
          break;
        case "gridSpan":
          if (stack.length === 1) stack[0].span = Math.max(1, Number(attrs["w:val"] ?? attrs.val ?? 1) || 1);
          break;
      }
    },
    close(name) {
      switch (name) {
        case "p": {
          const p = para;
          para = paraStack.pop() ?? null;
          if (!p) break;
          const text = p.text;
          if (stack.length && stack[0].cell) {
            const c = stack[0].cell;
            c.text = c.text ? `${c.text}\n${text}` : text;
          } else if (text.trim()) emit({ kind: p.heading ? "heading" : "paragraph", text });
          break;
        }
        case "t":
          inText = false;
          break;
        case "del":
        case "instrText":
        case "delText":
          if (skip) skip--;
          break;
        case "tc":
          if (stack.length === 1 && stack[0].cell) {
            const t = stack[0];
            const c = t.cell as Cell;
            emit({ kind: "cell", text: c.text, table: t.index, row: c.row, col: c.col });
            t.col += t.span;
            t.cell = null;
          }
          break;
        case "tbl":
          stack.pop();
          break;
      }
    },
    text(t) {
      if (inText) add(t);
    },
  });
  return out;
}
