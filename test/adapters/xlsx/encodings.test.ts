/**
 * XML parts in UTF-16 (OPC allows UTF-8 and UTF-16): read by every command, and every part written keeps the encoding
 * it was read in — so mark writes no mojibake, and mark then clear gives back every part byte for byte.
 */
import * as fs from "fs";
import * as path from "path";
import { strFromU8, unzipSync } from "fflate";
import { SaxesParser } from "saxes";
import { run, tempDir } from "../../cli/run";
import { fixtureBytes } from "./badInputs";
import { filesOf, text, zipOf } from "./amplify";
import { recalcXlsx } from "../../support/libreoffice";

jest.setTimeout(300_000);

let dir: string;
beforeAll(() => (dir = tempDir("jixiao-encodings-")));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** UTF-16 text of an XML part, its declaration saying so, with or without a byte-order mark. */
function utf16(xml: string, order: "le" | "be", bom: boolean): Uint8Array {
  const t = (bom ? "\ufeff" : "") + xml.replace(/encoding="UTF-8"/i, 'encoding="UTF-16"');
  const b = new Uint8Array(t.length * 2);
  for (let i = 0; i < t.length; i++) {
    const c = t.charCodeAt(i);
    b[2 * i + (order === "le" ? 0 : 1)] = c & 0xff;
    b[2 * i + (order === "le" ? 1 : 0)] = c >> 8;
  }
  return b;
}

/** The text of an XML part as its bytes and its declaration say; throws when the two disagree or it does not parse. */
function decodeConsistently(part: string, b: Uint8Array): string {
  const le = (b[0] === 0xff && b[1] === 0xfe) || (b[0] === 0x3c && b[1] === 0x00);
  const be = (b[0] === 0xfe && b[1] === 0xff) || (b[0] === 0x00 && b[1] === 0x3c);
  const t = new TextDecoder(le ? "utf-16le" : be ? "utf-16be" : "utf-8", { fatal: true }).decode(b);
  const declared = /^<\?xml[^>]*encoding=["']([^"']+)/.exec(t)?.[1]?.toLowerCase() ?? "utf-8";
  expect({ part, declared: declared.replace("-", "") }).toEqual({ part, declared: le || be ? "utf16" : "utf8" });
  const parser = new SaxesParser();
  parser.on("error", (e) => {
    throw new Error(`${part}: ${e.message}`);
  });
  parser.write(t).close();
  return t;
}

function parts(file: string): Record<string, Uint8Array> {
  const files = unzipSync(new Uint8Array(fs.readFileSync(file)));
  for (const k of Object.keys(files)) if (k.endsWith("/")) delete files[k];
  return files;
}

const CASES: [string, (name: string) => boolean, "le" | "be", boolean][] = [
  ["[Content_Types].xml in UTF-16LE with a byte-order mark", (n) => n === "[Content_Types].xml", "le", true],
  ["every XML part in UTF-16BE without one", (n) => /\.(xml|rels)$/.test(n), "be", false],
  ["the sheet, its shared strings and styles in UTF-16LE", (n) => /sheet1\.xml|sharedStrings|styles/.test(n), "le", true],
];

describe.each(CASES)("%s", (label, which, order, bom) => {
  let input: string;
  let plain: string;
  beforeAll(() => {
    const fx = filesOf(fixtureBytes("project-medical-aid-2020"));
    const files: Record<string, Uint8Array> = {};
    for (const [k, v] of Object.entries(fx)) files[k] = which(k) ? utf16(text(v), order, bom) : v;
    const slug = label.replace(/\W+/g, "-");
    input = path.join(dir, `${slug}.xlsx`);
    fs.writeFileSync(input, zipOf(files));
    plain = path.join(dir, `${slug}-utf8.xlsx`);
    fs.writeFileSync(plain, zipOf(fx));
  });

  it("check reads it as it reads the UTF-8 file", async () => {
    const a = await run(["check", input, "--json"], dir);
    const b = await run(["check", plain, "--json"], dir);
    expect(a.code).toBe(0);
    const strip = (s: string) => ({ ...JSON.parse(s), file: null });
    expect(strip(a.stdout)).toEqual(strip(b.stdout));
  });

  it("mark writes every part consistently (bytes and declaration agree, each parses); clearing gives back every part byte for byte", async () => {
    const marked = path.join(dir, "marked.xlsx");
    const cleared = path.join(dir, "cleared.xlsx");
    const m = await run(["mark", input, "-o", marked], dir);
    expect(m.code).toBe(0);
    const out = parts(marked);
    for (const [name, bytes] of Object.entries(out)) if (/\.(xml|rels)$/.test(name)) decodeConsistently(name, bytes);
    // the marks are there: the content types name the comments part, which holds our notes
    const ct = decodeConsistently("[Content_Types].xml", out["[Content_Types].xml"]);
    expect(ct).toMatch(/comments1\.xml/);
    expect(strFromU8(out["xl/comments1.xml"])).toContain("绩效自评助手");
    // a part the marks did not touch keeps its bytes; a touched one keeps its encoding
    const before = parts(input);
    expect(out["[Content_Types].xml"].subarray(0, 2)).toEqual(before["[Content_Types].xml"].subarray(0, 2));
    expect((await run(["check", marked], dir)).code).toBe(0);
    const c = await run(["mark", "--clear", marked, "-o", cleared], dir);
    expect(c.code).toBe(0);
    const back = parts(cleared);
    expect(Object.keys(back).sort()).toEqual(Object.keys(before).sort());
    for (const k of Object.keys(before))
      expect({ k, same: Buffer.from(back[k]).equals(Buffer.from(before[k])) }).toEqual({ k, same: true });
  });

  it("fill writes consistent parts, and LibreOffice opens the result with the fill's values", async () => {
    const filled = path.join(dir, "filled.xlsx");
    const f = await run(["fill", input, "-o", filled], dir);
    expect(f.code).toBe(0);
    for (const [name, bytes] of Object.entries(parts(filled))) if (/\.(xml|rels)$/.test(name)) decodeConsistently(name, bytes);
    const again = await run(["check", filled, "--json"], dir);
    expect(JSON.parse(again.stdout).sheets[0].total).toBe(98);
    if (label.startsWith("[Content_Types]")) {
      const lo = await recalcXlsx(filled, { keepCachedResults: true });
      expect(lo.value(lo.sheetNames()[0], "H23")).toBe(98);
    }
  });
});
