/**
 * Scoring profiles (SPEC §3): the default 财预〔2020〕10号 rules and the provincial variants.
 */

export type ProfileId = "default" | "jiangxi" | "hubei" | "reverse-linear";

export interface Profile {
  id: ProfileId;
  name: string;
  nameEn: string;
  /** 执行率 分值 the profile expects. */
  budgetWeight: number;
  /** proportional: MIN(分值, 分值 × 执行率); steps: 江西 100% → 10, 80–<100% → 7, 60–<80% → 5, < 60% → 0 (scaled to 分值). */
  budgetScoring: "proportional" | "steps";
  /** ratio: 分值 × target/actual; linear: 分值 × (1 − (actual − target)/target), 0 at twice the target. */
  negativeScoring: "ratio" | "linear";
  /** Standard 一级 split (执行率 / 产出 / 效益 / 满意度); a different split is reported as info. */
  standardSplit: { budget: number; output: number; benefit: number; satisfaction: number } | null;
}

export const PROFILES: Record<ProfileId, Profile> = {
  default: {
    id: "default",
    name: "财预〔2020〕10号（默认）",
    nameEn: "Cai Yu [2020] No. 10 (default)",
    budgetWeight: 10,
    budgetScoring: "proportional",
    negativeScoring: "ratio",
    standardSplit: { budget: 10, output: 50, benefit: 30, satisfaction: 10 },
  },
  jiangxi: {
    id: "jiangxi",
    name: "江西：执行率分档计分",
    nameEn: "Jiangxi: execution rate scored in steps",
    budgetWeight: 10,
    budgetScoring: "steps",
    negativeScoring: "ratio",
    standardSplit: { budget: 10, output: 50, benefit: 30, satisfaction: 10 },
  },
  hubei: {
    id: "hubei",
    name: "湖北：执行率分值 20",
    nameEn: "Hubei: execution rate weighs 20",
    budgetWeight: 20,
    budgetScoring: "proportional",
    negativeScoring: "ratio",
    standardSplit: null,
  },
  "reverse-linear": {
    id: "reverse-linear",
    name: "反向指标线性扣分",
    nameEn: "Negative indicators: linear deduction",
    budgetWeight: 10,
    budgetScoring: "proportional",
    negativeScoring: "linear",
    standardSplit: { budget: 10, output: 50, benefit: 30, satisfaction: 10 },
  },
};

/** Whether a string names one of the profiles (the one check the pane's settings and the CLI's --profile use). */
export function isProfileId(id: string | null | undefined): id is ProfileId {
  return typeof id === "string" && Object.prototype.hasOwnProperty.call(PROFILES, id);
}

export function getProfile(id: ProfileId | string | undefined): Profile {
  if (isProfileId(id)) return PROFILES[id];
  return PROFILES.default;
}
