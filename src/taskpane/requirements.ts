/**
 * API minimums, checked when the pane starts (the manifest's base <Requirements> applies to every host, so it
 * cannot carry an Excel-only or Word-only set without hiding the add-in from the other application).
 */
export const REQUIRED_API = {
  /** Ranges, formulas, number formats, customXmlParts (where ExcelHost keeps the undo record). */
  excel: { set: "ExcelApi", version: "1.5" },
  /** Content controls and tables (1.3) and custom XML parts (1.4, where the report's link is kept). */
  word: { set: "WordApi", version: "1.4" },
} as const;

/** Used when present (faster reads); never required. */
export const OPTIONAL_EXCEL_API = { set: "ExcelApi", version: "1.13" } as const;

export type IsSetSupported = (name: string, version?: string) => boolean;

/** The requirement the running host misses, or null when it has what the pane needs. */
export function missingRequirement(host: "excel" | "word", isSetSupported: IsSetSupported): { set: string; version: string } | null {
  const need = REQUIRED_API[host];
  let ok = false;
  try {
    ok = isSetSupported(need.set, need.version);
  } catch {
    ok = false;
  }
  return ok ? null : { set: need.set, version: need.version };
}
