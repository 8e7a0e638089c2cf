import fc from "fast-check";
import {
  buildNarrative,
  diffNarratives,
  fingerprint,
  narrativeText,
  quotesOf,
  reportIssues,
  sectionParagraphs,
  type Narrative,
} from "../../src/core/narrative";
import { money, rate, roundTo, score, trimmed } from "../../src/core/narrative/format";
import { departmentAnalysis, MEDICAL_AID_INDICATORS, projectAnalysis, summaryAnalysis, inOrder } from "./models";

function all(n: Narrative): string {
  return narrativeText(n);
}

/** The report's table with this id (its rows as text). */
function tableOf(n: Narrative, id: string) {
  for (const s of n.sections) for (const p of s.paragraphs) if (p.table?.id === id) return p.table;
  throw new Error(`no table ${id}`);
}

function sentenceWith(n: Narrative, needle: string) {
  for (const s of n.sections)
    for (const p of s.paragraphs) for (const x of p.sentences) if (x.text.includes(needle)) return { section: s.id, sentence: x };
  throw new Error(`no sentence with ${needle}`);
}

describe("format", () => {
  test("numbers as a person writes them", () => {
    expect(money(3386.925, 3)).toBe("3386.925万元");
    expect(money(0, 0)).toBe("0万元");
    expect(money(4982.25, 2)).toBe("4982.25万元");
    expect(rate(3416.022 / 3386.925)).toBe("100.86%");
    expect(rate(606.225 / 613.075)).toBe("98.88%");
    expect(rate(1)).toBe("100.00%");
    expect(score(98)).toBe("98分");
    expect(score(9.89)).toBe("9.89分");
    expect(score(97.9 + 0.1)).toBe("98分");
    expect(score(9.9)).toBe("9.9分");
    expect(roundTo(1.005, 2)).toBe(1.01);
    expect(roundTo(-2.675, 2)).toBe(-2.68);
    expect(trimmed(-0.001)).toBe("0");
  });
  test("money keeps the written precision for any value (property)", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000_000 }), fc.integer({ min: 0, max: 4 }), (units, d) => {
        const v = units / Math.pow(10, d);
        const s = money(v, d);
        const body = s.replace("万元", "");
        expect(body.split(".")[1]?.length ?? 0).toBe(d);
        expect(Number(body)).toBeCloseTo(v, 9);
      }),
    );
  });
});

