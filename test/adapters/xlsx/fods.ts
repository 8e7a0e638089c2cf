/**
 * A flat OpenDocument spreadsheet (.fods) written here for LibreOffice to turn into .xlsx: the medical-aid table
 * (cells and merges as the fixture has them) with an image, a comment, data validation and a named range, a second
 * sheet protected with a password, and a custom document property (密级).
 */
import { loadXlsxSync } from "../../../src/adapters/xlsx";
import type { SparseSheetSnapshot } from "../../../src/core/snapshot";
import { fixtureBytes } from "./badInputs";

const PNG_B64 = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==";

const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

export function fodsWorkbook(): string {
  const snap = loadXlsxSync(fixtureBytes("project-medical-aid-2020")).snapshots()[0] as SparseSheetSnapshot;
  const byKey = new Map(snap.cells.map((c) => [`${c.row}:${c.col}`, c]));
  const merges = snap.merges ?? [];
  const bottom = Math.max(...snap.cells.map((c) => c.row));
  const right = Math.max(...snap.cells.map((c) => c.col), ...merges.map((m) => m.right));
  const rows: string[] = [];
  for (let r = 1; r <= bottom; r++) {
    const cells: string[] = [];
    for (let c = 1; c <= right + 2; c++) {
      const m = merges.find((x) => r >= x.top && r <= x.bottom && c >= x.left && c <= x.right);
      if (m && (m.top !== r || m.left !== c)) {
        cells.push("<table:covered-table-cell/>");
        continue;
      }
      const span = m ? ` table:number-columns-spanned="${m.right - m.left + 1}" table:number-rows-spanned="${m.bottom - m.top + 1}"` : "";
      const validation = c === 8 && r >= 13 && r <= 22 ? ' table:content-validation-name="score"' : "";
      const cell = byKey.get(`${r}:${c}`);
      const note =
        r === bottom && c === 8 ? "<office:annotation><dc:creator>审核</dc:creator><text:p>总分请复核</text:p></office:annotation>" : "";
      const image =
        r === 2 && c === right + 2
          ? `<draw:frame draw:name="印章" svg:width="1cm" svg:height="1cm" svg:x="0cm" svg:y="0cm"><draw:image><office:binary-data>${PNG_B64}</office:binary-data></draw:image></draw:frame>`
          : "";
      if (!cell || cell.value === null) {
        cells.push(`<table:table-cell${span}${validation}>${image}${note}</table:table-cell>`);
      } else if (typeof cell.value === "number") {
        cells.push(
          `<table:table-cell${span}${validation} office:value-type="float" office:value="${cell.value}">${note}<text:p>${cell.value}</text:p></table:table-cell>`,
        );
      } else {
        const text = String(cell.value)
          .split("\n")
          .map((line) => `<text:p>${esc(line)}</text:p>`)
          .join("");
        cells.push(`<table:table-cell${span}${validation} office:value-type="string">${note}${text}</table:table-cell>`);
      }
    }
    rows.push(`<table:table-row>${cells.join("")}</table:table-row>`);
  }
  return `<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"
 xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0"
 xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0" xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0"
 xmlns:xlink="http://www.w3.org/1999/xlink" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:of="urn:oasis:names:tc:opendocument:xmlns:of:1.2"
 office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.spreadsheet">
<office:meta><meta:user-defined meta:name="密级" meta:value-type="string">内部</meta:user-defined></office:meta>
<office:body><office:spreadsheet>
<table:content-validations><table:content-validation table:name="score" table:condition="of:cell-content-is-decimal-number() and cell-content-is-between(0;100)" table:allow-empty-cell="true" table:base-cell-address="'附件3-1'.H13"/></table:content-validations>
<table:table table:name="附件3-1">${rows.join("\n")}</table:table>
<table:table table:name="说明" table:protected="true" table:protection-key="jZae727K08KaOmKSgOaGzww/XVqGr/PKEgIMkjrcbJI=" table:protection-key-digest-algorithm="http://www.w3.org/2000/09/xmldsig#sha256"><table:table-row><table:table-cell office:value-type="string"><text:p>填表说明：金额单位为万元。</text:p></table:table-cell></table:table-row></table:table>
<table:named-expressions><table:named-range table:name="得分区" table:base-cell-address="$'附件3-1'.$H$13" table:cell-range-address="$'附件3-1'.$H$13:.$H$22"/></table:named-expressions>
</office:spreadsheet></office:body></office:document>
`;
}
