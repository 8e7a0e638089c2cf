/**
 * The command floor every shell drives — the task pane, the Office ribbon, the WPS ribbon and the CLI. Each command
 * is a pure plan over what was read (the sheets, or the marks) returning a proposal a shell can show, and a commit
 * that writes the proposal through a port and returns one Outcome (outcome.ts). The synchronous WPS ribbon runs the
 * same plans and commits through the synchronous port (the `…Sync` commits).
 *  check.ts  检查          fill.ts  填充公式, 采纳建议     mark.ts  标注问题      clear.ts  清除标注
 *  undo.ts   撤销          report.ts 生成报告            batch.ts 批量检查 (问题清单)   compare.ts 对照报告
 * Modules that must stay lean (the CLI's batch worker) import the command they need directly. report.ts and compare.ts
 * are not re-exported here: they bring the narrative (src/core/narrative) and the comparison (src/core/compare), a
 * third of the pane's script, which a shell loads when a report is asked for (the pane: src/taskpane/parts.ts; the
 * CLI: src/cli/main.ts) — import them from ./report and ./compare.
 */
export * from "./outcome";
export * from "./tables";
export * from "./check";
export * from "./fill";
export * from "./mark";
export * from "./clear";
export * from "./undo";
export * from "./batch";
