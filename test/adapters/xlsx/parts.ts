/** Raw parts of a package and the `<c>` elements of a sheet, for byte-level comparisons. */
import { unzipSync } from "fflate";

export async function partsOf(bytes: Uint8Array): Promise<Map<string, Uint8Array>> {
  return new Map(Object.entries(unzipSync(bytes)));
}

/** Every `<c>` element by reference, and the sheet's text outside sheetData. */
export function cellsOf(xml: string): { cells: Map<string, string>; outside: string } {
  const cells = new Map<string, string>();
  for (const m of xml.matchAll(/<c r="([A-Z]+\d+)"[^>]*?(?:\/>|>.*?<\/c>)/gs)) cells.set(m[1], m[0]);
  const outside = xml.replace(/<sheetData>[\s\S]*<\/sheetData>|<sheetData\/>/, "");
  return { cells, outside };
}
