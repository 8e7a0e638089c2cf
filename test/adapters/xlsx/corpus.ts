/**
 * A workbook assembled from hand-written OOXML parts around the medical-aid table (not by ExcelJS): a chart and an
 * image in a drawing, comments reached by an absolute relationship target (/xl/comments1.xml) with their VML,
 * data validation, conditional formatting, defined names, a second sheet protected with an SHA-512 password,
 * a macro part (.xlsm), custom document properties (密级), a customXml part and a calcChain.
 */
import { strFromU8, strToU8, unzipSync, zipSync, type Zippable } from "fflate";
import { cfbFile, fixtureBytes } from "./badInputs";

const MAIN =
  'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';
const RELS = "http://schemas.openxmlformats.org/package/2006/relationships";
const R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const XML = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

/** A 1×1 PNG. */
const PNG = Uint8Array.from(
  Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==", "base64"),
);

export interface CorpusOptions {
  /** Protect the table's own sheet too (legacy password, as LibreOffice writes it). */
  protectTable?: boolean;
}

export function handWrittenWorkbook(opts: CorpusOptions = {}): Uint8Array {
  const base = unzipSync(fixtureBytes("project-medical-aid-2020"));
  let sheet1 = strFromU8(base["xl/worksheets/sheet1.xml"]);
  const protection = opts.protectTable ? '<sheetProtection sheet="true" password="CC3D" objects="true" scenarios="true"/>' : "";
  sheet1 = sheet1
    .replace("</sheetData>", `</sheetData>${protection}`)
    .replace(
      "</mergeCells>",
      '</mergeCells><conditionalFormatting sqref="H13:H22"><cfRule type="cellIs" dxfId="0" priority="1" operator="lessThan"><formula>F13</formula></cfRule></conditionalFormatting>' +
        '<dataValidations count="1"><dataValidation type="decimal" allowBlank="1" showErrorMessage="1" sqref="H13:H22"><formula1>0</formula1><formula2>100</formula2></dataValidation></dataValidations>',
    )
    .replace("</worksheet>", '<drawing r:id="rIdD"/><legacyDrawing r:id="rIdV"/></worksheet>');
  const files: Record<string, Uint8Array | string> = {
    "[Content_Types].xml":
      XML +
      '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
      '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>' +
      '<Default Extension="bin" ContentType="application/vnd.ms-office.vbaProject"/><Default Extension="png" ContentType="image/png"/>' +
      '<Default Extension="vml" ContentType="application/vnd.openxmlformats-officedocument.vmlDrawing"/>' +
      '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.ms-excel.sheet.macroEnabled.main+xml"/>' +
      '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>' +
      '<Override PartName="/xl/worksheets/sheet2.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>' +
      '<Override PartName="/xl/theme/theme1.xml" ContentType="application/vnd.openxmlformats-officedocument.theme+xml"/>' +
      '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>' +
      '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>' +
      '<Override PartName="/xl/calcChain.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.calcChain+xml"/>' +
      '<Override PartName="/xl/drawings/drawing1.xml" ContentType="application/vnd.openxmlformats-officedocument.drawing+xml"/>' +
      '<Override PartName="/xl/charts/chart1.xml" ContentType="application/vnd.openxmlformats-officedocument.drawingml.chart+xml"/>' +
      '<Override PartName="/xl/comments1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.comments+xml"/>' +
      '<Override PartName="/customXml/itemProps1.xml" ContentType="application/vnd.openxmlformats-officedocument.customXmlProperties+xml"/>' +
      '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>' +
      '<Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/>' +
      '<Override PartName="/docProps/custom.xml" ContentType="application/vnd.openxmlformats-officedocument.custom-properties+xml"/>' +
      "</Types>",
    "_rels/.rels":
      XML +
      `<Relationships xmlns="${RELS}"><Relationship Id="rId1" Type="${R}/officeDocument" Target="xl/workbook.xml"/>` +
      `<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>` +
      `<Relationship Id="rId3" Type="${R}/extended-properties" Target="docProps/app.xml"/>` +
      `<Relationship Id="rId4" Type="${R}/custom-properties" Target="docProps/custom.xml"/></Relationships>`,
    "docProps/core.xml": base["docProps/core.xml"],
    "docProps/app.xml": base["docProps/app.xml"],
    "docProps/custom.xml":
      XML +
      '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">' +
      '<property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="2" name="密级"><vt:lpwstr>内部</vt:lpwstr></property></Properties>',
    "customXml/item1.xml": XML + '<jixiaoTest xmlns="urn:jixiao:test"><批次>2020-07</批次></jixiaoTest>',
    "customXml/itemProps1.xml":
      XML +
      '<ds:datastoreItem ds:itemID="{6A1B2C3D-0000-4000-8000-000000000001}" xmlns:ds="http://schemas.openxmlformats.org/officeDocument/2006/customXml"><ds:schemaRefs/></ds:datastoreItem>',
    "customXml/_rels/item1.xml.rels":
      XML + `<Relationships xmlns="${RELS}"><Relationship Id="rId1" Type="${R}/customXmlProps" Target="itemProps1.xml"/></Relationships>`,
    "xl/workbook.xml":
      XML +
      `<workbook ${MAIN}><workbookPr codeName="ThisWorkbook"/><bookViews><workbookView activeTab="0"/></bookViews><sheets>` +
      '<sheet name="附件3-1" sheetId="1" r:id="rId1"/><sheet name="说明" sheetId="2" r:id="rId2"/></sheets>' +
      '<definedNames><definedName name="执行率目标">0.9</definedName><definedName name="_xlnm.Print_Area" localSheetId="0">\'附件3-1\'!$A$1:$I$23</definedName></definedNames>' +
      '<calcPr calcId="191029"/></workbook>',
    "xl/_rels/workbook.xml.rels":
      XML +
      `<Relationships xmlns="${RELS}">` +
      `<Relationship Id="rId1" Type="${R}/worksheet" Target="worksheets/sheet1.xml"/>` +
      `<Relationship Id="rId2" Type="${R}/worksheet" Target="/xl/worksheets/sheet2.xml"/>` +
      `<Relationship Id="rId3" Type="${R}/styles" Target="styles.xml"/>` +
      `<Relationship Id="rId4" Type="${R}/theme" Target="theme/theme1.xml"/>` +
      `<Relationship Id="rId5" Type="${R}/sharedStrings" Target="sharedStrings.xml"/>` +
      `<Relationship Id="rId6" Type="${R}/calcChain" Target="calcChain.xml"/>` +
      `<Relationship Id="rId7" Type="http://schemas.microsoft.com/office/2006/relationships/vbaProject" Target="vbaProject.bin"/>` +
      `<Relationship Id="rId8" Type="${R}/customXml" Target="../customXml/item1.xml"/>` +
      "</Relationships>",
    "xl/styles.xml": base["xl/styles.xml"],
    "xl/theme/theme1.xml": base["xl/theme/theme1.xml"],
    "xl/sharedStrings.xml": base["xl/sharedStrings.xml"],
    "xl/calcChain.xml": XML + `<calcChain ${MAIN}><c r="H23" i="1"/></calcChain>`,
    "xl/vbaProject.bin": cfbFile(["VBA", "PROJECT", "dir"]),
    "xl/worksheets/sheet1.xml": sheet1,
    "xl/worksheets/_rels/sheet1.xml.rels":
      XML +
      `<Relationships xmlns="${RELS}"><Relationship Id="rIdD" Type="${R}/drawing" Target="../drawings/drawing1.xml"/>` +
      `<Relationship Id="rIdV" Type="${R}/vmlDrawing" Target="/xl/drawings/vmlDrawing1.vml"/>` +
      `<Relationship Id="rIdC" Type="${R}/comments" Target="/xl/comments1.xml"/></Relationships>`,
    "xl/worksheets/sheet2.xml":
      XML +
      `<worksheet ${MAIN}><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>填表说明：金额单位为万元。</t></is></c></row></sheetData>` +
      '<sheetProtection algorithmName="SHA-512" hashValue="aGFzaGhhc2hoYXNoaGFzaGhhc2hoYXNoaGFzaGhhc2hoYXNoaGFzaGhhc2hoYXNoaGFzaA==" saltValue="c2FsdHNhbHRzYWx0c2FsdA==" spinCount="100000" sheet="1" objects="1" scenarios="1"/>' +
      "</worksheet>",
    "xl/drawings/drawing1.xml":
      XML +
      '<xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart">' +
      "<xdr:twoCellAnchor><xdr:from><xdr:col>10</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>2</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from><xdr:to><xdr:col>17</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>16</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:to>" +
      '<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="2" name="得分图"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr><xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm>' +
      '<a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/chart"><c:chart r:id="rId1"/></a:graphicData></a:graphic></xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor>' +
      '<xdr:oneCellAnchor><xdr:from><xdr:col>10</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>18</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from><xdr:ext cx="95250" cy="95250"/>' +
      '<xdr:pic><xdr:nvPicPr><xdr:cNvPr id="3" name="印章"/><xdr:cNvPicPr/></xdr:nvPicPr><xdr:blipFill><a:blip r:embed="rId2"/><a:stretch><a:fillRect/></a:stretch></xdr:blipFill>' +
      '<xdr:spPr><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></xdr:spPr></xdr:pic><xdr:clientData/></xdr:oneCellAnchor></xdr:wsDr>',
    "xl/drawings/_rels/drawing1.xml.rels":
      XML +
      `<Relationships xmlns="${RELS}"><Relationship Id="rId1" Type="${R}/chart" Target="../charts/chart1.xml"/>` +
      `<Relationship Id="rId2" Type="${R}/image" Target="../media/image1.png"/></Relationships>`,
    "xl/media/image1.png": PNG,
    "xl/charts/chart1.xml":
      XML +
      '<c:chartSpace xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">' +
      '<c:chart><c:plotArea><c:layout/><c:barChart><c:barDir val="col"/><c:grouping val="clustered"/><c:varyColors val="0"/>' +
      '<c:ser><c:idx val="0"/><c:order val="0"/><c:val><c:numRef><c:f>\'附件3-1\'!$H$13:$H$22</c:f></c:numRef></c:val></c:ser>' +
      '<c:axId val="1"/><c:axId val="2"/></c:barChart><c:catAx><c:axId val="1"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="b"/><c:crossAx val="2"/></c:catAx>' +
      '<c:valAx><c:axId val="2"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="l"/><c:crossAx val="1"/></c:valAx></c:plotArea></c:chart></c:chartSpace>',
    "xl/comments1.xml":
      XML +
      `<comments ${MAIN}><authors><author>审核</author></authors><commentList><comment ref="H23" authorId="0"><text><r><t>总分请复核</t></r></text></comment></commentList></comments>`,
    "xl/drawings/vmlDrawing1.vml":
      '<xml xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:x="urn:schemas-microsoft-com:office:excel">' +
      '<v:shape id="_x0000_s1025" type="#_x0000_t202" style="position:absolute;margin-left:59.25pt;margin-top:1.5pt;width:108pt;height:59.25pt;z-index:1;visibility:hidden" fillcolor="#ffffe1">' +
      '<x:ClientData ObjectType="Note"><x:MoveWithCells/><x:SizeWithCells/><x:Row>22</x:Row><x:Column>7</x:Column></x:ClientData></v:shape></xml>',
  };
  const zippable: Zippable = {};
  for (const [k, v] of Object.entries(files)) zippable[k] = typeof v === "string" ? strToU8(v) : v;
  return zipSync(zippable);
}