describe("project narrative (medical aid, after the fill)", () => {
  const n = buildNarrative(projectAnalysis());
  const text = all(n);

  test("sections in the published order with stable ids", () => {
    expect(n.kind).toBe("project");
    expect(n.sections.map((s) => s.id)).toEqual(["basic", "goals", "conclusion", "deviation", "application"]);
    expect(n.sections.map((s) => s.title)).toEqual([
      "一、项目基本情况",
      "二、绩效目标完成情况",
      "三、综合评价结论",
      "四、偏离绩效目标的原因和改进措施",
      "五、绩效自评结果应用和公开情况",
    ]);
    expect(n.title).toBe("城乡困难居民医疗救助项目2020年度绩效自评报告");
  });

  test("quotes the table's numbers as the table writes them, in section order", () => {
    inOrder(text, [
      "城乡困难居民医疗救助",
      "浏阳市医疗保障局",
      "3386.925万元",
      "3416.022万元",
      "100.86%",
      "分值10分，得分10分",
      "产出指标共6项，5项完成，1项未得满分（对符合政策规定的所有对象），扣2分",
      "45000人次",
      "45469人次",
      "得分13分（分值15分），扣2分",
      "98分",
      "“优”",
    ]);
    // Fund rows, zero rows included.
    expect(text).toContain("上年结转资金全年预算数0万元，执行数0万元");
    // Every indicator with its target, actual, weight and score — in the table, not in a sentence each.
    const table = tableOf(n, "indicators");
    for (const i of MEDICAL_AID_INDICATORS) {
      const row = table.rows.find((r) => r[2] === i.name.replace(/‘/g, "“").replace(/’/g, "”"));
      expect(row?.slice(3, 7)).toEqual([i.target, i.actual, String(i.weight), String(i.score)]);
    }
    // Only the indicator that lost points has a sentence; no sentence gives the target's words as the actual.
    expect(text).not.toContain("实际完成值为≤30天");
    expect(text).not.toContain("实际完成值为一个月内");
    expect(text).not.toMatch(/undefined|null|NaN|Infinity/);
    // The inverted 99.15% the table held before the fill is not repeated.
    expect(text).not.toContain("99.15%");
  });

  test("each number names the cell it comes from", () => {
    const exec = sentenceWith(n, "3416.022万元");
    expect(exec.section).toBe("basic");
    expect(exec.sentence.quotes).toEqual(
      expect.arrayContaining([
        { cell: "E6", label: "全年执行数", value: "3416.022万元" },
        { cell: "G6", label: "执行率", value: "100.86%" },
      ]),
    );
    expect(exec.sentence.cells).toEqual(expect.arrayContaining(["C6", "D6", "E6", "G6"]));
    const total = sentenceWith(n, "总分为98分");
    expect(total.section).toBe("conclusion");
    expect(total.sentence.quotes).toContainEqual({ cell: "H23", label: "总分", value: "98分" });
    const ind = sentenceWith(n, "45469人次");
    expect([...ind.sentence.cells].sort()).toEqual(["D13", "E13", "F13", "G13", "H13"]);
  });

  test("the indicator below full score is named with its reason; where points were lost", () => {
    const dev = sectionParagraphs(n, "deviation").join("");
    expect(dev).toContain("“对符合政策规定的所有对象”指标得分13分，低于分值15分");
    expect(dev).toContain("实际发生医疗费用人次比预算人次多，加强预算");
    // Over-execution (100.86%) asks for an explanation instead of inventing one.
    expect(dev).toContain(
      "年度资金总额全年执行数3416.022万元，超出全年预算数3386.925万元，执行率100.86%。【请补充：年度资金总额超预算执行的原因",
    );
    expect(sectionParagraphs(n, "conclusion").join("")).toContain("扣分情况：“对符合政策规定的所有对象”扣2分");
  });

  test("what the table cannot say is a marked placeholder", () => {
    const app = n.sections.find((s) => s.id === "application")!;
    const sentences = app.paragraphs.flatMap((p) => p.sentences);
    expect(sentences.length).toBeGreaterThan(0);
    for (const s of sentences) {
      expect(s.placeholder).toBe(true);
      expect(s.text).toMatch(/^【请补充：.+】$/);
      expect(s.cells).toEqual([]);
    }
    // Every placeholder is marked, and every marked sentence is a placeholder.
    for (const sec of n.sections)
      for (const p of sec.paragraphs) for (const s of p.sentences) expect(!!s.placeholder).toBe(/^【请(补充|核实)：/.test(s.text));
  });
});

