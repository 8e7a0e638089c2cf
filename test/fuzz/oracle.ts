/**
 * The fuzzer's own view of a workbook, independent of the project's reader: every part decoded (UTF-8, or UTF-16 by
 * its byte-order mark) and parsed with saxes, and every cell's content (type, value, formula; shared strings
 * resolved) per sheet name — to tell which cells a command changed and whether what it wrote parses.
 */
import { unzipSync } from "fflate";
import { SaxesParser } from "saxes";

export function decodePart(b: Uint8Array): string {
  if (b[0] === 0xff && b[1] === 0xfe) return new TextDecoder("utf-16le", { fatal: true }).decode(b.subarray(2));
  if (b[0] === 0xfe && b[1] === 0xff) return new TextDecoder("utf-16be", { fatal: true }).decode(b.subarray(2));
  return new TextDecoder("utf-8", { fatal: true }).decode(b);
}

export interface El {
  local: string;
  uri: string;
  attrs: Record<string, string>;
  children: El[];
  text: string;
}

/** Parses XML into a small tree (namespaces resolved); throws on anything not well formed. */
export function parseXml(text: string): El {
  const parser = new SaxesParser({ xmlns: true });
  const root: El = { local: "#root", uri: "", attrs: {}, children: [], text: "" };
  const stack: El[] = [root];
  let error: Error | null = null;
  parser.on("error", (e) => {
    error ??= e;
  });
  parser.on("opentag", (t) => {
    const attrs: Record<string, string> = {};
    for (const a of Object.values(t.attributes)) attrs[a.uri ? `{${a.uri}}${a.local}` : a.local] = a.value;
    const el: El = { local: t.local, uri: t.uri, attrs, children: [], text: "" };
    stack[stack.length - 1].children.push(el);
    stack.push(el);
  });
  parser.on("closetag", () => void stack.pop());
  parser.on("text", (s) => void (stack[stack.length - 1].text += s));
  parser.on("cdata", (s) => void (stack[stack.length - 1].text += s));
  parser.write(text).close();
  if (error) throw error;
  return root;
}

export function partsOf(bytes: Uint8Array): Record<string, Uint8Array> {
  return unzipSync(bytes);
}

/** The parts of `after` that are new or differ from `before` and do not parse as XML (name: reason). */
export function unparsedWrittenParts(before: Record<string, Uint8Array> | null, after: Record<string, Uint8Array>): string[] {
  const bad: string[] = [];
  for (const [name, data] of Object.entries(after)) {
    if (!/\.(xml|rels|vml)$/i.test(name)) continue;
    const old = before?.[name];
    if (old && old.length === data.length && old.every((v, i) => v === data[i])) continue;
    try {
      parseXml(decodePart(data));
    } catch (e) {
      bad.push(`${name}: ${(e instanceof Error ? e.message : String(e)).slice(0, 120)}`);
    }
  }
  return bad;
}

const all = (el: El, local: string): El[] => {
  const out: El[] = [];
  const walk = (e: El) => {
    for (const c of e.children) {
      if (c.local === local) out.push(c);
      walk(c);
    }
  };
  walk(el);
  return out;
};
const text = (el: El): string => el.text + el.children.map(text).join("");

const R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

function resolve(base: string, target: string): string {
  if (target.startsWith("/")) return target.slice(1);
  const parts = base.split("/").slice(0, -1);
  for (const seg of target.split("/")) {
    if (seg === "..") parts.pop();
    else if (seg !== "." && seg !== "") parts.push(seg);
  }
  return parts.join("/");
}

/** One cell as the oracle sees it: its content (type, value, formula) as a string, for comparison. */
export type CellMap = Map<string, string[]>;

