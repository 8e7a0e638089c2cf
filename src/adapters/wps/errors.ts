/**
 * COM errors (WPS's JS API throws objects with a numeric HRESULT `number` and a `description`) in the person's words:
 * the catalogue's `wps-api` with what was being done, which WPS application, its message and the HRESULT in hex.
 * A UserError (raised on purpose) passes through.
 */
import { isUserError, type UserError } from "../../core/errors";
import { userError, type Pair } from "../../core/messages";

/** The HRESULT of a COM error. */
export function hresult(e: unknown): number | null {
  if (e && typeof e === "object" && "number" in e && typeof (e as { number: unknown }).number === "number")
    return (e as { number: number }).number;
  return null;
}

/** What a COM error says (WPS puts it in `description`). */
function comMessage(e: unknown): string {
  if (e instanceof Error) return e.message;
  if (e && typeof e === "object") {
    const o = e as { description?: unknown; message?: unknown };
    if (typeof o.description === "string") return o.description;
    if (typeof o.message === "string") return o.message;
  }
  return String(e);
}

/** What failed while `doing` in `host` ("WPS", "WPS 表格"), as a UserError. */
export function comError(e: unknown, doing: Pair, host = "WPS"): UserError {
  if (isUserError(e)) return e;
  const detail = comMessage(e).split("\n")[0].slice(0, 200);
  const code = hresult(e);
  const shown = code !== null ? `${detail}（0x${(code >>> 0).toString(16).toUpperCase()}）` : detail;
  return userError("wps-api", { doing, host, detail: shown });
}
