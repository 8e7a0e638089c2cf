/** The open ET workbook's sheets as the WPS host writes them: found by name, screen updating off while writing. */
import { refuseSheets, type Purpose } from "../sheet";
import { call, count, get, getObject, put, type ComObject } from "./com";

/** The named sheets (case-insensitive); a missing one is refused before anything is touched. */
export function sheetsByName(wb: ComObject, names: readonly string[], purpose: Purpose): Map<string, ComObject> {
  const all = getObject(wb, "Worksheets");
  const n = count(all);
  const byName = new Map<string, ComObject>();
  for (let i = 1; i <= n; i++) {
    const ws = call<ComObject>(all, "Item", i);
    byName.set(String(get(ws, "Name")).toLowerCase(), ws);
  }
  refuseSheets(
    purpose,
    names.filter((x) => !byName.has(x.toLowerCase())),
  );
  return byName;
}

/** Refuses a protected sheet before anything is written (formats and comments cannot change there). */
export function refuseProtected(sheets: Map<string, ComObject>, names: readonly string[], purpose: Purpose): void {
  const locked = names.map((n) => sheets.get(n.toLowerCase()) as ComObject).filter((ws) => get(ws, "ProtectContents"));
  refuseSheets(
    purpose,
    [],
    locked.map((ws) => String(get(ws, "Name"))),
  );
}

/** Turns screen updating off while writing; returns what puts it back. */
export function screenOff(app: unknown): () => void {
  try {
    const before = get<unknown>(app, "ScreenUpdating");
    put(app, "ScreenUpdating", false);
    return () => {
      try {
        put(app, "ScreenUpdating", before !== false);
      } catch {
        /* nothing to put back */
      }
    };
  } catch {
    return () => undefined;
  }
}

/** Runs `write` with screen updating off. */
export function withScreenOff<T>(app: unknown, write: () => T): T {
  const restore = screenOff(app);
  try {
    return write();
  } finally {
    restore();
  }
}
