/** LibreOffice headless helpers for tests: convert a .docx to PDF with a private profile, read its text. */
import { execFileSync } from "child_process";
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";

export const SOFFICE = ["/usr/bin/soffice", "/usr/bin/libreoffice"].find((p) => existsSync(p)) ?? null;
export const PDFTOTEXT = existsSync("/usr/bin/pdftotext") ? "/usr/bin/pdftotext" : null;

/** Converts the bytes to PDF; returns the PDF path. Throws with LibreOffice's output when it fails. */
export function docxToPdf(bytes: Uint8Array, name = "report"): string {
  if (!SOFFICE) throw new Error("LibreOffice not installed");
  const dir = mkdtempSync(join(tmpdir(), "jixiao-lo-"));
  const docx = join(dir, `${name}.docx`);
  writeFileSync(docx, bytes);
  const profile = `file://${join(dir, "profile")}`;
  let out = "";
  try {
    out = execFileSync(
      SOFFICE,
      [`-env:UserInstallation=${profile}`, "--headless", "--norestore", "--convert-to", "pdf", "--outdir", dir, docx],
      {
        timeout: 120_000,
        encoding: "utf8",
        stdio: ["ignore", "pipe", "pipe"],
      },
    );
  } catch (e) {
    throw new Error(`soffice failed: ${(e as Error).message}\n${out}`);
  }
  const pdf = join(dir, `${name}.pdf`);
  if (!existsSync(pdf)) throw new Error(`soffice wrote no PDF:\n${out}`);
  const head = readFileSync(pdf).subarray(0, 5).toString("latin1");
  if (head !== "%PDF-") throw new Error(`not a PDF: ${head}`);
  return pdf;
}

export function pdfText(pdf: string): string {
  if (!PDFTOTEXT) throw new Error("pdftotext not installed");
  return execFileSync(PDFTOTEXT, ["-layout", pdf, "-"], { encoding: "utf8" });
}
