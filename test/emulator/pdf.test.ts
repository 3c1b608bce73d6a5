/**
 * Blob.getAs('application/pdf') on the CFO's handout: Google lays the HTML out
 * as a browser would, so the emulator prints it with headless Chromium when
 * one is installed (the handout looks like the email and must stay one page);
 * without one, its text writer still prints every glyph the add-on uses.
 * Checked with poppler's pdfinfo and pdftotext, as a reader would see it.
 */
import {execFileSync} from 'node:child_process';
import {mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {loadBundle} from '../../emulator/loader';
import {htmlToPdf, pdfPrinter} from '../../emulator/pdf';
import {sampleWorkbook} from '../../emulator/sample-workbook';
import {outputPath} from '../helpers/browser';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'pdf-test-'));
});
afterAll(() => rmSync(dir, {recursive: true, force: true}));

/** What poppler reads from the PDF: its page count, producer and text. */
function read(bytes: Uint8Array, name: string) {
  const file = join(dir, name);
  writeFileSync(file, bytes);
  const info = execFileSync('pdfinfo', [file], {encoding: 'utf8'});
  return {
    pages: Number(/^Pages:\s+(\d+)/m.exec(info)?.[1]),
    producer: /^Producer:\s+(.*)$/m.exec(info)?.[1] ?? '',
    text: execFileSync('pdftotext', ['-layout', file, '-'], {
      encoding: 'utf8',
    }),
  };
}

function withPdfMode<T>(mode: string, fn: () => T): T {
  const before = process.env.EMULATOR_PDF;
  process.env.EMULATOR_PDF = mode;
  try {
    return fn();
  } finally {
    process.env.EMULATOR_PDF = before;
  }
}

const LONG =
  'Two Commit deals lost their economic buyer this week when the customer reorganised procurement; we re-qualified both on Thursday with the new buyer and moved one to Best Case until the paper process is mapped again by legal on both sides.';

/**
 * The Friday handout of the sample's week 7, as the snapshot attaches it;
 * `full`: five commitments (the playbook's most), each graded with a long
 * reason and next action, the longest a CFO should receive.
 */
function handout(full = false): {bytes: Uint8Array; html: string} {
  const emulator = sampleWorkbook({
    emulator: {now: new Date('2026-11-21T01:00:00Z')},
  });
  if (full) {
    const ss = emulator.globals
      .SpreadsheetApp as GoogleAppsScript.Spreadsheet.SpreadsheetApp;
    emulator.run({trigger: 'menu'}, () => {
      const book = ss.getActiveSpreadsheet();
      const commitments = book.getSheetByName('Commitments')!;
      commitments.appendRow([
        'C4',
        'Every signalled deal gets a save-play owner by Tuesday',
        'Save-plays assigned',
        '100%',
        'RevOps',
        true,
      ]);
      commitments.appendRow([
        'C5',
        'Attendance at the Friday scorecard above 90%',
        'Attendance rate',
        '90%',
        'CRO',
        true,
      ]);
      const weekEnding = new Date('2026-11-20T08:00:00Z');
      const grades = book.getSheetByName('Grades')!;
      for (const id of ['C1', 'C2', 'C3', 'C4', 'C5'])
        grades.appendRow([
          weekEnding,
          id,
          'Yellow',
          LONG,
          LONG,
          'cro@example.com',
          new Date(),
        ]);
    });
  }
  loadBundle(emulator).call('snapshotWeek', [], {trigger: 'menu'});
  const mail = emulator.outbox.at(-1)!;
  return {bytes: mail.attachments[0].bytes, html: mail.htmlBody};
}

describe('HTML to PDF', () => {
  it('the text writer prints "›" (WinAnsi 0x9B), not "?"', () => {
    const pdf = withPdfMode('text', () =>
      htmlToPdf('<p>Extensions › Trust Rebuild › Verify scorecard record</p>'),
    );
    const {text, producer} = read(pdf, 'text.pdf');
    expect(producer).toBe('Apps Script emulator');
    expect(text).toContain(
      'Extensions › Trust Rebuild › Verify scorecard record',
    );
    expect(text).not.toContain('?');
  });

  it('picks Chromium when one is installed, the text writer when asked or when there is none', () => {
    expect(pdfPrinter({EMULATOR_PDF: 'text'})).toBeUndefined();
    expect(
      pdfPrinter({CHROME_PATH: process.execPath, EMULATOR_PDF: 'chromium'}),
    ).toBe(process.execPath);
    expect(pdfPrinter({CHROME_PATH: process.execPath})).toBe(process.execPath);
  });

  it("prints the CFO handout with Chromium, like the email, on one page, with every number and '›'", () => {
    const {bytes, html} = withPdfMode('chromium', handout);
    const {pages, producer, text} = read(bytes, 'handout.pdf');
    writeFileSync(outputPath('cfo-handout.pdf'), bytes);
    // A picture of the page for a person to look at: test-output/cfo-handout.png.
    execFileSync('pdftoppm', [
      '-png',
      '-r',
      '80',
      '-singlefile',
      outputPath('cfo-handout.pdf'),
      outputPath('cfo-handout'),
    ]);
    expect(producer).not.toBe('Apps Script emulator');
    expect(pages).toBe(1);
    const flat = text.replace(/\s+/g, ' ');
    expect(flat).toContain(
      'Extensions › Trust Rebuild › Verify scorecard record',
    );
    // The numbers of the email are all on the page.
    const percents = html.replace(/<[^>]*>/g, ' ').match(/\d+(?:\.\d)?%/g)!;
    expect(percents.length).toBeGreaterThan(5);
    for (const p of percents) expect(flat).toContain(p);
  });

  it('keeps the fullest handout (five commitments, long reasons) on one page', () => {
    const {bytes, html} = withPdfMode('chromium', () => handout(true));
    expect(html.split(LONG.slice(0, 40)).length - 1).toBeGreaterThanOrEqual(10);
    const {pages, text} = read(bytes, 'full.pdf');
    writeFileSync(outputPath('cfo-handout-full.pdf'), bytes);
    expect(text.replace(/\s+/g, ' ')).toContain(
      'Attendance at the Friday scorecard above 90%',
    );
    expect(pages).toBe(1);
  });
});
