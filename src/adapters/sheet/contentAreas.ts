/**
 * Where a sheet's content is, when its used range is too large to read whole (a stray value at XFD1048576 makes the
 * used range 17 billion cells): Excel and ET list the areas holding constants and formulas (Range.getSpecialCells,
 * ExcelApi 1.9; Range.SpecialCells); nearby areas are gathered into rectangles that are read like a small used range, so the cost of a
 * read follows the cells that hold something.
 */
import { parseArea } from "./address";

export interface Rect {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/** A used range larger than this many cells is read through its content areas. */
export const LARGE_USED_RANGE = 1_000_000;
/** More areas than this, and the sheet is read in row blocks of its used range instead (clipped, see below). */
export const MAX_CONTENT_AREAS = 20_000;
/** Areas closer than this (rows, columns) are read as one rectangle: a table's cells with their blank gaps. */
const GAP_ROWS = 3;
const GAP_COLS = 3;

/** The rectangles of a RangeAreas address ("Sheet1!A1:H30,Sheet1!XFD1048576"). */
export function parseAreas(address: string): Rect[] {
  const out: Rect[] = [];
  // sheet names may be quoted and contain commas: split on commas outside quotes
  let cur = "";
  let quoted = false;
  for (const ch of address) {
    if (ch === "'") quoted = !quoted;
    if (ch === "," && !quoted) {
      push(cur);
      cur = "";
    } else cur += ch;
  }
  push(cur);
  function push(part: string) {
    const m = part.trim() ? parseArea(part.trim()) : null;
    if (m) out.push(m);
  }
  return out;
}

/** Gathers rectangles that overlap or stand within a few rows/columns of each other into bounding rectangles. */
export function clusterAreas(rects: Rect[]): Rect[] {
  const near = (a: Rect, b: Rect) =>
    a.top <= b.bottom + GAP_ROWS && b.top <= a.bottom + GAP_ROWS && a.left <= b.right + GAP_COLS && b.left <= a.right + GAP_COLS;
  let clusters = rects.map((r) => ({ ...r }));
  let changed = true;
  while (changed) {
    changed = false;
    clusters.sort((a, b) => a.top - b.top || a.left - b.left);
    const out: Rect[] = [];
    for (const r of clusters) {
      const hit = out.find((c) => near(c, r));
      if (hit) {
        hit.top = Math.min(hit.top, r.top);
        hit.left = Math.min(hit.left, r.left);
        hit.bottom = Math.max(hit.bottom, r.bottom);
        hit.right = Math.max(hit.right, r.right);
        changed = true;
      } else out.push(r);
    }
    clusters = out;
  }
  return clusters.sort((a, b) => a.top - b.top || a.left - b.left);
}

export function cellsIn(r: Rect): number {
  return (r.bottom - r.top + 1) * (r.right - r.left + 1);
}

/** The top-left part of a used range, at most `limit` cells (for a host that cannot list the content areas). */
export function clipRect(r: Rect, limit: number = LARGE_USED_RANGE): Rect {
  const cols = Math.min(r.right - r.left + 1, 1024);
  const rows = Math.max(1, Math.min(r.bottom - r.top + 1, Math.floor(limit / cols)));
  return { top: r.top, left: r.left, bottom: r.top + rows - 1, right: r.left + cols - 1 };
}
