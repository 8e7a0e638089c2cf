/**
 * Reaching into WPS's object model (ET and WPS 文字) from JavaScript.
 *
 * WPS 加载项 expose a synchronous, VBA-like object model on `window.Application`. Builds differ on whether a member is
 * a property (`range.Value2`) or a zero-argument method (`range.Value2()`), so every read goes through `get`, which
 * calls a function-valued member and reads any other. Writing is assignment in both kinds of build (`put`).
 * Indexed members (`Item(n)`, `Range("A1")`) are methods everywhere (`call`); indices are 1-based.
 * Errors come back as thrown objects that look like COM errors (`number` = HRESULT, `description`, `message`).
 */
import { hresult } from "./errors";

/** Any object of the WPS object model. */
export type ComObject = object;

export class WpsApiError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "WpsApiError";
  }
}

/** Reads a member, whether this build makes it a property or a zero-argument method. */
export function get<T = unknown>(obj: unknown, name: string): T {
  if (obj === null || obj === undefined) throw new WpsApiError(`${name}: 对象不存在 / no object`);
  const v = (obj as Record<string, unknown>)[name];
  return (typeof v === "function" ? (v as () => unknown).call(obj) : v) as T;
}

/** Reads an object-valued member; a missing one is an error (never a silent undefined). */
export function getObject(obj: unknown, name: string): ComObject {
  const v = get<unknown>(obj, name);
  if (v === null || v === undefined || (typeof v !== "object" && typeof v !== "function")) {
    throw new WpsApiError(`${name}: 此 WPS 版本未提供 / not available in this WPS build`);
  }
  return v as ComObject;
}

/** Writes a member (assignment, in property and method builds alike). */
export function put(obj: unknown, name: string, value: unknown): void {
  if (obj === null || obj === undefined) throw new WpsApiError(`${name}: 对象不存在 / no object`);
  (obj as Record<string, unknown>)[name] = value;
}

/** Calls a method. Arguments that are undefined at the end are left out (COM's optional parameters). */
export function call<T = unknown>(obj: unknown, name: string, ...args: unknown[]): T {
  if (obj === null || obj === undefined) throw new WpsApiError(`${name}: 对象不存在 / no object`);
  const f = (obj as Record<string, unknown>)[name];
  if (typeof f !== "function") throw new WpsApiError(`${name}: 此 WPS 版本未提供 / not available in this WPS build`);
  while (args.length > 0 && args[args.length - 1] === undefined) args.pop();
  return (f as (...a: unknown[]) => T).apply(obj, args);
}

/** True when the object has the member (a value, or a method). */
export function has(obj: unknown, name: string): boolean {
  if (obj === null || obj === undefined) return false;
  try {
    return (obj as Record<string, unknown>)[name] !== undefined;
  } catch {
    return false;
  }
}

/** `Count` of a collection, as a number. */
export function count(collection: unknown): number {
  const n = Number(get(collection, "Count"));
  return Number.isFinite(n) && n >= 0 ? n : 0;
}

/** The HRESULT a COM-style error carries (`number`), or null (read where the COM errors are decoded, ./errors.ts). */
export { hresult };

/** 0x800A03EC: Excel's and ET's generic object error (a bad reference, "no cells were found", a protected cell). */
export const E_APP_DEFINED = -2146827284;
/** DISP_E_BADINDEX: 下标越界. */
export const E_BAD_INDEX = -2147352565;
