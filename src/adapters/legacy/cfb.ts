/**
 * Checks an OLE2 compound file (.xls, .et) before SheetJS reads it. SheetJS follows sector chains as the file writes
 * them; a chain that loops, a sector number past the end of the file, a directory tree that points back at itself or a
 * stream declaring more bytes than its sectors hold must be refused here, in time proportional to the file, with one
 * clear sentence (test/adapters/legacy/hostile.test.ts builds each of these). Pure byte inspection: Node and the browser.
 */
import type { UserError } from "../../core/errors";
import { userError } from "../../core/messages";
import { LIMITS, limitError } from "../xlsx/limits";

const END_OF_CHAIN = 0xfffffffe;
const FREE = 0xffffffff;
/** DIFAT / FAT sector markers (0xFFFFFFFC, 0xFFFFFFFD) and the unused 0xFFFFFFFA: never inside a stream's chain. */
const MAX_REGULAR = 0xfffffffa;
const NO_STREAM = 0xffffffff;

const u16 = (b: Uint8Array, o: number) => b[o] | (b[o + 1] << 8);
const u32 = (b: Uint8Array, o: number) => (b[o] | (b[o + 1] << 8) | (b[o + 2] << 16) | (b[o + 3] << 24)) >>> 0;

function damaged(detail: string): UserError {
  return userError("legacy-cfb-damaged", { detail });
}

/** One stream or storage of the directory. */
export interface CfbEntry {
  name: string;
  type: number;
  start: number;
  size: number;
  /** The stream's bytes, gathered from its (checked) chain; an empty array until the walk has checked it. */
  content: () => Uint8Array;
}

const EMPTY = () => new Uint8Array(0);

/**
 * Walks every structure a reader follows: the DIFAT and FAT sectors, the directory chain and its tree, the mini FAT
 * and the mini stream, and each stream's chain against its declared size. Throws UserError on the first fault.
 * Returns the directory's streams (names, sizes, and their content gathered on demand).
 */
