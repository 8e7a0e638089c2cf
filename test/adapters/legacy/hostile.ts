/**
 * Hostile legacy files, made here (not stored): a genuine BIFF8 .xls (SheetJS writes it) with its compound file
 * broken one way at a time — a FAT chain that loops, a sector number past the end, a stream declaring 2 GB, a directory
 * tree that points back at itself, a directory chain that loops; an .ods whose one cell repeats over a whole sheet, one
 * whose content.xml inflates past what the zip declares; HTML tables too large, too wide, or made of row spans.
 */
import * as XLSX from "@e965/xlsx";
import { zipSync, strToU8 } from "fflate";

const u32 = (b: Uint8Array, o: number) => (b[o] | (b[o + 1] << 8) | (b[o + 2] << 16) | (b[o + 3] << 24)) >>> 0;
function put32(b: Uint8Array, o: number, v: number): void {
  b[o] = v & 0xff;
  b[o + 1] = (v >>> 8) & 0xff;
  b[o + 2] = (v >>> 16) & 0xff;
  b[o + 3] = (v >>> 24) & 0xff;
}

/** A small genuine .xls: a header row and 400 rows of figures and text. */
export function genuineXls(): Uint8Array {
  const wb = XLSX.utils.book_new();
  const aoa: (string | number)[][] = [["项目名称", "全年预算数", "说明"]];
  for (let i = 0; i < 400; i++) aoa.push([`项目${i}`, i * 1.5, `文本${i}`]);
  XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet(aoa), "附件1");
  return new Uint8Array(XLSX.write(wb, { type: "array", bookType: "biff8" }) as ArrayBuffer);
}

/** The compound file's layout: sector size, where a FAT entry and a directory entry are. */
function layout(b: Uint8Array) {
  const ss = 1 << (b[0x1e] | (b[0x1f] << 8));
  const sector = (id: number) => (id + 1) * ss;
  const fatSectors: number[] = [];
  for (let i = 0; i < 109; i++) {
    const v = u32(b, 0x4c + i * 4);
    if (v < 0xfffffffa) fatSectors.push(v);
  }
  const fatAt = (id: number) => sector(fatSectors[Math.floor(id / (ss / 4))]) + (id % (ss / 4)) * 4;
  const dir = u32(b, 0x30);
  const entryAt = (i: number) => sector(dir) + i * 128;
  let workbook = -1;
  for (let e = 0; e < ss / 128; e++) {
    const o = entryAt(e);
    const len = b[o + 0x40] | (b[o + 0x41] << 8);
    let name = "";
    for (let k = 0; k + 2 < len; k += 2) name += String.fromCharCode(b[o + k] | (b[o + k + 1] << 8));
    if (name === "Workbook" || name === "Book") workbook = o;
  }
  if (workbook < 0) throw new Error("no Workbook stream");
  return { ss, fatAt, dir, entryAt, workbook, start: u32(b, workbook + 0x74) };
}

export type HostileCfb = "fat-loop" | "past-end" | "huge-stream" | "directory-cycle" | "directory-chain-loop";

export function hostileXls(kind: HostileCfb): Uint8Array {
  const b = genuineXls();
  const l = layout(b);
  switch (kind) {
    case "fat-loop": // the Workbook stream's third sector points back at its first
      put32(b, l.fatAt(l.start + 2), l.start);
      break;
    case "past-end": // its second sector is followed by one far past the end of the file
      put32(b, l.fatAt(l.start + 1), 0x00ffffff);
      break;
    case "huge-stream": // the stream declares 2 GB
      put32(b, l.workbook + 0x78, 0x7fffffff);
      break;
    case "directory-cycle": {
      // the root's child names itself as its left sibling
      const child = u32(b, l.entryAt(0) + 0x4c);
      put32(b, l.entryAt(child) + 0x44, child);
      break;
    }
    case "directory-chain-loop": // the directory's sector chain comes back to itself
      put32(b, l.fatAt(l.dir), l.dir);
      break;
  }
  return b;
}

const ODS_MANIFEST = `<?xml version="1.0" encoding="UTF-8"?><manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2"><manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/><manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/></manifest:manifest>`;

export function odsContent(rows: string): string {
  return (
    `<?xml version="1.0" encoding="UTF-8"?><office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" ` +
    `xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2">` +
    `<office:body><office:spreadsheet><table:table table:name="S">${rows}</table:table></office:spreadsheet></office:body></office:document-content>`
  );
}

