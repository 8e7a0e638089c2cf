/**
 * V8's interrupt budget (how much a function runs before it is considered for TurboFan) for the whole `jixiao`
 * process: about 7× the default of Node 20. A command runs the reader and the core once over a workbook, or over
 * many small ones in a batch, for a second or a few; with the default budget V8's compiler threads spend as much CPU
 * optimising functions that become hot late (a recogniser or a rule called once a sheet) as is spent checking.
 * Measured whole-process CPU (scripts/bench-speed.ts, line d; scripts/bench-batch.ts): `jixiao check` of the
 * 200-sheet workbook 0.57 → 0.43 s, of 200 files as a batch 1,070 → 700 ms; a small file's and the 200,000-row
 * workbook's check unchanged. Set once, before anything is read (V8 flags are the process's, its worker threads
 * included), and not when node was started with an --interrupt-budget of its own. The results are the same: only
 * when code is optimised moves.
 */
import * as v8 from "v8";

export const CLI_INTERRUPT_BUDGET = 500_000;

let budgetSet = false;

export function tierUpLater(): void {
  if (budgetSet) return;
  budgetSet = true;
  if (process.execArgv.some((a) => /^--interrupt[-_]budget(=|$)/.test(a))) return;
  v8.setFlagsFromString(`--interrupt-budget=${CLI_INTERRUPT_BUDGET}`);
}
