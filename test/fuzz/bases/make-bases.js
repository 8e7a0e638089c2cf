/**
 * Writes the fuzz bases of this folder: tables of the real corpus and the shared fixtures as other writers shape
 * them (LibreOffice, ExcelJS, SheetJS, and hand transforms into Excel-, WPS- and generator-like XML). See README.md
 * for what each base is. Run from the project root after `npm run build:cli`:
 *
 *   node test/fuzz/bases/make-bases.js
 *
 * LibreOffice (soffice) must be on PATH; it runs one at a time machine-wide (flock on /tmp/jixiao-soffice.lock).
 * The outputs are committed: a rerun gives equivalent files, not the same bytes (LibreOffice stamps dates).
 */
"use strict";
const fs = require("fs");
const os = require("os");
const path = require("path");
const { execFileSync } = require("child_process");
const { unzipSync, zipSync, strFromU8, strToU8 } = require("fflate");
const ExcelJS = require("exceljs");
const XLSX = require("@e965/xlsx");

const ROOT = path.resolve(__dirname, "../../..");
const OUT = __dirname;
const REAL = path.join(ROOT, "test/data/real");
const SHARED = [path.resolve(ROOT, "../shared/fixtures"), path.resolve(ROOT, "../../shared/fixtures"), "/work/shared/fixtures"].find((d) =>
  fs.existsSync(d),
);
if (!SHARED) throw new Error("the shared fixtures are not found");
const src = (name) => (name.startsWith("real/") ? path.join(REAL, name.slice(5)) : path.join(SHARED, name));
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "jixiao-bases-"));

/** Puts XML at the end of a part, before its closing tag. */
function appendTo(p, part, closing, xml) {
  p[part] = p[part].replace(closing, () => xml + closing);
}

/** The docProps/app.xml Application a writer stamps. */
function setApplication(p, name) {
  p["docProps/app.xml"] = p["docProps/app.xml"].replace(/<Application>[^<]*<\/Application>/, `<Application>${name}</Application>`);
}

/** LibreOffice's own xlsx of a workbook (Calc MS Excel 2007 XML). */
function libreoffice(file) {
  const dir = fs.mkdtempSync(path.join(tmp, "lo-"));
  const inFile = path.join(dir, "in.xlsx");
  fs.copyFileSync(file, inFile);
  const args = [
    `-env:UserInstallation=file://${dir}/profile`,
    "--headless",
    "--convert-to",
    "xlsx:Calc MS Excel 2007 XML",
    "--outdir",
    path.join(dir, "out"),
    inFile,
  ];
  let flock = null;
  try {
    flock = execFileSync("which", ["flock"]).toString().trim();
  } catch {
    flock = null;
  }
  if (flock) execFileSync(flock, ["/tmp/jixiao-soffice.lock", "soffice", ...args], { stdio: "ignore", timeout: 180_000 });
  else execFileSync("soffice", args, { stdio: "ignore", timeout: 180_000 });
  return fs.readFileSync(path.join(dir, "out", "in.xlsx"));
}

async function exceljs(file) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  wb.creator = "ExcelJS";
  return Buffer.from(await wb.xlsx.writeBuffer());
}

function sheetjs(file, opts) {
  const wb = XLSX.read(fs.readFileSync(file), { cellStyles: true, cellFormula: true });
  return XLSX.write(wb, { type: "buffer", bookType: "xlsx", ...opts });
}

/** The fill of our own CLI (lib/, built by npm run build:cli). */
function filled(file) {
  const out = path.join(tmp, `filled-${path.basename(file)}`);
  execFileSync(process.execPath, [path.join(ROOT, "bin/jixiao.js"), "fill", file, "-o", out], { stdio: "ignore" });
  return out;
}

// ----- hand transforms on the parts -----------------------------------------------------------------------------

