/** Rule 等级 (SPEC §3): 优 ≥ 90; 良 80–<90; 中 60–<80; 差 < 60. GRADE_MISMATCH when a stated 等级 differs. */
import type { Grade } from "../analysis";
import type { TextCell } from "../model";
import { squeeze } from "../text";
import { fmt, type RuleContext } from "./context";

export function grade(total: number): Grade {
  if (total >= 90) return "优";
  if (total >= 80) return "良";
  if (total >= 60) return "中";
  return "差";
}

const GRADE_WORDS: Record<string, Grade> = {
  优: "优",
  优秀: "优",
  良: "良",
  良好: "良",
  中: "中",
  中等: "中",
  合格: "中",
  一般: "中",
  差: "差",
  不合格: "差",
  较差: "差",
};

/** A 等级 as written in a cell or a sentence ("优秀", "“良”" → 优, 良), or null when it is no grade word. */
export function gradeWord(s: string): Grade | null {
  return GRADE_WORDS[squeeze(s).replace(/^[“"「]|[”"」]$/g, "")] ?? null;
}

export function checkGrade(ctx: RuleContext, stated: TextCell | null, total: number | null, label: string): void {
  if (!stated || stated.text === "" || total === null) return;
  const said = gradeWord(stated.text);
  const due = grade(total);
  if (said && said !== due) {
    ctx.report("GRADE_MISMATCH", "error", stated.ref.address, { label, stated: stated.text, total: fmt(total), due });
  }
}