/** Every sheet's non-empty cells by sheet name: address → contents (more than one when the file repeats a cell). */
export function readCells(parts: Record<string, Uint8Array>): Map<string, CellMap> {
  // the workbook part _rels/.rels names (xl/workbook.xml when it names none)
  const root = parts["_rels/.rels"] ? all(parseXml(decodePart(parts["_rels/.rels"])), "Relationship") : [];
  const named = root.find((r) => /\/officeDocument$/.test(r.attrs.Type ?? ""));
  const wbName = named && parts[resolve("", named.attrs.Target ?? "")] ? resolve("", named.attrs.Target ?? "") : "xl/workbook.xml";
  const wb = parseXml(decodePart(parts[wbName]));
  const relsName = wbName.replace(/([^/]+)$/, "_rels/$1.rels");
  const rels = parseXml(decodePart(parts[relsName]));
  const targets = new Map(all(rels, "Relationship").map((r) => [r.attrs.Id, resolve(wbName, r.attrs.Target ?? "")]));
  let sst: string[] = [];
  const sstName = [...targets.values()].find((t) => /sharedStrings/i.test(t));
  if (sstName && parts[sstName])
    sst = all(parseXml(decodePart(parts[sstName])), "si").map((si) =>
      all(si, "t")
        .filter((t) => !isInRph(si, t))
        .map(text)
        .join(""),
    );
  const out = new Map<string, CellMap>();
  for (const s of all(wb, "sheet")) {
    const target = targets.get(s.attrs[`{${R_NS}}id`]);
    if (!target || !parts[target]) continue;
    const cells: CellMap = new Map();
    for (const c of positioned(parseXml(decodePart(parts[target])))) {
      const f = c.children.find((x) => x.local === "f");
      const v = c.children.find((x) => x.local === "v");
      const is = c.children.find((x) => x.local === "is");
      const t = c.attrs.t ?? "n";
      let value: string | null = v ? v.text : is ? all(is, "t").map(text).join("") : null;
      if (t === "s" && value !== null) value = sst[Number(value)] ?? `#sst${value}`;
      if (value === null && !f) continue;
      const kind = t === "s" || t === "inlineStr" || t === "str" ? "text" : t;
      const content = JSON.stringify([kind, f ? `=${text(f)}${f.attrs.t === "shared" ? `#${f.attrs.si}` : ""}` : null, f ? null : value]);
      const ref = c.attrs.r ?? c.attrs["#pos"];
      out.set(s.attrs.name, cells);
      cells.set(ref, [...(cells.get(ref) ?? []), content]);
    }
    out.set(s.attrs.name, cells);
  }
  return out;
}
const colName = (n: number): string => (n > 26 ? colName(Math.floor((n - 1) / 26)) : "") + String.fromCharCode(65 + ((n - 1) % 26));
const colOf = (letters: string): number => [...letters].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);

/**
 * A sheet's cells, each with its position in "#pos" as a spreadsheet application reads it: a row or cell without r
 * is the one after the previous (rows of sheetData; cells of their row).
 */
function positioned(sheet: El): El[] {
  const out: El[] = [];
  let row = 0;
  for (const r of all(sheet, "row")) {
    const n = Number(r.attrs.r);
    row = r.attrs.r !== undefined && Number.isInteger(n) && n > 0 ? n : row + 1;
    let col = 0;
    for (const c of r.children.filter((x) => x.local === "c")) {
      const m = /^\$?([A-Z]+)\$?(\d+)$/.exec(c.attrs.r ?? "");
      col = m ? colOf(m[1]) : col + 1;
      out.push({ ...c, attrs: { ...c.attrs, "#pos": `${colName(col)}${row}` } });
    }
  }
  return out;
}

function isInRph(si: El, t: El): boolean {
  return all(si, "rPh").some((r) => all(r, "t").includes(t));
}

/** Cells that differ between two reads, outside `allowed` (sheet → addresses). */
export function changedCells(
  before: Map<string, CellMap>,
  after: Map<string, CellMap>,
  allowed: Map<string, Set<string>> = new Map(),
): string[] {
  const diffs: string[] = [];
  for (const name of new Set([...before.keys(), ...after.keys()])) {
    const a = before.get(name) ?? new Map<string, string[]>();
    const b = after.get(name) ?? new Map<string, string[]>();
    const ok = allowed.get(name) ?? new Set<string>();
    for (const ref of new Set([...a.keys(), ...b.keys()])) {
      if (ok.has(ref)) continue;
      const x = JSON.stringify(a.get(ref) ?? []);
      const y = JSON.stringify(b.get(ref) ?? []);
      if (x !== y) diffs.push(`${name}!${ref}: ${x} → ${y}`);
    }
  }
  return diffs;
}

/** Cells written more than once in `after` that `before` held once (or not at all). */
export function newDuplicates(before: Map<string, CellMap>, after: Map<string, CellMap>): string[] {
  const out: string[] = [];
  for (const [name, cells] of after) {
    for (const [ref, contents] of cells) {
      if (contents.length > 1 && (before.get(name)?.get(ref)?.length ?? 0) < contents.length)
        out.push(`${name}!${ref} ×${contents.length}`);
    }
  }
  return out;
}
