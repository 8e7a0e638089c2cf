/**
 * 重庆 部门整体绩效自评表, 2021: 西部（重庆）科学城 融媒体中心 (the 主管部门 cell is empty in the stored copy).
 * Source: m.yzwku.com/doc/98587.html (优知文库, 《部门整体绩效自评表.docx》, text extracted from the published .docx).
 * A fragment: the stored text breaks off after the 19th indicator and garbles the targets of the 15th–17th
 * (党性教育培训次数 "26次", 组织宣传活动次数 "到0次", 制作宣传品数量 "第O份"), so the first 14 indicators are taken —
 * every cell of them is legible. The three money figures of the 部门预算执行情况 row are not legible in the stored
 * copy ("相)预资5 … O") and are left empty; the rate (76%), its weight (10) and score (7.6) are.
 * The contact's name and phone are left out (not needed by any rule). Layout as the sequence of the stored text:
 * one table, 11 columns, no 一级/二级 columns, 指标性质 merged down its runs, "绩效指标" merged down column A.
 */
const PCT = "0%";
const PCT2 = "0.00%";
module.exports = {
  name: "department-chongqing-media-2021",
  sheet: "部门整体绩效自评表",
  widths: [6, 22, 8, 10, 10, 10, 10, 10, 10, 10, 10],
  cells: [
    ["A1:K1", "部门整体绩效自评表"],
    ["A2", "主管部门"], ["B2:D2", null], ["E2", "财政处室"], ["F2:G2", null], ["H2:I2", "自评总分（分）"], ["J2:K2", 97.6],
    ["A3", "部门联系人"], ["B3:D3", null], ["E3", "联系电话"], ["F3:K3", null],
    ["A4:A5", "部门预算执行情况（万元）"],
    ["B4:C4", "年初预算数"], ["D4:E4", "全年（调整）预算数"], ["F4", "全年执行数"], ["G4", "执行率（%）"], ["H4", "执行率权重"], ["I4:K4", "执行率得分（分）"],
    ["B5:C5", null], ["D5:E5", null], ["F5", null], ["G5", { value: 0.76, numFmt: PCT }], ["H5", 10], ["I5:K5", 7.6],
    ["A6:A7", "当年绩效目标"],
    ["B6:C6", "年初绩效目标"], ["D6:G6", "全年（调整）绩效目标"], ["H6:K6", "全年目标实际完成情况"],
    ["B7:C7", "无"],
    ["D7:G7", "通过整合各级各类媒体、户外广告载体、宣传宣讲活动等，为建设成渝地区双城经济圈和西部（重庆）科学城营造良好氛围。保障融媒体中心正常人事基础/日常运转，有效承担西部（重庆）科学城新闻宣传管理，思想文化领域建设等工作。"],
    ["H7:K7", "中心2021年较好地完成了履职任务，有效开展了西部（重庆）科学城新闻宣传管理/思想文化领域建设等工作，为建设成渝地区双城经济圈和西部（重庆）科学城营造了良好氛围。"],
    ["A8:A22", "绩效指标"],
    ["B8", "指标名称"], ["C8", "计量单位"], ["D8", "指标性质"], ["E8", "年初指标值"], ["F8", "调整指标值"], ["G8", "全年完成值"],
    ["H8", "得分系数（%）"], ["I8", "指标权重（分）"], ["J8", "指标得分（分）"], ["K8", "是否核心指标"],
    // name, unit, target, actual, weight/score, core — 指标性质 merged below
    ...rows(9, [
      ["财政供养人员控制率", "%", 1, 0.92, 2, "否"],
      ["“三公”经费变动率", "%", null, null, 2, "否"],
      ["基础信息完善", "%", 1, 1, 1, "否"],
      ["预算完成率", "%", 0.7, 0.76, 2, "是"],
      ["预算调整率", "%", 0.03, 0, 2, "否"],
      ["结转结余率", "%", 0.02, 0, 2, "是"],
      ["公用经费控制率", "%", 1, 0.97, 2, "是"],
      ["“三公”经费控制率", "%", null, null, 2, "否"],
      ["政府采购执行率", "%", 1, { value: 0.7274, numFmt: PCT2 }, 2, "是"],
      ["管理制度健全性", null, "高", "高", 3, "否"],
      ["资金使用合规性", null, "好", "好", 5, "否"],
      ["预决算信息公开性", null, "高", "高", 1, "否"],
      ["资产管理安全", null, "好", "好", 2, "否"],
      ["固定资产利用率", "%", 0.9, 1, 2, "否"],
    ]),
    ["D9:D17", "定量指标"], ["D18:D21", "定性指标"], ["D22", "定量指标"],
  ],
};

function rows(first, list) {
  const out = [];
  list.forEach(([name, unit, target, actual, weight, core], i) => {
    const r = first + i;
    const pct = (v) => (typeof v === "number" ? { value: v, numFmt: PCT } : v);
    out.push([`B${r}`, name], [`C${r}`, unit], [`E${r}`, pct(target)], [`G${r}`, pct(actual)]);
    out.push([`H${r}`, { value: 1, numFmt: PCT }], [`I${r}`, weight], [`J${r}`, weight], [`K${r}`, core]);
  });
  return out;
}
