/**
 * Bad input files for the adapter and CLI tests, made here (not stored): random bytes, an empty file,
 * a truncated workbook, a .docx-like zip, OLE2 compound files (an .xls-like one and an encrypted-looking one), text.
 */
import * as fs from "fs";
import * as path from "path";
import JSZip from "jszip";
import { FIXTURE_DIR, fixtureNames } from "../../support/fixtures";

export const FIXTURES = FIXTURE_DIR;
export const FIXTURE_NAMES = fixtureNames();

export function fixtureBytes(name: string): Uint8Array {
  return new Uint8Array(fs.readFileSync(path.join(FIXTURES, `${name}.xlsx`)));
}

/** Deterministic pseudo-random bytes (xorshift), never starting with a zip or CFB signature. */
export function randomBytes(n: number, seed = 12345): Uint8Array {
  const out = new Uint8Array(n);
  let x = seed >>> 0 || 1;
  for (let i = 0; i < n; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    out[i] = x & 0xff;
  }
  out[0] = 0x13;
  return out;
}

export function truncated(bytes: Uint8Array, fraction = 0.6): Uint8Array {
  return bytes.slice(0, Math.floor(bytes.length * fraction));
}

/** The workbook with bytes in the middle of its compressed data overwritten (structure intact, content broken). */
export function corrupted(bytes: Uint8Array): Uint8Array {
  const out = bytes.slice();
  // Overwrite the compressed data of the first sheet entry found (after its local header).
  const name = new TextEncoder().encode("xl/worksheets/sheet1.xml");
  for (let i = 0; i < out.length - 30; i++) {
    if (out[i] === 0x50 && out[i + 1] === 0x4b && out[i + 2] === 0x03 && out[i + 3] === 0x04) {
      const nameLen = out[i + 26] | (out[i + 27] << 8);
      const extraLen = out[i + 28] | (out[i + 29] << 8);
      const n = out.subarray(i + 30, i + 30 + nameLen);
      if (n.length === name.length && n.every((b, k) => b === name[k])) {
        const start = i + 30 + nameLen + extraLen;
        for (let k = 10; k < 200; k++) out[start + k] = (out[start + k] * 7 + 31) & 0xff;
        return out;
      }
    }
  }
  throw new Error("sheet1.xml not found in fixture");
}

export async function docxLikeZip(): Promise<Uint8Array> {
  const zip = new JSZip();
  zip.file(
    "[Content_Types].xml",
    '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"></Types>',
  );
  zip.file("word/document.xml", '<?xml version="1.0"?><w:document xmlns:w="x"><w:body/></w:document>');
  return zip.generateAsync({ type: "uint8array" });
}

export async function plainZip(): Promise<Uint8Array> {
  const zip = new JSZip();
  zip.file("readme.txt", "hello");
  return zip.generateAsync({ type: "uint8array" });
}

export function csvBytes(): Uint8Array {
  return new TextEncoder().encode("项目名称,全年预算数,全年执行数\n城乡困难居民医疗救助,3386.925,3416.022\n");
}

/**
 * A minimal, well-formed OLE2 compound file (512-byte sectors) whose directory holds the given stream names
 * (each an empty stream): header, one FAT sector, one directory sector.
 */
export function cfbFile(streams: string[]): Uint8Array {
  if (streams.length > 3) throw new Error("at most 3 streams in one directory sector");
  const out = new Uint8Array(512 * 3);
  const dv = new DataView(out.buffer);
  [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1].forEach((b, i) => (out[i] = b));
  dv.setUint16(0x18, 0x003e, true); // minor version
  dv.setUint16(0x1a, 0x0003, true); // major version 3
  dv.setUint16(0x1c, 0xfffe, true); // byte order
  dv.setUint16(0x1e, 9, true); // sector shift: 512
  dv.setUint16(0x20, 6, true); // mini sector shift
  dv.setUint32(0x2c, 1, true); // FAT sectors
  dv.setUint32(0x30, 1, true); // first directory sector
  dv.setUint32(0x38, 0x1000, true); // mini stream cutoff
  dv.setUint32(0x3c, 0xfffffffe, true); // first mini FAT sector: none
  dv.setUint32(0x44, 0xfffffffe, true); // first DIFAT sector: none
  dv.setUint32(0x4c, 0, true); // DIFAT[0] = sector 0 holds the FAT
  for (let i = 1; i < 109; i++) dv.setUint32(0x4c + i * 4, 0xffffffff, true);
  // Sector 0 (file offset 512): FAT.
  dv.setUint32(512, 0xfffffffd, true); // sector 0 is a FAT sector
  dv.setUint32(516, 0xfffffffe, true); // sector 1 (directory) ends its chain
  for (let i = 2; i < 128; i++) dv.setUint32(512 + i * 4, 0xffffffff, true);
  // Sector 1 (file offset 1024): directory.
  const entry = (index: number, name: string, type: number, child: number, right: number) => {
    const o = 1024 + index * 128;
    for (let k = 0; k < name.length; k++) dv.setUint16(o + k * 2, name.charCodeAt(k), true);
    dv.setUint16(o + 0x40, (name.length + 1) * 2, true);
    out[o + 0x42] = type;
    out[o + 0x43] = 1; // black
    dv.setUint32(o + 0x44, 0xffffffff, true); // left sibling
    dv.setUint32(o + 0x48, right, true); // right sibling
    dv.setUint32(o + 0x4c, child, true); // child
    dv.setUint32(o + 0x74, type === 5 ? 0xfffffffe : 0xfffffffe, true); // start sector: none
  };
  entry(0, "Root Entry", 5, streams.length ? 1 : 0xffffffff, 0xffffffff);
  streams.forEach((s, i) => entry(i + 1, s, 2, 0xffffffff, i + 2 <= streams.length ? i + 2 : 0xffffffff));
  return out;
}

/** Every bad input the adapter must reject, with the UserError code it must give. */
export async function badInputs(): Promise<{ label: string; bytes: Uint8Array; code: string }[]> {
  const medical = fixtureBytes("project-medical-aid-2020");
  return [
    { label: "empty file", bytes: new Uint8Array(0), code: "empty" },
    { label: "random bytes", bytes: randomBytes(4096), code: "not-xlsx" },
    { label: "CSV text", bytes: csvBytes(), code: "not-xlsx" },
    { label: "truncated workbook (60%)", bytes: truncated(medical, 0.6), code: "truncated" },
    { label: "truncated workbook (last 10 bytes cut)", bytes: medical.slice(0, medical.length - 10), code: "truncated" },
    { label: "zip signature only", bytes: new Uint8Array([0x50, 0x4b, 0x03]), code: "truncated" },
    { label: "workbook with damaged compressed data", bytes: corrupted(medical), code: "corrupt" },
    { label: ".docx-like zip", bytes: await docxLikeZip(), code: "not-xlsx" },
    { label: "zip without a workbook", bytes: await plainZip(), code: "not-xlsx" },
    { label: ".xls-like CFB (Workbook stream)", bytes: cfbFile(["Workbook", "\u0005SummaryInformation"]), code: "xls" },
    {
      label: "encrypted CFB (EncryptionInfo + EncryptedPackage)",
      bytes: cfbFile(["EncryptionInfo", "EncryptedPackage"]),
      code: "encrypted",
    },
    { label: "bare CFB header (directory unreadable)", bytes: cfbFile([]).slice(0, 512), code: "not-xlsx" },
  ];
}