function parts(bytes) {
  const raw = unzipSync(new Uint8Array(bytes));
  const out = {};
  for (const [k, v] of Object.entries(raw)) out[k] = /\.(xml|rels)$/.test(k) ? strFromU8(v) : v;
  return out;
}
function pack(p, order) {
  const names = [...(order ?? []).filter((n) => n in p), ...Object.keys(p).filter((n) => !(order ?? []).includes(n))];
  const files = {};
  for (const n of names) files[n] = typeof p[n] === "string" ? strToU8(p[n]) : p[n];
  return Buffer.from(zipSync(files, { level: 6 }));
}
const esc = (s) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
const unesc = (s) =>
  s.replace(/&(lt|gt|quot|apos|amp|#x?[0-9a-fA-F]+);/g, (_m, e) =>
    e === "lt"
      ? "<"
      : e === "gt"
        ? ">"
        : e === "quot"
          ? '"'
          : e === "apos"
            ? "'"
            : e === "amp"
              ? "&"
              : String.fromCodePoint(e[1] === "x" ? parseInt(e.slice(2), 16) : Number(e.slice(1))),
  );
/** Shared strings as plain text (runs joined, phonetic runs left out). */
function sstTexts(xml) {
  return [...xml.matchAll(/<si>([\s\S]*?)<\/si>/g)].map((m) =>
    [...m[1].replace(/<rPh\b[\s\S]*?<\/rPh>/g, "").matchAll(/<t(?:\s[^>]*)?>([\s\S]*?)<\/t>/g)].map((t) => unesc(t[1])).join(""),
  );
}
const colNum = (letters) => [...letters].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);

/**
 * Excel's shape: spans and x14ac:dyDescent on rows (already there), xr revision ids, sheetViews, a calcChain, dxfs
 * and an extLst in styles.xml, and the formulas of a filled table turned into shared formulas (`t="shared"` with a
 * ref on the first cell, `<f t="shared" si="n"/>` on the others) where a column repeats one relative formula.
 */
