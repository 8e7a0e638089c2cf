/** The fake WPS 文字 enforces what WPS 文字 (Word's model) does, in both builds. */
import { FakeWpsWriter, WriterComError, WriterDocModel, type MemberStyle } from "../../fakes/fakeWpsWriter";

type Any = any;

function read(o: Any, name: string, style: MemberStyle): Any {
  return style === "method" ? o[name]() : o[name];
}

describe.each(["property", "method"] as MemberStyle[])("fake WPS 文字, %s build", (style) => {
  function open(paragraphs = ["甲", "乙"]) {
    const model = new WriterDocModel("文.docx", paragraphs);
    const fake = new FakeWpsWriter(model, { members: style });
    return { model, doc: read(fake.Application, "ActiveDocument", style) };
  }

  test("the document ends with a paragraph mark that stays; a written range covers its new text", () => {
    const { model, doc } = open();
    expect(model.text).toBe("甲\r乙\r");
    const content = read(doc, "Content", style);
    content.Text = "丙";
    expect(model.text).toBe("丙\r");
    const r = doc.Range(1, 1);
    r.Text = "\r丁";
    expect([read(r, "Start", style), read(r, "End", style), model.text]).toEqual([1, 3, "丙\r丁\r"]);
  });

  test("ranges and bookmarks move with edits before them; replacing a bookmark's whole text removes it", () => {
    const { model, doc } = open(["一二三", "四五六"]);
    const marks = read(doc, "Bookmarks", style);
    marks.Add("second", doc.Range(4, 7));
    const live = doc.Range(4, 7);
    doc.Range(0, 0).Text = "前言\r";
    expect(model.bookmarkText("second")).toBe("四五六");
    expect(read(live, "Text", style)).toBe("四五六");
    const b = read(marks.Item("second"), "Range", style);
    b.Text = "新";
    expect(marks.Exists("second")).toBe(false);
    expect(() => marks.Item("second")).toThrow(WriterComError);
    expect(read(b, "Text", style)).toBe("新");
  });

  test("inserted text takes the highlight before it; Style applies to whole paragraphs and only known styles", () => {
    const { model, doc } = open(["一二", "三"]);
    doc.Range(0, 2).HighlightColorIndex = 7;
    doc.Range(2, 2).Text = "加";
    expect(model.paragraphs()[0].highlighted).toEqual(["一二加"]);
    doc.Range(1, 1).Style = -3;
    expect(model.paragraphs().map((p) => p.style)).toEqual(["标题 2", "正文"]);
    expect(() => (doc.Range(0, 1).Style = "不存在的样式")).toThrow(WriterComError);
    expect(read(doc.Range(0, 4), "HighlightColorIndex", style)).toBe(9999999);
  });

  test("collections: names must be Word names; 1-based; variables added once and at most 65,280 characters", () => {
    const { doc } = open();
    const marks = read(doc, "Bookmarks", style);
    expect(() => marks.Add("1bad", doc.Range(0, 1))).toThrow(WriterComError);
    expect(() => marks.Add("jixiao:basic", doc.Range(0, 1))).toThrow(WriterComError);
    marks.Add("jixiao_basic", doc.Range(0, 1));
    expect(read(marks.Item(1), "Name", style)).toBe("jixiao_basic");
    expect(() => marks.Item(0)).toThrow(WriterComError);
    const vars = read(doc, "Variables", style);
    vars.Add("k", "v");
    expect(() => vars.Add("k", "w")).toThrow(WriterComError);
    expect(() => vars.Add("long", "x".repeat(65_281))).toThrow(WriterComError);
    expect(read(vars.Item("k"), "Value", style)).toBe("v");
    expect(() => vars.Item("missing")).toThrow(WriterComError);
    expect(read(vars, "Count", style)).toBe(1);
  });
});

describe("tables, as WPS 文字 / Word enforce them", () => {
  function withTable() {
    const doc = new WriterDocModel("t.docx", ["前", "", "后"]);
    const app = new FakeWpsWriter(doc).Application as any;
    const d = app.ActiveDocument;
    const table = d.Tables.Add(d.Range(2, 2), 2, 3);
    return { doc, d, table };
  }

  test("Tables.Add puts a table where the range was; its cells are filled through Cell(r, c).Range.Text; text around stays", () => {
    const { doc, table } = withTable();
    table.Cell(1, 1).Range.Text = "项目";
    table.Cell(2, 3).Range.Text = "100%";
    expect(doc.tableValues()).toEqual([
      [
        ["项目", "", ""],
        ["", "", "100%"],
      ],
    ]);
    expect(doc.text.startsWith("前\r")).toBe(true);
    expect(doc.text.endsWith("\r后\r")).toBe(true);
  });

  test("a cell outside the table, a cell mark in a cell's text, a heading row below a non-heading one: COM errors", () => {
    const { table } = withTable();
    expect(() => table.Cell(3, 1)).toThrow(WriterComError);
    expect(() => (table.Cell(1, 1).Range.Text = "a\x07b")).toThrow(/cell mark/);
    expect(() => (table.Rows.Item(2).HeadingFormat = true)).toThrow(/rows above/);
    table.Rows.Item(1).HeadingFormat = true;
    expect(table.Rows.Item(1).HeadingFormat).toBe(-1);
  });
});
