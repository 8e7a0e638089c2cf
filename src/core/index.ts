/**
 * The engine's public API: pure functions over sheet snapshots (no Office, DOM or Node).
 * snapshot → recognise → model → rules → findings + fill plan (+ evaluation) → narrative.
 */
export * from "./snapshot";
export * from "./address";
export * from "./findings";
export * from "./plan";
export * from "./model";
export * from "./profiles";
export * from "./analysis";
export * from "./errors";
export { analyzeSheet, analyzeWorkbook, analyzeTable, suggestionPlan } from "./analyze";
export { applyPlanToSnapshot } from "./applySnapshot";
export { recognizeSheet } from "./recognize";
