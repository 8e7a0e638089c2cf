/**
 * The reader's lean XML reader (xml.ts parseWhole) against saxes (ChunkParser), which it stands in for on parts up to
 * 8 MB: whatever it reads, saxes reads too and gives the same events (names without prefix, attributes, text with
 * references decoded and line ends normalised); whatever it does not read, it says so (the reader then uses saxes).
 * Every part of every fixture and real workbook, and random texts made of XML's corner cases.
 */
import * as fs from "fs";
import * as path from "path";
import fc from "fast-check";
import { unzipSync } from "fflate";
import { ChunkParser, parseWhole, type SaxHandlers } from "../../../src/adapters/xlsx/xml";
import { fixtureNames, fixturePath } from "../../support/fixtures";

type Event = ["open", string, Record<string, string>, boolean] | ["close", string] | ["text", string];

/** The events of one reading, text joined; text outside the root left out (no reader here looks at it). */
function recorder(): { h: SaxHandlers; events: Event[] } {
  const events: Event[] = [];
  let depth = 0;
  const h: SaxHandlers = {
    open(name, attrs, selfClosing) {
      events.push(["open", name, { ...attrs }, selfClosing]);
      depth++;
    },
    close(name) {
      events.push(["close", name]);
      depth--;
    },
    text(t) {
      if (depth === 0 || t === "") return;
      const last = events[events.length - 1];
      if (last && last[0] === "text") last[1] += t;
      else events.push(["text", t]);
    },
  };
  return { h, events };
}

function bySaxes(xml: string): Event[] | "error" {
  const r = recorder();
  const p = new ChunkParser(r.h);
  try {
    p.write(xml, "x.xml");
    p.close("x.xml");
  } catch {
    return "error";
  }
  return r.events;
}

function byParseWhole(xml: string): Event[] | "not read" {
  const r = recorder();
  return parseWhole(xml, r.h) ? r.events : "not read";
}

const REAL = path.resolve(__dirname, "../../data/real");
/** Workbooks as other writers shape them (LibreOffice, ExcelJS, SheetJS, WPS, prefixed and r-less generators). */
const SHAPES = path.resolve(__dirname, "../../fuzz/bases");

const xlsxIn = (dir: string) =>
  fs
    .readdirSync(dir)
    .filter((f) => f.endsWith(".xlsx"))
    .map((f) => path.join(dir, f));

test("every XML part of the fixtures, the real workbooks and other writers' shapes: with saxes's events", () => {
  const files = [...fixtureNames().map(fixturePath), ...xlsxIn(REAL), ...xlsxIn(SHAPES)];
  let parts = 0;
  for (const file of files) {
    for (const [name, bytes] of Object.entries(unzipSync(new Uint8Array(fs.readFileSync(file))))) {
      if (!/\.(xml|rels)$/.test(name)) continue;
      const xml = new TextDecoder().decode(bytes);
      expect({ file, name, events: byParseWhole(xml) }).toEqual({ file, name, events: bySaxes(xml) });
      parts++;
    }
  }
  expect(parts).toBeGreaterThan(100);
});

test("corner cases: read alike, or left to saxes", () => {
  const read = [
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<x:a xmlns:x="u"><x:c r="A1" t=\'s\'><x:v>1</x:v></x:c></x:a>',
    '<a><t xml:space="preserve"> a &amp; b &lt;&gt; &quot;&apos; &#x4E2D;&#25991; &#x1F600;\r\nx\ry</t><b a="1 &amp; &#10;2" b = \'>\'/></a>',
    "<a>]] > ] ]></a>",
    "\n  <a/>  \n",
  ];
  for (const xml of read) {
    expect(byParseWhole(xml)).not.toBe("not read");
    expect(byParseWhole(xml)).toEqual(bySaxes(xml));
  }
  const left = [
    "<a><!-- x --></a>",
    "<a><![CDATA[<b>]]></a>",
    '<?xml version="1.0"?><?pi x?><a/>',
    '<!DOCTYPE a [<!ENTITY e "x">]><a>&e;</a>',
    "<a>&nbsp;</a>",
    "<a>&#0;</a>",
    "<a>&#xD800;</a>",
    "<a>\u0001</a>",
    "<a>\uFFFE</a>",
    "<a>x]]>y</a>",
    '<a b="1" b="2"/>',
    '<a b="1"c="2"/>',
    '<a b="x\ty"/>',
    '<a b="x\ny"/>',
    '<a b="<"/>',
    "<a b=1/>",
    "<数据/>",
    "<a:b:c/>",
    "<:a/>",
    "<a:/>",
    "<a><b></a></b>",
    "<a>",
    "<a/><b/>",
    "x<a/>",
    "<a/>x",
    "",
    '<?xml version="1.1"?><a/>',
    "\uFEFF<a/>",
  ];
  for (const xml of left) expect({ xml, r: byParseWhole(xml) }).toEqual({ xml, r: "not read" });
});

test("random texts from XML's corner cases: what parseWhole reads, saxes reads the same way", () => {
  const pieces = [
    "<a>",
    "</a>",
    "<x:c",
    "</x:c>",
    "<c",
    "</c>",
    "<v>",
    "</v>",
    "<t",
    "</t>",
    ">",
    "/>",
    ' r="A1"',
    " r='B2'",
    ' t = "s"',
    's="1"',
    ' xml:space="preserve"',
    ' a="&amp;&#10;"',
    ' a="&bad;"',
    ' a="x\ty"',
    ' a="<"',
    " a=1",
    "text",
    "中文",
    " ",
    "\n",
    "\r\n",
    "\r",
    "\t",
    "&amp;",
    "&lt;",
    "&#x41;",
    "&#65;",
    "&#0;",
    "&#xFFFE;",
    "&",
    "&x;",
    "]]>",
    "]]",
    "<!-- c -->",
    "<![CDATA[d]]>",
    "<?p i?>",
    "\u0001",
    "\uFFFF",
    '<?xml version="1.0"?>',
    "<数/>",
    "<",
    "=",
    '"',
  ];
  let read = 0;
  fc.assert(
    fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 24 }), fc.boolean(), (list, wrap) => {
      const xml = wrap ? `<r>${list.join("")}</r>` : list.join("");
      const mine = byParseWhole(xml);
      if (mine === "not read") return;
      read++;
      expect({ xml, events: mine }).toEqual({ xml, events: bySaxes(xml) });
    }),
    { numRuns: 3000 },
  );
  // enough of them are read for the comparison to mean something
  expect(read).toBeGreaterThan(100);
});
