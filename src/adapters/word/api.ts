/**
 * The part of the Word JavaScript API (Office.js, WordApi 1.4) that WordReport uses, as structural types, so the
 * real `Word.RequestContext` and the strict fake of test/fakes/fakeWord.ts both fit.
 * Everything read from a proxy must be `load`ed and `sync`ed first; writes are queued until the next sync.
 * Requirement sets: paragraphs, content controls and pictures in a paragraph 1.1; Body.insertInlinePictureFromBase64
 * 1.2; tables (insertTable, headerRowCount, getCell) 1.3; custom XML parts 1.4.
 */

export interface WFont {
  /** "Yellow" or null (no highlight). */
  highlightColor: string | null;
  bold: boolean;
}

export interface WRange {
  font: WFont;
  expandTo(range: WRange): WRange;
  insertContentControl(): WContentControl;
  /** WordApi 1.1: selects the range in the document. */
  select(selectionMode?: "Select" | "Start" | "End"): void;
}

/** What search() finds (WordApi 1.1). */
export interface WRangeCollection {
  items: WRange[];
  load(propertyNames?: string | string[]): WRangeCollection;
}

export interface WSearchOptions {
  matchCase?: boolean;
}

export interface WInlinePicture {
  width: number;
  height: number;
  altTextTitle: string;
  altTextDescription: string;
  lockAspectRatio: boolean;
}

export interface WTableRow {
  font: WFont;
}

export interface WTableCell {
  /** "Left" | "Centered" | "Right" | "Justified". */
  horizontalAlignment: string;
  readonly parentRow: WTableRow;
  /** The cell's content (WordApi 1.3); 对照报告 searches a figure in it. */
  readonly body: { search(text: string, options?: WSearchOptions): WRangeCollection };
}

export interface WTable {
  /** The first rows repeated at the top of every page the table runs onto (Word's 标题行重复). */
  headerRowCount: number;
  styleBuiltIn: string;
  readonly rowCount: number;
  readonly values: string[][];
  font: WFont;
  getCell(rowIndex: number, cellIndex: number): WTableCell;
  load(propertyNames?: string | string[]): WTable;
}

export interface WParagraph {
  text: string;
  /** 0 outside a table (WordApi 1.3). */
  readonly tableNestingLevel: number;
  /** WordApi 1.1. */
  search(text: string, options?: WSearchOptions): WRangeCollection;
  styleBuiltIn: string;
  /** "Left" | "Centered" | "Right" | "Justified". */
  alignment: string;
  font: WFont;
  insertInlinePictureFromBase64(base64EncodedImage: string, insertLocation: "Replace" | "Start" | "End"): WInlinePicture;
  getRange(rangeLocation?: "Whole" | "Start" | "End" | "Content"): WRange;
  insertText(text: string, insertLocation: "Replace" | "Start" | "End"): WRange;
  load(propertyNames?: string | string[]): WParagraph;
}

export interface WParagraphCollection {
  items: WParagraph[];
  getFirst(): WParagraph;
  load(propertyNames?: string | string[]): WParagraphCollection;
}

export interface WContentControl {
  readonly id: number;
  tag: string;
  title: string;
  appearance: string;
  readonly text: string;
  readonly paragraphs: WParagraphCollection;
  insertText(text: string, insertLocation: "Replace" | "Start" | "End"): WRange;
  insertParagraph(text: string, insertLocation: "Start" | "End" | "Before" | "After"): WParagraph;
  load(propertyNames?: string | string[]): WContentControl;
}

export interface WContentControlCollection {
  items: WContentControl[];
  load(propertyNames?: string | string[]): WContentControlCollection;
}

export interface WClientResult<T> {
  readonly value: T;
}

export interface WCustomXmlPart {
  readonly id: string;
  readonly namespaceUri: string;
  getXml(): WClientResult<string>;
  setXml(xml: string): void;
  delete(): void;
  load(propertyNames?: string | string[]): WCustomXmlPart;
}

export interface WCustomXmlPartScopedCollection {
  items: WCustomXmlPart[];
  load(propertyNames?: string | string[]): WCustomXmlPartScopedCollection;
}

export interface WTableCollection {
  items: WTable[];
  load(propertyNames?: string | string[]): WTableCollection;
}

export interface WBody {
  readonly text: string;
  /** Every paragraph, those inside tables too (WordApi 1.1). */
  readonly paragraphs: WParagraphCollection;
  /** The tables at the body's top level (WordApi 1.3). */
  readonly tables: WTableCollection;
  insertParagraph(text: string, insertLocation: "Start" | "End"): WParagraph;
  /** WordApi 1.3. Word keeps a paragraph after a table: one is added when the table ends the document. */
  insertTable(rowCount: number, columnCount: number, insertLocation: "Start" | "End", values?: string[][]): WTable;
  load(propertyNames?: string | string[]): WBody;
}

export interface WDocument {
  body: WBody;
  contentControls: { getByTag(tag: string): WContentControlCollection };
  customXmlParts: {
    add(xml: string): WCustomXmlPart;
    getByNamespace(namespaceUri: string): WCustomXmlPartScopedCollection;
  };
}

export interface WordContext {
  document: WDocument;
  sync(): Promise<void>;
}

/** `Word.run`, injectable: the add-in passes the real one, tests the fake's. */
export type WordRun = <T>(batch: (context: WordContext) => Promise<T>) => Promise<T>;