export function validateCfb(b: Uint8Array): CfbEntry[] {
  if (b.length < 512) throw damaged("header cut short");
  const major = u16(b, 0x1a);
  const shift = u16(b, 0x1e);
  if ((major !== 3 && major !== 4) || (shift !== 9 && shift !== 12) || u16(b, 0x1c) !== 0xfffe) throw damaged("bad header");
  if (u16(b, 0x20) !== 6) throw damaged("bad mini sector size");
  const ss = 1 << shift;
  const perSector = ss / 4;
  const sectors = Math.ceil((b.length - ss) / ss);
  if (sectors <= 0) throw damaged("no sectors");
  const sectorAt = (id: number) => (id + 1) * ss;
  const checkId = (id: number) => {
    if (id >= sectors) throw userError("legacy-cfb-past-end");
  };

  // DIFAT: the sectors that hold the FAT.
  const fatSectors: number[] = [];
  for (let i = 0; i < 109; i++) {
    const id = u32(b, 0x4c + i * 4);
    if (id >= MAX_REGULAR) continue;
    checkId(id);
    fatSectors.push(id);
  }
  const seenDifat = new Uint8Array(sectors);
  for (let d = u32(b, 0x44); d < MAX_REGULAR; d = u32(b, sectorAt(d) + ss - 4)) {
    checkId(d);
    if (seenDifat[d]) throw userError("legacy-cfb-loop");
    seenDifat[d] = 1;
    for (let i = 0; i < perSector - 1; i++) {
      const id = u32(b, sectorAt(d) + i * 4);
      if (id >= MAX_REGULAR) continue;
      checkId(id);
      fatSectors.push(id);
    }
  }
  if (fatSectors.length === 0 || fatSectors.length > sectors) throw damaged("bad FAT");
  const fatLength = fatSectors.length * perSector;
  const fat = (id: number): number => {
    if (id >= fatLength) throw userError("legacy-cfb-past-end");
    const o = sectorAt(fatSectors[Math.floor(id / perSector)]) + (id % perSector) * 4;
    return o + 4 <= b.length ? u32(b, o) : FREE;
  };

  // A chain of sectors (FAT) or mini sectors (mini FAT): every id in range, none visited twice.
  const chain = (start: number, next: (id: number) => number, count: number): number[] => {
    const ids: number[] = [];
    const seen = new Uint8Array(count);
    for (let id = start; id !== END_OF_CHAIN; id = next(id)) {
      if (id >= MAX_REGULAR) throw damaged("chain broken");
      if (id >= count) throw userError("legacy-cfb-past-end");
      if (seen[id]) throw userError("legacy-cfb-loop");
      seen[id] = 1;
      ids.push(id);
    }
    return ids;
  };

  // The directory: 128-byte entries over its chain.
  const dirSectors = chain(u32(b, 0x30), fat, sectors);
  const entryCount = (dirSectors.length * ss) / 128;
  const entryAt = (i: number) => sectorAt(dirSectors[Math.floor((i * 128) / ss)]) + ((i * 128) % ss);
  const entries: (CfbEntry & { left: number; right: number; child: number })[] = [];
  for (let i = 0; i < entryCount; i++) {
    const o = entryAt(i);
    if (o + 128 > b.length) throw userError("legacy-cfb-past-end");
    const len = Math.min(64, u16(b, o + 0x40));
    let name = "";
    for (let k = 0; k + 2 < len; k += 2) name += String.fromCharCode(u16(b, o + k));
    const high = major === 4 ? u32(b, o + 0x7c) : 0;
    entries.push({
      name,
      type: b[o + 0x42],
      left: u32(b, o + 0x44),
      right: u32(b, o + 0x48),
      child: u32(b, o + 0x4c),
      start: u32(b, o + 0x74),
      size: high > 0 ? Number.MAX_SAFE_INTEGER : u32(b, o + 0x78),
      content: EMPTY,
    });
  }
  const root = entries[0];
  if (!root || root.type !== 5) throw damaged("no root entry");

  // The tree of entries: ids in range, no entry reached twice (a cycle would send a reader round for ever).
  const reached = new Uint8Array(entryCount);
  const stack = [root.child];
  reached[0] = 1;
  while (stack.length) {
    const id = stack.pop()!;
    if (id === NO_STREAM) continue;
    if (id >= entryCount) throw damaged("directory entry out of range");
    if (reached[id]) throw userError("legacy-cfb-loop");
    reached[id] = 1;
    const e = entries[id];
    stack.push(e.left, e.right, e.child);
  }

  // The mini stream (in the root's chain) and the mini FAT.
  const cutoff = u32(b, 0x38);
  const miniStream = root.start === END_OF_CHAIN ? [] : chain(root.start, fat, sectors);
  const miniFatSectors = u32(b, 0x3c) === END_OF_CHAIN ? [] : chain(u32(b, 0x3c), fat, sectors);
  const miniCount = Math.min((miniStream.length * ss) / 64, miniFatSectors.length * perSector);
  const miniFat = (id: number): number => {
    const o = sectorAt(miniFatSectors[Math.floor(id / perSector)]) + (id % perSector) * 4;
    return o + 4 <= b.length ? u32(b, o) : FREE;
  };

  const streams: CfbEntry[] = [];
  for (let i = 1; i < entryCount; i++) {
    const e = entries[i];
    if (e.type !== 2 || !reached[i]) continue;
    if (e.size > LIMITS.partBytes) throw limitError("partBytes", e.name);
    if (e.size === 0) {
      streams.push(e);
      continue;
    }
    const small = e.size < cutoff;
    const ids = small ? chain(e.start, miniFat, miniCount) : chain(e.start, fat, sectors);
    if (ids.length * (small ? 64 : ss) < e.size) throw userError("legacy-cfb-size", { stream: e.name, size: e.size.toLocaleString("en") });
    // a mini sector lies in the mini stream, itself a chain of sectors
    const offset = small ? (id: number) => sectorAt(miniStream[Math.floor((id * 64) / ss)]) + ((id * 64) % ss) : sectorAt;
    const unit = small ? 64 : ss;
    const content = () => {
      const out = new Uint8Array(e.size);
      for (let k = 0, o = 0; o < e.size; k++, o += unit) {
        const at = offset(ids[k]);
        const n = Math.min(unit, e.size - o);
        if (at + n > b.length) throw userError("legacy-cfb-past-end");
        out.set(b.subarray(at, at + n), o);
      }
      return out;
    };
    streams.push({ ...e, content });
  }
  return streams;
}
