/**
 * The spreadsheet kernel Excel and WPS share, on its own: the write steps and their order around a Text ("@") cell,
 * what a note write does to a cell, and the one sync-to-async wrapper of the WPS host.
 */
import type { CellChange } from "../../../src/core/plan";
import { changeSteps, formatsBefore, noteStep, restoreSteps, targetsOf, validatePlan, type UndoCell } from "../../../src/adapters/sheet";
import { withAsyncTwins } from "../../../src/adapters/wps/async";

function change(cell: string, after: CellChange["after"], sheet = "表1"): CellChange {
  return {
    sheet,
    cell,
    kind: "formula",
    before: { value: null, formula: null, numberFormat: null },
    after,
    expected: null,
    reason: "测试",
    reasonEn: "test",
  };
}

const undoCell = (u: Partial<UndoCell>): UndoCell => ({ sheet: "表1", cell: "A1", formula: null, value: null, numberFormat: null, ...u });

describe("write steps", () => {
  test("a formula or number typed into a Text cell gets the General format first; text stays as typed there", () => {
    const formats = formatsBefore([undoCell({ cell: "A1", numberFormat: "@" }), undoCell({ cell: "A2", numberFormat: "@" })]);
    const [a1, a2] = validatePlan({ changes: [change("A1", { formula: "=B1*2" }), change("a2", { value: "=文本" })] });
    expect(changeSteps(a1, formats)).toEqual([
      { set: "format", format: "General" },
      { set: "input", input: "=B1*2" },
    ]);
    expect(formats.get("表1!A1")).toBe("General");
    expect(changeSteps(a2, formats)).toEqual([{ set: "input", input: "=文本" }]); // a Text cell keeps it as text
  });

  test("outside a Text cell, text that would be parsed gets its apostrophe; null clears; a planned format goes first", () => {
    const formats = formatsBefore([]);
    const [a, b, c] = validatePlan({
      changes: [change("A1", { value: "2020/1/1" }), change("A2", { value: null }), change("A3", { value: 0.5, numberFormat: "0.00%" })],
    });
    expect(changeSteps(a, formats)).toEqual([{ set: "input", input: "'2020/1/1" }]);
    expect(changeSteps(b, formats)).toEqual([{ set: "clear" }]);
    expect(changeSteps(c, formats)).toEqual([
      { set: "format", format: "0.00%" },
      { set: "input", input: 0.5 },
    ]);
  });

  test("the restore order: a formula before its format, a constant after it; an error typed as itself only where the host can tell", () => {
    expect(restoreSteps(undoCell({ formula: "=1/0", value: "#DIV/0!", numberFormat: "@" }), true)).toEqual([
      { set: "input", input: "=1/0" },
      { set: "format", format: "@" },
    ]);
    expect(restoreSteps(undoCell({ value: "001", numberFormat: "@" }), false)).toEqual([
      { set: "format", format: "@" },
      { set: "input", input: "001" },
    ]);
    expect(restoreSteps(undoCell({}), false)).toEqual([{ set: "format", format: "General" }, { set: "clear" }]);
    expect(restoreSteps(undoCell({ value: "#N/A" }), true)[1]).toEqual({ set: "input", input: "#N/A" });
    expect(restoreSteps(undoCell({ value: "#N/A" }), false)[1]).toEqual({ set: "input", input: "'#N/A" });
  });

  test("each target cell once, in plan order; the add-in's own sheets refused", () => {
    const changes = validatePlan({ changes: [change("B2", { value: 1 }), change("A1", { value: 2 }), change("b2", { value: 3 }, "表1")] });
    expect(targetsOf(changes)).toEqual([
      { sheet: "表1", cell: "B2" },
      { sheet: "表1", cell: "A1" },
    ]);
    expect(() => validatePlan({ changes: [change("A1", { value: 1 }, "jixiao_undo")] }, (s) => s === "jixiao_undo")).toThrow(
      expect.objectContaining({ code: "bad-plan" }),
    );
  });
});

test("a note write: ours is set or added, a person's note kept, ours deleted when none is wanted", () => {
  expect(noteStep(null, false, "新")).toBe("add");
  expect(noteStep(null, true, "新")).toBeNull(); // a person's note stays
  expect(noteStep("旧", false, "新")).toBe("set");
  expect(noteStep("同\r\n", false, "同")).toBeNull(); // the same note, other line ends
  expect(noteStep("旧", false, null)).toBe("delete");
  expect(noteStep(null, true, null)).toBeNull();
});

describe("withAsyncTwins", () => {
  class Sync {
    calls: string[] = [];
    constructor(readonly base: number) {}
    addSync(n: number): number {
      this.calls.push(`add ${n}`);
      return this.base + n;
    }
    failSync(): void {
      throw new Error("坏");
    }
  }
  const Twinned = withAsyncTwins(Sync, ["add", "fail"] as const);

  test("each twin runs its sync method at once and hands back its result as a promise", async () => {
    const t = new Twinned(40);
    const p = t.add(2);
    expect(t.calls).toEqual(["add 2"]); // ran before the promise was awaited
    await expect(p).resolves.toBe(42);
    expect(t.addSync(1)).toBe(41);
    expect(t).toBeInstanceOf(Sync);
  });

  test("an error of the sync method is the promise's rejection, never a throw", async () => {
    const t = new Twinned(0);
    let p: Promise<void> | null = null;
    expect(() => (p = t.fail())).not.toThrow();
    await expect(p).rejects.toThrow("坏");
  });
});
