/**
 * Reading the PDFs the add-on sends (the CFO handout, the post-mortem draft):
 * the emulator writes their text (EMULATOR_PDF=text, no browser needed) and
 * poppler's pdftotext reads it back, as a person's PDF reader would.
 */
import {execFileSync} from 'node:child_process';
import {mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';

/** For the calling test file: the emulator writes PDFs as text, and the setting is put back after. */
export function useTextPdfs(): void {
  let mode: string | undefined;
  beforeAll(() => {
    mode = process.env.EMULATOR_PDF;
    process.env.EMULATOR_PDF = 'text';
  });
  afterAll(() => {
    if (mode === undefined) delete process.env.EMULATOR_PDF;
    else process.env.EMULATOR_PDF = mode;
  });
}

/** The text of a PDF as pdftotext reads it. */
export function pdfText(bytes: Uint8Array): string {
  const dir = mkdtempSync(join(tmpdir(), 'trust-rebuild-pdf-'));
  try {
    writeFileSync(join(dir, 'a.pdf'), bytes);
    return execFileSync('pdftotext', [join(dir, 'a.pdf'), '-'], {
      encoding: 'utf8',
    });
  } finally {
    rmSync(dir, {recursive: true, force: true});
  }
}
