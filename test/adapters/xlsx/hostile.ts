/**
 * Hostile workbooks, made here: a fixture with one part edited, and packages written from hand-made OOXML parts
 * (a million rows, a sheet that expands past the size bound — honestly declared or lying about its size).
 */
import { Deflate, strFromU8, strToU8, unzipSync, zipSync, type Zippable } from "fflate";

/** The package with one part's text replaced. */
export function editPart(bytes: Uint8Array, part: string, edit: (xml: string) => string): Uint8Array {
  const files = unzipSync(bytes);
  files[part] = strToU8(edit(strFromU8(files[part])));
  return zipSync(files as Zippable);
}

/** Replaces one `<c>` element of a sheet's XML. */
export function setCell(xml: string, ref: string, cell: string): string {
  const re = new RegExp(`<c r="${ref}"[^>]*?(/>|>.*?</c>)`);
  if (!re.test(xml)) throw new Error(`no cell ${ref}`);
  return xml.replace(re, cell);
}

const NS =
  'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';

/** The parts every package needs around its sheets. */
export function skeleton(sheets: string[]): Record<string, string> {
  return {
    "[Content_Types].xml":
      '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
      '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>' +
      '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
      sheets
        .map(
          (_, i) =>
            `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`,
        )
        .join("") +
      "</Types>",
    "_rels/.rels":
      '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
      '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>',
    "xl/workbook.xml": `<?xml version="1.0" encoding="UTF-8"?><workbook ${NS}><sheets>${sheets.map((n, i) => `<sheet name="${n}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join("")}</sheets></workbook>`,
    "xl/_rels/workbook.xml.rels":
      '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
      sheets
        .map(
          (_, i) =>
            `<Relationship Id="rId${i + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="/xl/worksheets/sheet${i + 1}.xml"/>`,
        )
        .join("") +
      "</Relationships>",
  };
}

/**
 * A one-sheet package whose sheet XML is produced in chunks (never whole in memory) and deflated as it comes.
 * `lieAboutSize` writes a small size into the zip directory, as a zip bomb does.
 */
export function streamedWorkbook(chunks: () => Iterable<string>, opts: { lieAboutSize?: boolean } = {}): Uint8Array {
  const parts: Uint8Array[] = [];
  let size = 0;
  let crc = 0;
  const deflate = new Deflate({ level: 1 }, (d) => parts.push(d));
  const crcTable = new Int32Array(256).map((_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c;
  });
  let c = -1;
  for (const s of chunks()) {
    const b = strToU8(s);
    for (let i = 0; i < b.length; i++) c = crcTable[(c ^ b[i]) & 0xff] ^ (c >>> 8);
    size += b.length;
    deflate.push(b);
  }
  deflate.push(new Uint8Array(0), true);
  crc = (c ^ -1) >>> 0;
  const compressed = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let o = 0;
  for (const p of parts) {
    compressed.set(p, o);
    o += p.length;
  }
  const files: Zippable = {};
  for (const [k, v] of Object.entries(skeleton(["明细"]))) files[k] = strToU8(v);
  files["xl/worksheets/sheet1.xml"] = [new Uint8Array(0), { level: 0 }];
  const zip = zipSync(files);
  // splice the deflated sheet in place of the empty stored entry
  return spliceEntry(zip, "xl/worksheets/sheet1.xml", compressed, crc, opts.lieAboutSize ? 1024 : size);
}

function spliceEntry(zip: Uint8Array, name: string, data: Uint8Array, crc: number, size: number): Uint8Array {
  const dv = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  const nameBytes = strToU8(name);
  const matches = (o: number, n: number) => nameBytes.every((b, i) => zip[o + i] === b) && n === nameBytes.length;
  let local = -1;
  for (let o = 0; o + 30 < zip.length; o++) {
    if (dv.getUint32(o, true) === 0x04034b50 && matches(o + 30, dv.getUint16(o + 26, true))) {
      local = o;
      break;
    }
  }
  const head = 30 + dv.getUint16(local + 26, true) + dv.getUint16(local + 28, true);
  const oldLen = dv.getUint32(local + 18, true);
  const before = zip.slice(0, local + head);
  const after = zip.slice(local + head + oldLen);
  const out = new Uint8Array(before.length + data.length + after.length);
  out.set(before, 0);
  out.set(data, before.length);
  out.set(after, before.length + data.length);
  const ov = new DataView(out.buffer);
  const fix = (o: number, sizes: [number, number, number]) => {
    ov.setUint16(o, 8, true); // method: deflate
    ov.setUint32(o + 6, crc, true);
    ov.setUint32(o + sizes[0], data.length, true);
    ov.setUint32(o + sizes[1], size, true);
  };
  fix(local + 8, [10, 14, 0]);
  const delta = data.length - oldLen;
  // central directory entries after the local entry move by delta; the one for our entry gets the new sizes
  let eocd = out.length - 22;
  while (ov.getUint32(eocd, true) !== 0x06054b50) eocd--;
  ov.setUint32(eocd + 16, ov.getUint32(eocd + 16, true) + delta, true);
  let p = ov.getUint32(eocd + 16, true);
  const count = ov.getUint16(eocd + 10, true);
  for (let i = 0; i < count; i++) {
    const nl = ov.getUint16(p + 28, true);
    const off = ov.getUint32(p + 42, true);
    if (off > local) ov.setUint32(p + 42, off + delta, true);
    if (off === local) {
      ov.setUint16(p + 10, 8, true);
      ov.setUint32(p + 16, crc, true);
      ov.setUint32(p + 20, data.length, true);
      ov.setUint32(p + 24, size, true);
    }
    p += 46 + nl + ov.getUint16(p + 30, true) + ov.getUint16(p + 32, true);
  }
  return out;
}

/** Sheet XML in chunks: `rows` rows of `cellsPerRow` numbers. */
export function* rowsXml(rows: number, cellsPerRow = 1, text = false): Iterable<string> {
  yield `<?xml version="1.0" encoding="UTF-8"?><worksheet ${NS}><sheetData>`;
  let buf = "";
  for (let r = 1; r <= rows; r++) {
    buf += `<row r="${r}">`;
    for (let c = 0; c < cellsPerRow; c++) {
      const ref = String.fromCharCode(65 + (c % 26)) + r;
      buf += text ? `<c r="${ref}" t="inlineStr"><is><t>明细${r}</t></is></c>` : `<c r="${ref}"><v>${r}</v></c>`;
    }
    buf += "</row>";
    if (buf.length > 1 << 20) {
      yield buf;
      buf = "";
    }
  }
  yield buf + "</sheetData></worksheet>";
}

/** Sheet XML in chunks: `rows` identical rows without addresses (`<row><c><v>1</v></c></row>`, 26 bytes each). */
export function* uniformRowsXml(rows: number): Iterable<string> {
  yield `<?xml version="1.0" encoding="UTF-8"?><worksheet ${NS}><sheetData>`;
  const chunk = "<row><c><v>1</v></c></row>".repeat(40_000);
  for (let r = 0; r < rows; r += 40_000) yield rows - r >= 40_000 ? chunk : "<row><c><v>1</v></c></row>".repeat(rows - r);
  yield "</sheetData></worksheet>";
}
