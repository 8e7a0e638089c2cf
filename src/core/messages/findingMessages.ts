/**
 * The findings' part of the catalogue (keys `finding.<CODE>` and `finding.<CODE>.<variant>`).
 */
import type { Message } from "./template";

export const FINDINGS = {} as const satisfies Record<string, Message>;
