/** A1 references of the file format (1-based rows and columns). */

export function colNumber(letters: string): number {
  let n = 0;
  for (let i = 0; i < letters.length; i++) n = n * 26 + (letters.charCodeAt(i) - 64);
  return n;
}

export function colLetters(col: number): string {
  let s = "";
  for (let c = col; c > 0; c = Math.floor((c - 1) / 26)) s = String.fromCharCode(65 + ((c - 1) % 26)) + s;
  return s;
}

/** "AB12" → { row: 12, col: 28 }, or null when the text is not a cell reference. */
export function parseRef(ref: string): { row: number; col: number } | null {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/.exec(ref);
  if (!m) return null;
  const col = colNumber(m[1].toUpperCase());
  const row = Number(m[2]);
  if (row < 1 || row > 1048576 || col < 1 || col > 16384) return null;
  return { row, col };
}

export function refOf(row: number, col: number): string {
  return `${colLetters(col)}${row}`;
}
