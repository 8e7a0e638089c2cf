/** An error meant for the person: a Chinese and an English sentence, never a stack trace. */
export class UserError extends Error {
  /** The catalogue key and parameters it was raised with (src/core/messages `userError`), when it came from there. */
  key?: string;
  params?: Readonly<Record<string, unknown>>;

  constructor(
    readonly zh: string,
    readonly en: string,
    /** A stable code for scripts and tests ("not-xlsx", "encrypted", "protected", …). */
    readonly code: string = "user",
  ) {
    super(`${zh} / ${en}`);
    this.name = "UserError";
  }
}

export function isUserError(e: unknown): e is UserError {
  return e instanceof Error && e.name === "UserError" && "zh" in e && "en" in e;
}