export function ods(content: string, styles?: string): Uint8Array {
  // mimetype first and stored, as ODF asks
  return zipSync(
    {
      mimetype: [strToU8("application/vnd.oasis.opendocument.spreadsheet"), { level: 0 }],
      "content.xml": strToU8(content),
      ...(styles === undefined ? {} : { "styles.xml": strToU8(styles) }),
      "META-INF/manifest.xml": strToU8(ODS_MANIFEST),
    },
    { level: 6 },
  );
}

/** A small genuine .ods (one table header and a figure). */
export function genuineOds(): Uint8Array {
  return ods(
    odsContent(
      `<table:table-row><table:table-cell office:value-type="string"><text:p>项目名称</text:p></table:table-cell>` +
        `<table:table-cell office:value-type="float" office:value="12.5"><text:p>12.5</text:p></table:table-cell></table:table-row>`,
    ),
  );
}

/** One cell with a value, repeated 16,384 columns across and 1,048,576 rows down: 17 billion cells declared. */
export function repeatedOds(): Uint8Array {
  return ods(
    odsContent(
      `<table:table-row table:number-rows-repeated="1048576"><table:table-cell table:number-columns-repeated="16384" office:value-type="float" office:value="1"><text:p>1</text:p></table:table-cell></table:table-row>`,
    ),
  );
}

/** Empty rows repeated down to the sheet's last row (one step, not a million), then a value below it. */
export function farOds(): Uint8Array {
  return ods(
    odsContent(
      `<table:table-row table:number-rows-repeated="1048576"><table:table-cell table:number-columns-repeated="16384"/></table:table-row>` +
        `<table:table-row><table:table-cell office:value-type="float" office:value="1"><text:p>1</text:p></table:table-cell></table:table-row>`,
    ),
  );
}

/** content.xml inflates to 8 MB while the zip's directory says 1,000 bytes. */
export function lyingOds(): Uint8Array {
  const b = ods(odsContent(`<table:table-row>${" ".repeat(8 * 1024 * 1024)}</table:table-row>`));
  // the central directory entry of content.xml: patch its uncompressed size
  const name = strToU8("content.xml");
  for (let p = b.length - 22; p >= 0; p--) {
    if (u32(b, p) !== 0x02014b50) continue;
    const nameLen = b[p + 28] | (b[p + 29] << 8);
    const same = nameLen === name.length && name.every((x, i) => b[p + 46 + i] === x);
    if (same) {
      put32(b, p + 24, 1000);
      return b;
    }
  }
  throw new Error("content.xml not found");
}

/** An HTML table of 5,200,000 cells (past the cell bound), 27 MB: cells left unclosed, as HTML allows. */
export function hugeHtml(): Uint8Array {
  const row = `<tr>${"<td>1".repeat(100)}\n`;
  return strToU8(`<html><body><table>${row.repeat(52_000)}</table></body></html>`);
}

/** A row of 17 cells each 1,000 columns wide: past column 16,384. */
export function wideHtml(): Uint8Array {
  return strToU8(`<table><tr>${"<td colspan=1000>x</td>".repeat(17)}</tr></table>`);
}

/** Sixteen cells spanning 65,534 rows and 1,000 columns each, then 65,000 one-cell rows to be placed beside them. */
export function spanHtml(): Uint8Array {
  return strToU8(`<table><tr>${"<td colspan=1000 rowspan=65534>x</td>".repeat(16)}</tr>${"<tr><td>1</td></tr>".repeat(65_000)}</table>`);
}

/**
 * An .xls with a figure in its last cell, IV65536 (BIFF8's last row and column): SheetJS writes it at B1 (writing the
 * whole range would take a minute), then the NUMBER record's row and column are moved.
 */
export function farCellXls(): Uint8Array {
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet([["项目名称", 4242.5]]), "S");
  const b = new Uint8Array(XLSX.write(wb, { type: "array", bookType: "biff8" }) as ArrayBuffer);
  const num = new Uint8Array(new Float64Array([4242.5]).buffer);
  for (let i = 10; i + 8 <= b.length; i++) {
    if (!num.every((x, k) => b[i + k] === x)) continue;
    const rec = i - 10; // NUMBER (0x0203): type, length, row, column, format, the figure
    if (b[rec] !== 0x03 || b[rec + 1] !== 0x02) continue;
    b[rec + 4] = 0xff;
    b[rec + 5] = 0xff;
    b[rec + 6] = 0xff;
    b[rec + 7] = 0x00;
    return b;
  }
  throw new Error("NUMBER record not found");
}