describe("project narrative: other tables", () => {
  test("insurance subsidy: 98.88%, 9.89分, a computed 14.83 with its rule, 99.72分", () => {
    const inds = [
      {
        row: 13,
        level1: "产出指标",
        level2: "数量指标",
        name: "符合政策规定的贫困对象数",
        target: "24523人",
        actual: "24249人",
        weight: 15,
        score: null,
        computed: { score: 14.83, explanation: "24249/24523 × 15 = 14.83" },
      },
      {
        row: 14,
        level1: "产出指标",
        level2: "质量指标",
        name: "对象界定准确，应助尽助，参保率",
        target: "对象界定准确，应助尽助，参保率",
        actual: "100%",
        weight: 20,
        score: 20,
      },
      {
        row: 15,
        level1: "效益指标",
        level2: "满意度指标",
        name: "受助对象满意度≥95%",
        target: "受助对象满意度≥95%",
        actual: "受助对象满意度≥95%",
        weight: 10,
        score: 10,
      },
    ];
    const t = projectAnalysis({
      name: "城乡困难居民资助参保",
      initial: "\u3000613.075",
      budget: "\u3000613.075",
      executed: "\u3000606.225",
      rate: 606.225 / 613.075,
      budgetScore: 9.89,
      total: 99.72,
      grade: "优",
      indicators: inds,
    });
    const n = buildNarrative(t);
    const text = all(n);
    inOrder(text, ["613.075万元", "606.225万元", "98.88%", "得分9.89分", "24523人", "24249人", "得分14.83分", "99.72分", "“优”"]);
    const dev = sectionParagraphs(n, "deviation").join("");
    expect(dev).toContain("执行率得分9.89分，低于分值10分");
    expect(dev).toContain("（24249/24523 × 15 = 14.83）");
    // No reason in the table: a placeholder, never an invented reason.
    expect(dev).toContain("【请补充：“符合政策规定的贫困对象数”未达到满分的原因及改进措施】");
    expect(sectionParagraphs(n, "conclusion").join("")).toContain("预算执行率扣0.11分、“符合政策规定的贫困对象数”扣0.17分");
  });

  test("a bare table: missing header cells and scores become placeholders, never 'null'", () => {
    const t = projectAnalysis({
      name: null,
      department: null,
      implementer: null,
      goalExpected: null,
      goalActual: null,
      title: null,
      total: null,
      grade: null,
      budgetScore: null,
      rate: null,
      budget: null,
      executed: null,
      indicators: [
        { row: 13, level1: "产出指标", level2: "数量指标", name: "人数", target: "≥500人", actual: null, weight: 10, score: null },
      ],
    });
    const n = buildNarrative(t);
    const text = all(n);
    expect(text).not.toMatch(/undefined|null|NaN/);
    for (const what of [
      "项目名称",
      "主管部门",
      "实施单位",
      "项目年度总体目标",
      "年度总体目标完成情况",
      "全年预算数",
      "全年执行数",
      "“人数”的实际完成值",
      "“人数”的得分",
      "绩效自评总分及评价等级",
    ])
      expect(text).toContain(`【请补充：${what}】`);
    expect(n.title).toBe("项目支出绩效自评报告");
  });

  test("nested quotes in a name become single quotes", () => {
    const inds = MEDICAL_AID_INDICATORS.map((i) => (i.name.includes("因病致贫") ? { ...i, score: 8, reason: "部分对象仍有返贫风险" } : i));
    const n = buildNarrative(projectAnalysis({ indicators: inds }));
    expect(all(n)).toContain("“缓解困难群众‘因病致贫、因病返贫’现象发生”");
    // the table prints the name as the sheet has it
    expect(tableOf(n, "indicators").rows.map((r) => r[2])).toContain("缓解困难群众“因病致贫、因病返贫”现象发生");
  });
});

describe("department narrative (湖南 layout, after the fill)", () => {
  const n = buildNarrative(departmentAnalysis());
  const text = all(n);
  test("sections and numbers", () => {
    expect(n.sections.map((s) => s.id)).toEqual(["overview", "spending", "goals", "problems", "measures", "grade"]);
    expect(n.title).toBe("浏阳市医疗保障局2020年度部门整体支出绩效自评报告");
    inOrder(text, [
      "财政拨款全年预算数4982.25万元，全年执行数7687.56万元，执行率154.30%，占资金来源执行总额的93.13%",
      "其他资金全年预算数0万元，全年执行数567万元，年初未安排预算，无执行率，占资金来源执行总额的6.87%",
      "基本支出全年预算数551.93万元，全年执行数608.81万元，执行率110.31%，占资金结构执行总额的7.38%",
      "项目支出全年预算数4300.32万元，全年执行数7645.75万元，执行率177.79%，占资金结构执行总额的92.62%",
      "【请核实：资金来源合计（预算数4982.25万元",
      "预算数4852.25万元",
      "2项未得满分（“编审合规性、细化、量化”、“预算完成率”），扣2.06分",
      "“编审合规性、细化、量化”全年完成值为70.57%，得分2.12分（权重3分），扣0.88分",
      "得分合计10分（权重10分）",
      "总分为95.94分，评价等级为“优”",
    ]);
    expect(text).not.toContain("97.94");
    expect(text).not.toMatch(/undefined|null|NaN/);
  });
  test("problems come from the scores below weight and their reasons", () => {
    const p = sectionParagraphs(n, "problems").join("");
    expect(p).toContain("“预算完成率”指标全年完成值为70.57%，得分2.82分，低于权重4分，原因为：未对上级补助资金进行预算。");
    expect(p).toContain("其他资金年初未安排预算，全年执行567万元");
    expect(sectionParagraphs(n, "measures").join("")).toMatch(/^【请补充：/);
  });
  test("rates cite the table's rate cells", () => {
    const s = sentenceWith(n, "执行率154.30%");
    expect(s.sentence.quotes).toContainEqual({ cell: "G5", label: "财政拨款执行率", value: "154.30%" });
  });
});

