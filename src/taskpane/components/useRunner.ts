/**
 * Runs one piece of work at a time. The progress indicator appears only when the work takes longer than
 * 300 ms (a flash of spinner for instant work reads as flicker); errors become bilingual UserErrors.
 */
import * as React from "react";
import type { UserError } from "../../core/errors";
import { toUserError } from "../../core/messages";

export const PROGRESS_DELAY_MS = 300;

export interface BusyState {
  label: string;
  /** 0..1 when known. */
  fraction: number | null;
}

export interface Runner {
  /** True from the start of a task (buttons disable at once). */
  running: boolean;
  /** Non-null once a task has run longer than PROGRESS_DELAY_MS. */
  busy: BusyState | null;
  error: UserError | null;
  clearError(): void;
  /** The task's progress: done of total (0 of 0: not known), and what it is doing now when that changes the label. */
  run<T>(label: string, task: (progress: (done: number, total: number, label?: string) => void) => Promise<T>): Promise<T | undefined>;
}

export function useRunner(): Runner {
  const [running, setRunning] = React.useState(false);
  const [busy, setBusy] = React.useState<BusyState | null>(null);
  const [error, setError] = React.useState<UserError | null>(null);
  const active = React.useRef(false);

  const run = React.useCallback(
    async <T>(
      label: string,
      task: (progress: (done: number, total: number, label?: string) => void) => Promise<T>,
    ): Promise<T | undefined> => {
      if (active.current) return undefined;
      active.current = true;
      setRunning(true);
      setError(null);
      let fraction: number | null = null;
      let shown = false;
      let now = label;
      const timer = setTimeout(() => {
        shown = true;
        setBusy({ label: now, fraction });
      }, PROGRESS_DELAY_MS);
      const progress = (done: number, total: number, stage?: string) => {
        fraction = total > 0 ? Math.min(1, Math.max(0, done / total)) : null;
        if (stage) now = stage;
        if (shown) setBusy({ label: now, fraction });
      };
      try {
        return await task(progress);
      } catch (e) {
        setError(toUserError(e));
        return undefined;
      } finally {
        clearTimeout(timer);
        active.current = false;
        setBusy(null);
        setRunning(false);
      }
    },
    [],
  );

  return { running, busy, error, clearError: () => setError(null), run };
}
