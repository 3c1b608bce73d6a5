/**
 * The last weekly email of the 60 days as the CFO's one-page handout: five
 * commitments (the playbook's most), each graded with a reason and next
 * action, and the plan's table of each target against its result, printed by
 * headless Chromium and read back with poppler's pdfinfo and pdftotext.
 */
import {execFileSync} from 'node:child_process';
import {mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {loadBundle} from '../../emulator/loader';
import {sampleWorkbook, SAMPLE_PEOPLE} from '../../emulator/sample-workbook';
import {confirmingSnapshot} from '../helpers/snapshot';
import {outputPath} from '../helpers/browser';

/**
 * A reason of two lines. (Five reasons of the pdf test's 250-character length
 * already take a second page by week 16, whose trend has 12 weeks, plan or no plan.)
 */
const REASON =
  'Two Commit deals lost their economic buyer when the customer reorganised procurement.';

let dir: string;
beforeAll(() => (dir = mkdtempSync(join(tmpdir(), 'plan-handout-'))));
afterAll(() => rmSync(dir, {recursive: true, force: true}));

it('the last email of the 60 days, five graded commitments, prints on one Letter page with each target under its commitment', () => {
  const before = process.env.EMULATOR_PDF;
  process.env.EMULATOR_PDF = 'chromium';
  try {
    const emulator = sampleWorkbook({
      emulator: {now: new Date('2026-11-24T08:30:00+09:00')},
    });
    const bundle = loadBundle(emulator);
    const as = {user: SAMPLE_PEOPLE.cro, trigger: 'menu' as const};
    emulator.run(as, () => {
      const book = emulator.spreadsheet.exposed();
      const commitments = book.getSheetByName('Commitments')!;
      commitments.appendRow([
        'C5',
        'Every signalled deal gets a save-play owner by Tuesday',
        'Save-plays assigned',
        '100% every week',
        'RevOps',
        true,
      ]);
      commitments.appendRow([
        'C6',
        'Attendance at the Friday scorecard above 90%',
        'Attendance rate',
        '90% or more from week 4',
        'CRO',
        true,
      ]);
    });
    bundle.call('setUpWorkbook', [], {trigger: 'menu'});
    bundle.call('signPlan', [], as);
    expect(emulator.ui.alerts.at(-1)).toMatch(/^60-day plan signed/);
    // Friday 22 January 2027: day 60 in Tokyo.
    emulator.ctx.setNow(new Date('2027-01-22T17:30:00+09:00'));
    emulator.run(as, () => {
      const grades = emulator.spreadsheet.exposed().getSheetByName('Grades')!;
      for (const id of ['C1', 'C2', 'C3', 'C5', 'C6'])
        grades.appendRow([
          new Date('2027-01-22T00:00:00+09:00'),
          id,
          'Yellow',
          REASON,
          REASON,
          SAMPLE_PEOPLE.cro,
          new Date(),
        ]);
    });
    const sent = emulator.outbox.length;
    confirmingSnapshot(args =>
      bundle.call('snapshotWeek', [args], {...as, trigger: 'sidebar'}),
    );
    expect(emulator.outbox).toHaveLength(sent + 1);
    const mail = emulator.outbox.at(-1)!;
    expect(mail.htmlBody).toContain('each target against its result');
    const file = join(dir, 'handout.pdf');
    writeFileSync(file, mail.attachments[0].bytes);
    writeFileSync(
      outputPath('plan-last-handout.pdf'),
      mail.attachments[0].bytes,
    );
    const info = execFileSync('pdfinfo', [file], {encoding: 'utf8'});
    expect(/^Producer:\s+(.*)$/m.exec(info)?.[1]).not.toBe(
      'Apps Script emulator',
    );
    expect(Number(/^Pages:\s+(\d+)/m.exec(info)?.[1])).toBe(1);
    const text = execFileSync('pdftotext', ['-layout', file, '-'], {
      encoding: 'utf8',
    }).replace(/\s+/g, ' ');
    expect(text).toContain('60-day plan: day 60 of 60');
    // The handout sets each target under its commitment (the email's own table would take a second page).
    for (const target of [
      '100% by week 8',
      '80% or more',
      '5% or less by week 12',
      '100% every week',
      '90% or more from week 4',
    ])
      expect(text).toContain(`Target: ${target}`);
  } finally {
    process.env.EMULATOR_PDF = before;
  }
});
