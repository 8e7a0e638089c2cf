/** How the page hands the person a file: bytes offered as a download (Blob + object URL); nothing leaves the computer. */

export const XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
export const DOCX_MIME = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

/** What the shells call to save bytes as a file (tests pass their own). */
export type SaveBytes = (bytes: Uint8Array, name: string, mime?: string) => void;

export const downloadBytes: SaveBytes = (bytes, name, mime = XLSX_MIME) => {
  const blob = new Blob([bytes as BlobPart], { type: mime });
  const url = URL.createObjectURL(blob);
  const a = document.createElement("a");
  a.href = url;
  a.download = name;
  a.rel = "noopener";
  a.style.display = "none";
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 30000);
};
