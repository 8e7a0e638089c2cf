/**
 * Which host the page runs in, decided at start: WPS 表格 (ET), WPS 文字, or neither (then Office.js or the
 * standalone page decide). Inside WPS a 加载项 page sees the object model on `window.Application` (older builds also
 * on `window.wps`); a workbook application has `ActiveWorkbook`, a document one `ActiveDocument` — as a property or,
 * in some builds, a method: either way the member is there. A plain browser has neither.
 */
import { has } from "./com";

export type WpsKind = "et" | "writer";

export interface WpsEnvironment {
  kind: WpsKind;
  /** The object model's Application. */
  app: object;
}

function isObject(v: unknown): v is object {
  return (typeof v === "object" || typeof v === "function") && v !== null;
}

/** The WPS Application of this page, if any. */
export function wpsApplication(win: unknown): object | null {
  if (!isObject(win)) return null;
  const w = win as { Application?: unknown; wps?: { Application?: unknown } };
  let app: unknown;
  try {
    app = w.Application ?? w.wps?.Application;
  } catch {
    return null;
  }
  return isObject(app) ? app : null;
}

/** WPS 表格 or WPS 文字, or null outside WPS. */
export function detectWps(win: unknown = globalThis): WpsEnvironment | null {
  const app = wpsApplication(win);
  if (!app) return null;
  if (has(app, "ActiveWorkbook")) return { kind: "et", app };
  if (has(app, "ActiveDocument")) return { kind: "writer", app };
  return null;
}