function excelShape(bytes) {
  const p = parts(bytes);
  const sheetName = "xl/worksheets/sheet1.xml";
  let s = p[sheetName];
  // shared formulas: runs of vertically adjacent cells whose formulas differ only by the row number
  const formulas = [...s.matchAll(/<c r="([A-Z]+)(\d+)"([^>]*)><f>([^<]*)<\/f>(<v>[^<]*<\/v>)?<\/c>/g)].map((m) => ({
    whole: m[0],
    col: m[1],
    row: Number(m[2]),
    attrs: m[3],
    f: m[4],
    v: m[5] ?? "",
  }));
  const rel = (f, row) => f.replace(new RegExp(`([A-Z]+)${row}(?![0-9])`, "g"), "$1#");
  let si = 0;
  const byCol = new Map();
  for (const c of formulas) byCol.set(c.col, [...(byCol.get(c.col) ?? []), c]);
  for (const cells of byCol.values()) {
    cells.sort((a, b) => a.row - b.row);
    let i = 0;
    while (i < cells.length) {
      let j = i;
      while (
        j + 1 < cells.length &&
        cells[j + 1].row === cells[j].row + 1 &&
        rel(cells[j + 1].f, cells[j + 1].row) === rel(cells[i].f, cells[i].row)
      )
        j++;
      if (j > i) {
        const first = cells[i];
        const ref = `${first.col}${first.row}:${first.col}${cells[j].row}`;
        s = s.replace(
          first.whole,
          `<c r="${first.col}${first.row}"${first.attrs}><f t="shared" ref="${ref}" si="${si}">${first.f}</f>${first.v}</c>`,
        );
        for (let k = i + 1; k <= j; k++)
          s = s.replace(
            cells[k].whole,
            `<c r="${cells[k].col}${cells[k].row}"${cells[k].attrs}><f t="shared" si="${si}"/>${cells[k].v}</c>`,
          );
        si++;
      }
      i = j + 1;
    }
  }
  const chain = [...s.matchAll(/<c r="([A-Z]+\d+)"[^>]*><f[\s>]/g)].map((m) => `<c r="${m[1]}" i="1"/>`);
  s = s
    .replace(
      /<worksheet ([^>]*)>/,
      (_m, a) =>
        `<worksheet ${a.replace(/mc:Ignorable="x14ac"/, 'mc:Ignorable="x14ac xr xr2 xr3"')} xmlns:xr="http://schemas.microsoft.com/office/spreadsheetml/2014/revision" xmlns:xr2="http://schemas.microsoft.com/office/spreadsheetml/2015/revision2" xmlns:xr3="http://schemas.microsoft.com/office/spreadsheetml/2016/revision3" xr:uid="{8E2E5C0B-6C3A-4F0E-9C1D-2B3A4C5D6E7F}">`,
    )
    .replace(
      /<dimension ([^>]*)\/>/,
      '<dimension $1/><sheetViews><sheetView tabSelected="1" zoomScale="85" zoomScaleNormal="85" workbookViewId="0"><selection activeCell="C6" sqref="C6"/></sheetView></sheetViews>',
    );
  if (!/<pageMargins/.test(s))
    s = s.replace("</worksheet>", '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></worksheet>');
  s = s.replace(
    "</worksheet>",
    '<extLst><ext uri="{64002731-A6B0-56B0-2670-7721B7C09600}" xmlns:mx="http://schemas.microsoft.com/office/mac/excel/2008/main"><mx:PLV Mode="0" OnePage="0" WScale="0"/></ext></extLst></worksheet>',
  );
  p[sheetName] = s;
  if (chain.length) {
    p["xl/calcChain.xml"] =
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<calcChain xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">${chain.join("")}</calcChain>`;
    appendTo(p, "[Content_Types].xml", "</Types>", '<Override PartName="/xl/calcChain.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.calcChain+xml"/>');
    appendTo(p, "xl/_rels/workbook.xml.rels", "</Relationships>", '<Relationship Id="rId99" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/calcChain" Target="calcChain.xml"/>');
  }
  let st = p["xl/styles.xml"];
  st = st.replace(/<dxfs count="0"\/>|<dxfs\b[^>]*\/>/, "");
  if (!/<dxfs/.test(st))
    st = st.replace(
      /(<\/cellStyles>|<cellStyles\b[^>]*\/>)/,
      '$1<dxfs count="2"><dxf><font><color rgb="FF9C0006"/></font><fill><patternFill><bgColor rgb="FFFFC7CE"/></patternFill></fill></dxf><dxf><numFmt numFmtId="10" formatCode="0.00%"/></dxf></dxfs><tableStyles count="0" defaultTableStyle="TableStyleMedium2" defaultPivotStyle="PivotStyleLight16"/>',
    );
  st = st.replace(/<tableStyles\b[^>]*\/>(?=[\s\S]*<tableStyles)/, "");
  if (!/<extLst>/.test(st))
    st = st.replace(
      "</styleSheet>",
      '<extLst><ext uri="{EB79DEF2-80B8-43e5-95BD-54CBDDF9020C}" xmlns:x14="http://schemas.microsoft.com/office/spreadsheetml/2009/9/main"><x14:slicerStyles defaultSlicerStyle="SlicerStyleLight1"/></ext><ext uri="{9260A510-F301-46a8-8635-F512D64BE5F5}" xmlns:x15="http://schemas.microsoft.com/office/spreadsheetml/2010/11/main"><x15:timelineStyles defaultTimelineStyle="TimeSlicerStyleLight1"/></ext></extLst></styleSheet>',
    );
  p["xl/styles.xml"] = st;
  setApplication(p, "Microsoft Excel");
  return pack(p, [
    "[Content_Types].xml",
    "_rels/.rels",
    "xl/workbook.xml",
    "xl/_rels/workbook.xml.rels",
    sheetName,
    "xl/theme/theme1.xml",
    "xl/styles.xml",
    "xl/sharedStrings.xml",
    "xl/calcChain.xml",
  ]);
}

/**
 * WPS 表格's shape: the etc (etCustomData) namespace, docProps/custom.xml with KSOProductBuildVer and ICV, an empty
 * xl/cellimages.xml, sheetPr/sheetViews/pageSetup/headerFooter, rich-text shared strings (a label split into runs
 * with their own rPr), and a few cells as inline strings.
 */
