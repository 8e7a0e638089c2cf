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

/** "AB12" → { row: 12, col: 28 }, or null when the text is not a cell reference. A char loop: the reader calls it per cell. */
export function parseRef(ref: string): { row: number; col: number } | null {
  let i = 0;
  const n = ref.length;
  if (i < n && ref.charCodeAt(i) === 36) i++; // $
  let col = 0;
  const colStart = i;
  for (; i < n; i++) {
    let ch = ref.charCodeAt(i);
    if (ch >= 97 && ch <= 122) ch -= 32;
    if (ch < 65 || ch > 90) break;
    col = col * 26 + (ch - 64);
  }
  if (i === colStart || i - colStart > 3) return null;
  if (i < n && ref.charCodeAt(i) === 36) i++;
  let row = 0;
  const rowStart = i;
  for (; i < n; i++) {
    const ch = ref.charCodeAt(i);
    if (ch < 48 || ch > 57) return null;
    row = row * 10 + (ch - 48);
  }
  if (i === rowStart || i - rowStart > 7) return null;
  if (row < 1 || row > 1048576 || col < 1 || col > 16384) return null;
  return { row, col };
}

export function refOf(row: number, col: number): string {
  return `${colLetters(col)}${row}`;
}