describe("summary narrative", () => {
  test("projects, totals and grades", () => {
    const n = buildNarrative(summaryAnalysis());
    expect(n.sections.map((s) => s.id)).toEqual(["overview", "projects", "grade"]);
    const text = all(n);
    inOrder(text, [
      "共对2个项目",
      "全年执行数3456.022万元",
      "“新增项目”年初未安排预算",
      "自评得分85.5分，评价等级为“良”",
      "“优”1个，“良”1个",
    ]);
    const rows = tableOf(n, "projects").rows;
    expect(rows[0]).toEqual(expect.arrayContaining(["城乡困难居民医疗救助", "98", "优"]));
    expect(rows[rows.length - 1][1]).toBe("合计");
  });
});

describe("fingerprint and diff", () => {
  test("stable, and changes exactly when a quoted value changes", () => {
    const a = fingerprint(projectAnalysis());
    expect(a).toMatch(/^[0-9a-f]{14}$/);
    expect(fingerprint(projectAnalysis())).toBe(a);
    const withFinding = projectAnalysis();
    withFinding.findings.push({
      code: "NUMBER_AS_TEXT",
      severity: "warning",
      sheet: "附件3-1",
      cell: "D6",
      key: "NUMBER_AS_TEXT",
      params: { raw: "m", value: "0" },
      message: "m",
      messageEn: "m",
    });
    expect(fingerprint(withFinding)).toBe(a);
    expect(fingerprint(projectAnalysis({ executed: 3400 }))).not.toBe(a);
    expect(fingerprint(projectAnalysis({ total: 97.9 }))).not.toBe(a);
  });

  test("diff reports the changed numbers by cell", () => {
    const before = buildNarrative(projectAnalysis());
    const after = buildNarrative(projectAnalysis({ executed: 3400.5, rate: 3400.5 / 3386.925 }));
    const changes = diffNarratives(before, after);
    expect(changes).toContainEqual({ section: "basic", cell: "E6", label: "全年执行数", before: "3416.022万元", after: "3400.5万元" });
    expect(changes).toContainEqual({ section: "basic", cell: "G6", label: "执行率", before: "100.86%", after: "100.40%" });
    expect(changes.every((c) => c.before !== c.after)).toBe(true);
    expect(diffNarratives(before, buildNarrative(projectAnalysis()))).toEqual([]);
  });

  test("quotes are never empty and always cite a cell inside the table", () => {
    for (const t of [projectAnalysis(), departmentAnalysis(), summaryAnalysis()]) {
      const n = buildNarrative(t);
      for (const q of quotesOf(n)) {
        expect(q.value).not.toBe("");
        expect(q.cell).toMatch(/^[A-Z]+\d+$/);
      }
    }
  });

  test("error findings are listed for the pane and the CLI", () => {
    const t = projectAnalysis();
    t.findings.push(
      {
        code: "TOTAL_MISMATCH",
        severity: "error",
        sheet: t.sheet,
        cell: "H23",
        key: "TOTAL_MISMATCH",
        params: { stated: "98", typed: "97", filled: null },
        message: "总分不符",
        messageEn: "total",
      },
      {
        code: "NUMBER_AS_TEXT",
        severity: "warning",
        sheet: t.sheet,
        cell: "D6",
        key: "NUMBER_AS_TEXT",
        params: { raw: "6", value: "6" },
        message: "文本数字",
        messageEn: "text",
      },
    );
    expect(reportIssues(t).map((f) => f.code)).toEqual(["TOTAL_MISMATCH"]);
  });
});

describe("robustness (property)", () => {
  test("any scores and weights give a report with no NaN/undefined and the total quoted", () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ w: fc.integer({ min: 0, max: 30 }), s: fc.option(fc.integer({ min: 0, max: 3000 }).map((x) => x / 100)) }), {
          minLength: 0,
          maxLength: 12,
        }),
        fc.option(fc.integer({ min: 0, max: 10000 }).map((x) => x / 100)),
        (rows, total) => {
          const inds = rows.map((r, i) => ({
            row: 13 + i,
            level1: i % 2 ? "效益指标" : "产出指标",
            level2: "数量指标",
            name: `指标${i}`,
            target: "≥1人",
            actual: "1人",
            weight: r.w,
            score: r.s,
          }));
          const n = buildNarrative(projectAnalysis({ indicators: inds, total }));
          const text = narrativeText(n);
          expect(text).not.toMatch(/undefined|null|NaN|Infinity/);
          if (total !== null) expect(text).toContain(`总分为${score(total)}`);
          else expect(text).toContain("【请补充：绩效自评总分及评价等级】");
        },
      ),
      { numRuns: 200 },
    );
  });
});