function wpsShape(bytes) {
  const p = parts(bytes);
  const sheetName = "xl/worksheets/sheet1.xml";
  const ETC = "http://www.wps.cn/officeDocument/2017/etCustomData";
  let sst = p["xl/sharedStrings.xml"];
  const texts = sstTexts(sst);
  // rich text: every third string of more than four characters in two runs
  let n = 0;
  sst = sst.replace(/<si><t(?:\s[^>]*)?>([^<]{5,})<\/t><\/si>/g, (m, t) => {
    if (n++ % 3) return m;
    const raw = unesc(t);
    const cut = Math.floor(raw.length / 2);
    return `<si><r><rPr><b/><sz val="11"/><color rgb="FFFF0000"/><rFont val="宋体"/><charset val="134"/></rPr><t>${esc(raw.slice(0, cut))}</t></r><r><rPr><sz val="11"/><rFont val="宋体"/><charset val="134"/></rPr><t xml:space="preserve">${esc(raw.slice(cut))}</t></r></si>`;
  });
  p["xl/sharedStrings.xml"] = sst;
  let s = p[sheetName];
  // inline strings: every seventh shared-string cell
  let k = 0;
  s = s.replace(/<c r="([A-Z]+\d+)"([^>]*?) t="s"([^>]*)><v>(\d+)<\/v><\/c>/g, (m, ref, a, b, i) =>
    k++ % 7 === 3 ? `<c r="${ref}"${a}${b} t="inlineStr"><is><t>${esc(texts[Number(i)])}</t></is></c>` : m,
  );
  s = s
    .replace(
      /<worksheet ([^>]*)>/,
      (_m, a) =>
        `<worksheet ${a} xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" xmlns:x14="http://schemas.microsoft.com/office/spreadsheetml/2009/9/main" xmlns:etc="${ETC}">`,
    )
    .replace(/<dimension /, "<sheetPr/><dimension ")
    .replace(
      /(<dimension [^>]*\/>)/,
      '$1<sheetViews><sheetView tabSelected="1" workbookViewId="0"><selection activeCell="A1" sqref="A1"/></sheetView></sheetViews>',
    )
    .replace(/<sheetFormatPr [^>]*\/>/, '<sheetFormatPr defaultColWidth="9" defaultRowHeight="13.5" outlineLevelCol="8"/>')
    .replace(/ x14ac:dyDescent="[^"]*"/g, "")
    .replace(/<row r="(\d+)" spans="[^"]*"/g, '<row r="$1" ht="20.1" customHeight="1"');
  s = s.replace(/<pageMargins[^>]*\/>/, "").replace(/<pageSetup[^>]*\/>/, "");
  s = s.replace(
    "</worksheet>",
    '<pageMargins left="0.75" right="0.75" top="1" bottom="1" header="0.5" footer="0.5"/><pageSetup paperSize="9" orientation="landscape"/><headerFooter/></worksheet>',
  );
  p[sheetName] = s;
  p["xl/workbook.xml"] = p["xl/workbook.xml"]
    .replace(/<fileVersion[^>]*\/>/, "")
    .replace(/<workbookPr [^>]*\/>/, "<workbookPr/>")
    .replace("<sheets>", '<bookViews><workbookView windowWidth="28125" windowHeight="12540"/></bookViews><sheets>')
    .replace(/<calcPr [^>]*\/>/, '<calcPr calcId="144525"/>');
  p["xl/cellimages.xml"] =
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<etc:cellImages xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:etc="${ETC}"/>`;
  appendTo(p, "xl/_rels/workbook.xml.rels", "</Relationships>", '<Relationship Id="rId98" Type="http://www.wps.cn/officeDocument/2020/cellImage" Target="cellimages.xml"/>');
  p["docProps/custom.xml"] =
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"><property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="2" name="KSOProductBuildVer"><vt:lpwstr>2052-12.1.0.16120</vt:lpwstr></property><property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="3" name="ICV"><vt:lpwstr>3C4E9D2A1B7F4E0C8D6A5B4C3D2E1F0A_12</vt:lpwstr></property></Properties>';
  appendTo(p, "_rels/.rels", "</Relationships>", '<Relationship Id="rId9" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/custom-properties" Target="docProps/custom.xml"/>');
  appendTo(p, "[Content_Types].xml", "</Types>", '<Override PartName="/xl/cellimages.xml" ContentType="application/vnd.wps-officedocument.cellimage+xml"/><Override PartName="/docProps/custom.xml" ContentType="application/vnd.openxmlformats-officedocument.custom-properties+xml"/>');
  setApplication(p, "WPS 表格");
  return pack(p, [
    "[Content_Types].xml",
    "_rels/.rels",
    "docProps/app.xml",
    "docProps/core.xml",
    "docProps/custom.xml",
    "xl/workbook.xml",
    "xl/_rels/workbook.xml.rels",
  ]);
}

/**
 * A hand-made generator's shape, without r: rows and cells carry no r attribute (each row and cell is the next
 * one; gaps are empty <row/> and <c/>), every string inline (t="inlineStr"), no sharedStrings part, no dimension or
 * spans.
 */
function rlessShape(bytes) {
  const p = parts(bytes);
  const sheetName = "xl/worksheets/sheet1.xml";
  const texts = p["xl/sharedStrings.xml"] ? sstTexts(p["xl/sharedStrings.xml"]) : [];
  let s = p[sheetName].replace(/<dimension [^>]*\/>/, "");
  s = s.replace(/<sheetData>([\s\S]*)<\/sheetData>/, (_m, body) => {
    let rowAt = 0;
    const rows = [...body.matchAll(/<row\b([^>]*?)(?:\/>|>([\s\S]*?)<\/row>)/g)].map((m) => {
      const r = Number(/\br="(\d+)"/.exec(m[1])[1]);
      const attrs = m[1].replace(/\s*\br="\d+"/, "").replace(/\s*spans="[^"]*"/, "");
      let colAt = 0;
      const cells = [...(m[2] ?? "").matchAll(/<c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)].map((c) => {
        const ref = /\br="([A-Z]+)\d+"/.exec(c[1])[1];
        const col = colNum(ref);
        const gap = "<c/>".repeat(Math.max(0, col - colAt - 1));
        colAt = col;
        let a = c[1].replace(/\s*\br="[A-Z]+\d+"/, "");
        let inner = c[2];
        if (/\bt="s"/.test(a) && inner !== undefined) {
          const i = Number(/<v>(\d+)<\/v>/.exec(inner)[1]);
          a = a.replace(/\bt="s"/, 't="inlineStr"');
          inner = `<is><t xml:space="preserve">${esc(texts[i])}</t></is>`;
        }
        return gap + (inner === undefined ? `<c${a}/>` : `<c${a}>${inner}</c>`);
      });
      const gap = "<row/>".repeat(Math.max(0, r - rowAt - 1));
      rowAt = r;
      return `${gap}<row${attrs}>${cells.join("")}</row>`;
    });
    return `<sheetData>${rows.join("")}</sheetData>`;
  });
  p[sheetName] = s;
  delete p["xl/sharedStrings.xml"];
  p["xl/_rels/workbook.xml.rels"] = p["xl/_rels/workbook.xml.rels"].replace(/<Relationship [^>]*sharedStrings[^>]*\/>/, "");
  p["[Content_Types].xml"] = p["[Content_Types].xml"].replace(/<Override [^>]*sharedStrings[^>]*\/>/, "");
  return pack(p, ["[Content_Types].xml", "_rels/.rels", "xl/workbook.xml", "xl/_rels/workbook.xml.rels", sheetName]);
}

/**
 * A generator writing prefixed XML under its own part names: the main namespace as `x:` in workbook, sheet, shared
 * strings and styles; the workbook at xl/book.xml (named by _rels/.rels) and the sheet at xl/sheets/data-1.xml;
 * relationship targets absolute (/xl/...); no docProps.
 */
function prefixedShape(bytes) {
  const p = parts(bytes);
  const prefix = (xml) =>
    xml
      .replace(/<(\/?)(?![?!])([A-Za-z][\w.-]*)(?=[\s/>])/g, "<$1x:$2")
      .replace(
        /\sxmlns="http:\/\/schemas\.openxmlformats\.org\/spreadsheetml\/2006\/main"/,
        ' xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"',
      );
  const moves = { "xl/workbook.xml": "xl/book.xml", "xl/worksheets/sheet1.xml": "xl/sheets/data-1.xml" };
  const q = {};
  for (const [name, v] of Object.entries(p)) {
    if (name.startsWith("docProps/")) continue;
    let text = v;
    if (/^xl\/(workbook|worksheets\/sheet1|sharedStrings|styles)\.xml$/.test(name)) text = prefix(v);
    q[moves[name] ?? name] = text;
  }
  q["xl/_rels/book.xml.rels"] = q["xl/_rels/workbook.xml.rels"].replace(/Target="([^"/][^"]*)"/g, (_m, t) =>
    t === "worksheets/sheet1.xml" ? 'Target="/xl/sheets/data-1.xml"' : `Target="/xl/${t}"`,
  );
  delete q["xl/_rels/workbook.xml.rels"];
  if (q["xl/worksheets/_rels/sheet1.xml.rels"]) {
    q["xl/sheets/_rels/data-1.xml.rels"] = q["xl/worksheets/_rels/sheet1.xml.rels"];
    delete q["xl/worksheets/_rels/sheet1.xml.rels"];
  }
  q["_rels/.rels"] =
    '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="R1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="/xl/book.xml"/></Relationships>';
  q["[Content_Types].xml"] = q["[Content_Types].xml"]
    .replace(/<Override PartName="\/docProps[^>]*\/>/g, "")
    .replace('PartName="/xl/workbook.xml"', 'PartName="/xl/book.xml"')
    .replace('PartName="/xl/worksheets/sheet1.xml"', 'PartName="/xl/sheets/data-1.xml"');
  return pack(q, ["[Content_Types].xml", "_rels/.rels", "xl/book.xml", "xl/_rels/book.xml.rels", "xl/sheets/data-1.xml"]);
}

async function main() {
  // node make-bases.js [base…]: only the bases named (all when none)
  const only = process.argv.slice(2);
  const write = (name, bytes) => {
    if (only.length && !only.includes(name)) return;
    fs.writeFileSync(path.join(OUT, name), bytes);
    console.log(`${name}: ${bytes.length} bytes`);
  };
  write("libreoffice-project-medical-aid.xlsx", libreoffice(src("project-medical-aid-2020.xlsx")));
  write("libreoffice-department-chongqing-media.xlsx", libreoffice(src("real/department-chongqing-media-2021.xlsx")));
  write("exceljs-summary-projects.xlsx", await exceljs(src("summary-projects-2020.xlsx")));
  write("sheetjs-project-yongde-nutrition.xlsx", sheetjs(src("real/project-yunnan-yongde-nutrition-2022.xlsx"), {}));
  write("sheetjs-scorecard-dongchuan.xlsx", sheetjs(src("real/scorecard-dongchuan-2020.xlsx"), { bookSST: true, compression: true }));
  // Excel: a table filled by our fill and recalculated by LibreOffice, then given Excel's shape (shared formulas)
  const recalculated = path.join(tmp, "recalculated.xlsx");
  fs.writeFileSync(recalculated, libreoffice(filled(src("summary-projects-2020.xlsx"))));
  write("excel-summary-projects-filled.xlsx", excelShape(await exceljs(recalculated)));
  write("excel-project-insurance-subsidy.xlsx", excelShape(fs.readFileSync(src("project-insurance-subsidy-2020.xlsx"))));
  write("wps-project-qingshen-wages.xlsx", wpsShape(fs.readFileSync(src("real/project-sichuan-qingshen-wages-2023.xlsx"))));
  write("wps-department-overall.xlsx", wpsShape(fs.readFileSync(src("department-overall-2020.xlsx"))));
  write("generator-rless-project-medical-aid.xlsx", rlessShape(fs.readFileSync(src("project-medical-aid-2020.xlsx"))));
  write(
    "generator-prefixed-project-tangxi-village.xlsx",
    prefixedShape(fs.readFileSync(src("real/project-anhui-tangxi-village-2022.xlsx"))),
  );
  fs.rmSync(tmp, { recursive: true, force: true });
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
