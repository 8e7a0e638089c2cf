/**
 * The medical-aid fixture's sheet and edits on its stored rows and cells, as text (the fixture holds no markup-like
 * text in its rows): for the tests that store its rows and cells other ways (out of order, twice, without `r`).
 */
export const MEDICAL = "project-medical-aid-2020";
export const SHEET1 = "xl/worksheets/sheet1.xml";
export const SHEET = "附件3-1";

export const ROW = /<row\b[^>]*?(?:\/>|>[\s\S]*?<\/row>)/g;
export const CELL = /<c\b[^>]*?(?:\/>|>[\s\S]*?<\/c>)/g;

export const rowNumber = (row: string) => Number(/^<row r="(\d+)"/.exec(row)?.[1]);
/** The cell's element. */
export const cellOf = (xml: string, ref: string) => new RegExp(`<c r="${ref}"[^>]*?(?:/>|>.*?</c>)`).exec(xml)![0];
/** The sheet without the cell. */
export const withoutCell = (ref: string) => (xml: string) => xml.replace(cellOf(xml, ref), "");
export const pipe =
  (...fs: ((x: string) => string)[]) =>
  (x: string) =>
    fs.reduce((acc, f) => f(acc), x);
