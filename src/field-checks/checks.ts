/**
 * Field checks: the Apps Script behaviours the add-on relies on that only a
 * real spreadsheet can confirm (README: Apps Script assumptions). Run from the
 * Apps Script editor after the first deploy; each check logs one PASS or FAIL
 * line. A check that writes uses a scratch tab, deleted even when it fails.
 */
import {isDate} from '../domain/cells';
import {sha256Hex} from '../services/digest';
import {withDocumentLock} from '../services/lock';
import {protectTab} from '../services/protection';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

export interface FieldCheckSummary {
  passed: number;
  failed: number;
  lines: string[];
}

/** The detail to log when `ok`; otherwise the check fails with it. */
function verdict(ok: boolean, detail: string): string {
  if (!ok) throw new Error(detail);
  return detail;
}

function withScratchTab<T>(ss: Spreadsheet, fn: (sheet: Sheet) => T): T {
  return withDocumentLock(() => {
    const sheet = ss.insertSheet(`Trust Rebuild field check ${Date.now()}`);
    try {
      return fn(sheet);
    } finally {
      ss.deleteSheet(sheet);
    }
  });
}

const CHECKS: Array<[string, (ss: Spreadsheet) => string]> = [
  [
    'date cell = midnight in the spreadsheet zone',
    ss =>
      withScratchTab(ss, sheet => {
        const zone = ss.getSpreadsheetTimeZone();
        const cell = sheet.getRange('A1').setValue('2026-11-20');
        const value = cell.getValue();
        const read = isDate(value)
          ? Utilities.formatDate(value, zone, 'yyyy-MM-dd HH:mm:ss')
          : `text ${String(value)}`;
        return verdict(read === '2026-11-20 00:00:00', `${read} in ${zone}`);
      }),
  ],
  [
    'protection: only the owner and you edit',
    ss =>
      withScratchTab(ss, sheet => {
        const me = Session.getEffectiveUser().getEmail();
        const owner = ss.getOwner()?.getEmail() ?? '';
        // The record's recipe with you as its only keeper.
        protectTab(owner, sheet, {me, emails: [], complete: true});
        const p = sheet.getProtections(SpreadsheetApp.ProtectionType.SHEET)[0];
        const allowed = [me, owner];
        const editors = p.getEditors().map(u => u.getEmail());
        return verdict(
          editors.includes(me) &&
            editors.every(e => allowed.includes(e)) &&
            !p.isWarningOnly() &&
            p.canEdit(),
          editors.join(', '),
        );
      }),
  ],
  [
    'document lock',
    () => {
      const lock = LockService.getDocumentLock();
      const taken = !!lock && lock.tryLock(10000);
      if (taken) lock.releaseLock();
      return verdict(taken, taken ? 'taken' : 'none');
    },
  ],
  [
    'HtmlService contextual escaping',
    () => {
      const t = HtmlService.createTemplate('<a href="<?= u ?>"><?= u ?></a>');
      (t as unknown as {u: string}).u = 'javascript:alert(1)<b>';
      const html = t.evaluate().getContent();
      return verdict(!/href="javascript|<b>/i.test(html), html);
    },
  ],
  [
    'MailApp quota and PDF attachment',
    () => {
      const quota = MailApp.getRemainingDailyQuota();
      const pdf = Utilities.newBlob('<p>x</p>', 'text/html', 'x.html').getAs(
        'application/pdf',
      );
      return verdict(
        quota > 0 && pdf.getBytes().length > 0,
        `quota ${quota}, PDF ${pdf.getBytes().length} B`,
      );
    },
  ],
  [
    'computeDigest SHA-256',
    () => {
      const hex = sha256Hex('abc');
      return verdict(
        hex ===
          'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
        hex,
      );
    },
  ],
  [
    'formatDate in a zone',
    () => {
      const text = Utilities.formatDate(
        new Date(Date.UTC(2026, 10, 20, 23, 30)),
        'Asia/Tokyo',
        'yyyy-MM-dd HH:mm EEE u XXX',
      );
      return verdict(text === '2026-11-21 08:30 Sat 6 +09:00', text);
    },
  ],
  [
    'effective user email',
    () => {
      const email = Session.getEffectiveUser().getEmail();
      return verdict(email !== '', email || 'blank');
    },
  ],
  [
    'one trigger per user and document',
    ss => {
      const mine = ScriptApp.getUserTriggers(ss);
      return verdict(
        mine.length <= 1 &&
          mine.every(t => t.getTriggerSourceId() === ss.getId()),
        `${mine.length} trigger(s)`,
      );
    },
  ],
];

/** Runs every check, logging one line each; a failing check does not stop the others. */
export function runChecks(): FieldCheckSummary {
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  const summary: FieldCheckSummary = {passed: 0, failed: 0, lines: []};
  for (const [name, check] of CHECKS) {
    let line: string;
    try {
      line = `PASS ${name}: ${check(ss)}`;
      summary.passed++;
    } catch (e) {
      line = `FAIL ${name}: ${(e as Error).message}`;
      summary.failed++;
    }
    console.log(line);
    summary.lines.push(line);
  }
  return summary;
}
