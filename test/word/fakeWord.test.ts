/** The fake must be as strict as Word, or the WordReport tests prove nothing. */
import { FakeWord, FakeWordError } from "../fakes/fakeWord";

test("reading an unloaded property throws; after load + sync it reads", async () => {
  const fake = new FakeWord(["hello"]);
  await fake.run(async (ctx) => {
    const body = ctx.document.body;
    expect(() => body.text).toThrow(FakeWordError);
    body.load("text");
    expect(() => body.text).toThrow(/PropertyNotLoaded/); // loaded but not synced
    await ctx.sync();
    expect(body.text).toBe("hello");
  });
});

test("writes are queued until sync and applied in order", async () => {
  const fake = new FakeWord();
  await fake.run(async (ctx) => {
    const p = ctx.document.body.insertParagraph("a", "End");
    p.insertText("b", "End");
    expect(fake.paragraphTexts()).toEqual([]);
    await ctx.sync();
    expect(fake.paragraphTexts()).toEqual(["ab"]);
  });
  expect(fake.syncs).toBe(1);
});

test("pending work is flushed at the end of run (counted); proxies die with their run", async () => {
  const fake = new FakeWord();
  let leaked: { insertText(t: string, l: "End"): unknown } | null = null;
  await fake.run(async (ctx) => {
    leaked = ctx.document.body.insertParagraph("x", "End");
  });
  expect(fake.paragraphTexts()).toEqual(["x"]);
  expect(fake.syncs).toBe(1);
  expect(() => leaked!.insertText("y", "End")).toThrow(/InvalidObjectPath/);
});

test("ClientResult values need a sync; collections need load", async () => {
  const fake = new FakeWord();
  await fake.run(async (ctx) => {
    ctx.document.customXmlParts.add('<a xmlns="urn:x"/>');
    await ctx.sync();
    const parts = ctx.document.customXmlParts.getByNamespace("urn:x");
    expect(() => parts.items).toThrow(/PropertyNotLoaded/);
    parts.load("items");
    await ctx.sync();
    expect(parts.items).toHaveLength(1);
    expect(() => parts.items[0].id).toThrow(/PropertyNotLoaded/);
    const xml = parts.items[0].getXml();
    expect(() => xml.value).toThrow(/PropertyNotLoaded/);
    await ctx.sync();
    expect(xml.value).toBe('<a xmlns="urn:x"/>');
    expect(ctx.document.customXmlParts.getByNamespace("urn:y").load("items")).toBeTruthy();
  });
});

test("content controls wrap whole paragraphs, never nest, are found by tag in order", async () => {
  const fake = new FakeWord(["intro"]);
  await fake.run(async (ctx) => {
    const a = ctx.document.body.insertParagraph("A1", "End");
    const b = ctx.document.body.insertParagraph("A2", "End");
    const cc = a.getRange("Whole").expandTo(b.getRange("Whole")).insertContentControl();
    cc.tag = "t";
    const c = ctx.document.body.insertParagraph("B", "End");
    c.getRange("Whole").insertContentControl().tag = "t";
    await ctx.sync();
    const again = a.getRange("Whole").insertContentControl();
    void again;
    await expect(ctx.sync()).rejects.toThrow(/already inside a content control/);
  });
  await fake.run(async (ctx) => {
    const list = ctx.document.contentControls.getByTag("t");
    list.load("items/text");
    await ctx.sync();
    expect(list.items.map((x) => x.text)).toEqual(["A1\rA2", "B"]);
    expect(() => list.items[0].tag).toThrow(/PropertyNotLoaded/);
  });
});

test("inserted text takes the highlight before it unless reset", async () => {
  const fake = new FakeWord();
  await fake.run(async (ctx) => {
    const p = ctx.document.body.insertParagraph("", "End");
    p.insertText("【请补充：x】", "End").font.highlightColor = "Yellow";
    p.insertText("after", "End");
    await ctx.sync();
  });
  expect(fake.highlighted()).toEqual(["【请补充：x】", "after"]);
});

describe("tables, pictures and requirement sets, as Word enforces them", () => {
  const PNG = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==";

  test("a table's properties read only after load + sync; Word keeps a paragraph after a table at the end", async () => {
    const fake = new FakeWord(["x"]);
    await fake.run(async (ctx) => {
      const t = ctx.document.body.insertTable(2, 2, "End", [
        ["a", "b"],
        ["1", "2"],
      ]);
      t.headerRowCount = 1;
      expect(() => t.values).toThrow(/PropertyNotLoaded/);
      t.load("values,headerRowCount,rowCount");
      await ctx.sync();
      expect(t.values).toEqual([
        ["a", "b"],
        ["1", "2"],
      ]);
      expect(t.headerRowCount).toBe(1);
      expect(t.rowCount).toBe(2);
    });
    expect(fake.blocks().map((b) => b.kind)).toEqual(["p", "t", "p"]);
  });

  test("bad table arguments are refused at once; a cell outside the table when synced", async () => {
    const fake = new FakeWord();
    await fake.run(async (ctx) => {
      expect(() => ctx.document.body.insertTable(2, 2, "End", [["a", "b"]])).toThrow(/InvalidArgument/);
      expect(() => ctx.document.body.insertTable(0, 2, "End")).toThrow(/InvalidArgument/);
      const t = ctx.document.body.insertTable(1, 1, "End");
      t.getCell(3, 0).horizontalAlignment = "Right";
      await expect(ctx.sync()).rejects.toThrow(/ItemNotFound/);
    });
  });

  test("a picture must be an image; its size and alt text are written at sync", async () => {
    const fake = new FakeWord(["x"]);
    await fake.run(async (ctx) => {
      const p = ctx.document.body.insertParagraph("", "End");
      p.insertInlinePictureFromBase64(btoa("not an image"), "End");
      await expect(ctx.sync()).rejects.toThrow(/InvalidArgument/);
    });
    await fake.run(async (ctx) => {
      const p = ctx.document.body.insertParagraph("", "End");
      const pic = p.insertInlinePictureFromBase64(PNG, "End");
      pic.width = 100;
      pic.height = 50;
      pic.altTextTitle = "图";
      expect(() => (pic.width = 0)).toThrow(/InvalidArgument/);
    });
    expect(fake.pictures()).toMatchObject([{ format: "png", width: 100, height: 50, altTextTitle: "图" }]);
  });

  test("an older Word: tables need WordApi 1.3, custom XML parts 1.4 (ApiNotFound)", async () => {
    const fake = new FakeWord([], { api: 1.2 });
    await fake.run(async (ctx) => {
      expect(() => ctx.document.body.insertTable(1, 1, "End")).toThrow(/ApiNotFound.*1\.3/);
      expect(() => ctx.document.customXmlParts.getByNamespace("urn:x")).toThrow(/ApiNotFound.*1\.4/);
      ctx.document.body.insertParagraph("", "End").insertInlinePictureFromBase64(PNG, "End");
    });
    expect(fake.pictures()).toHaveLength(1);
  });
});
