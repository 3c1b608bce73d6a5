/**
 * Delivery of the weekly record through the built bundle (issue 11 §2, §5):
 * keyed by the row's chain value, claimed under the lock so overlapping
 * runs never send twice, an address problem never losing the snapshot,
 * retried daily until sent and given up after 7 days with the CRO told,
 * and corrections summarised in one email a day. The spreadsheet is in Los
 * Angeles, the script in New York; the Scorecard Hour is 16:00.
 */
import {loadBundle, type LoadedBundle} from '../../emulator/loader';
import {sidebarSnapshot as snapshot} from '../helpers/snapshot';
import {sampleWorkbook, SAMPLE_PEOPLE} from '../../emulator/sample-workbook';
import type {Emulator} from '../../emulator';

/** 16:00 in Los Angeles (UTC−8 in late November) on a day of November 2026 (32 = 2 December). */
const at4pm = (day: number) => new Date(Date.UTC(2026, 10, day + 1, 0, 5));

function world(options: {mailQuota?: number} = {}) {
  const emulator = sampleWorkbook({
    today: '2026-11-20',
    emulator: {
      scriptTimeZone: 'America/New_York',
      spreadsheetTimeZone: 'America/Los_Angeles',
      now: at4pm(20),
      ...options,
    },
  });
  const bundle = loadBundle(emulator);
  // The daily run belongs to an installed schedule (installing needs valid settings, so before any is broken).
  bundle.call('installSchedule', [], {trigger: 'menu'});
  if (emulator.triggers.triggers.length !== 1)
    throw new Error(`schedule not installed: ${emulator.ui.alerts.at(-1)}`);
  return {emulator, bundle};
}

/** The scheduled run, as Apps Script calls it (no document, as the installer). */
const tick = (bundle: LoadedBundle) =>
  bundle.call('onScheduleTick', [], {trigger: 'time'}) as {
    ran: string[];
    messages: string[];
  };

function sheetOf(emulator: Emulator, name: string) {
  const sheet = emulator.spreadsheet.sheets.find(s => s.state.name === name);
  if (!sheet) throw new Error(`no tab ${name}`);
  return sheet;
}

function setSetting(emulator: Emulator, name: string, value: string) {
  sheetOf(emulator, 'Settings').state.values.find(r => r[0] === name)![1] =
    value;
}

/** The Delivery Log's lines by header. */
function log(emulator: Emulator): Record<string, unknown>[] {
  const [header, ...rows] = sheetOf(emulator, 'Delivery Log').state.values;
  return rows.map(r =>
    Object.fromEntries(header.map((h, i) => [String(h), r[i]])),
  );
}

const toCfo = (emulator: Emulator) =>
  emulator.outbox.filter(m => m.recipients.includes(SAMPLE_PEOPLE.cfo));

function closeMore(emulator: Emulator, week: number, by: number) {
  const forecast = sheetOf(emulator, 'Forecast').state.values;
  const row = forecast.find(r => r[0] === week)!;
  row[3] = (row[3] as number) + by;
}

describe('delivery keyed by chain value', () => {
  it('a recreated Scorecard tab puts the next week in row 2 again, and it is emailed', () => {
    const {emulator, bundle} = world();
    const first = snapshot(bundle);
    expect(first.scorecardRow).toBe(2);
    expect(toCfo(emulator)).toHaveLength(1);
    // The owner deletes the Scorecard; set-up makes a new one.
    emulator.run({user: emulator.ctx.owner}, () => {
      const ss = (
        emulator.globals
          .SpreadsheetApp as GoogleAppsScript.Spreadsheet.SpreadsheetApp
      ).getActiveSpreadsheet();
      ss.deleteSheet(ss.getSheetByName('Scorecard')!);
    });
    bundle.call('setUpWorkbook', [], {trigger: 'menu'});
    emulator.ctx.setNow(at4pm(27));
    const next = snapshot(bundle);
    expect(next.scorecardRow).toBe(2);
    expect(next.chain).not.toBe(first.chain);
    expect(toCfo(emulator)).toHaveLength(2);
    expect(toCfo(emulator)[1].subject).toMatch(/week 8 ending Fri 27 Nov 2026/);
    expect(
      log(emulator).map(l => [l['Scorecard Row'], l['Status'], l['Chain']]),
    ).toEqual([
      [2, 'sending', first.chain],
      [2, 'sent', first.chain],
      [2, 'sending', next.chain],
      [2, 'sent', next.chain],
    ]);
  });

  it('reads a log from before the Chain column by row and week ending; set-up adds the column', () => {
    const {emulator, bundle} = world({mailQuota: 0});
    const logSheet = sheetOf(emulator, 'Delivery Log');
    const chainAt = logSheet.state.values[0].indexOf('Chain');
    for (const r of logSheet.state.values) r.splice(chainAt, 1);
    const first = snapshot(bundle);
    expect(first.message).toMatch(/Email for row 2 failed/);
    // Written without a Chain: the log has no such column.
    expect(log(emulator).map(l => [l['Status'], 'Chain' in l])).toEqual([
      ['sending', false],
      ['failed', false],
    ]);
    bundle.call('setUpWorkbook', [], {trigger: 'menu'});
    expect(logSheet.state.values[0]).toContain('Chain');
    // A new day: the quota is back, and the scheduled run retries the old line's row.
    emulator.mail.remaining = {};
    emulator.mail.dailyQuota = 100;
    emulator.ctx.setNow(at4pm(21));
    tick(bundle);
    expect(toCfo(emulator)).toHaveLength(1);
    expect(log(emulator).at(-1)).toMatchObject({
      Status: 'sent',
      Chain: first.chain,
    });
    emulator.ctx.setNow(at4pm(22));
    tick(bundle);
    expect(toCfo(emulator)).toHaveLength(1);
  });
});

describe('never twice', () => {
  it('two scheduled runs overlapping while a failed row waits for its retry send it once', () => {
    const {emulator, bundle} = world({mailQuota: 0});
    snapshot(bundle);
    expect(toCfo(emulator)).toHaveLength(0);
    emulator.mail.remaining = {};
    emulator.mail.dailyQuota = 100;
    emulator.ctx.setNow(at4pm(21));
    // A second execution of the script (its own bundle: its own module state) runs while the first sends.
    const other = loadBundle(emulator);
    let overlapped: {ran: string[]} | undefined;
    emulator.duringNextEmail(() => {
      overlapped = tick(other);
    });
    tick(bundle);
    // The overlapping run was not kept waiting for the lock through the send: it ran, and left the row alone.
    expect(overlapped?.ran).toEqual([]);
    expect(toCfo(emulator)).toHaveLength(1);
    expect(log(emulator).map(l => l['Status'])).toEqual([
      'sending',
      'failed',
      'sending',
      'sent',
    ]);
  });

  it("two people's snapshots overlapping while a failed row waits leave the retry to the scheduled run: one email", () => {
    const {emulator, bundle} = world({mailQuota: 0});
    snapshot(bundle);
    emulator.mail.remaining = {};
    emulator.mail.dailyQuota = 100;
    emulator.ctx.setNow(new Date(at4pm(20).getTime() + 3_600_000));
    const other = loadBundle(emulator);
    let overlapped = false;
    emulator.duringNextEmail(() => {
      overlapped = true;
      snapshot(other);
    });
    snapshot(bundle);
    // A person's snapshot sends only the week it records: there was no send for the other to overlap.
    expect(overlapped).toBe(false);
    emulator.mail.duringNext = undefined;
    snapshot(other);
    expect(toCfo(emulator)).toHaveLength(0);
    emulator.ctx.setNow(at4pm(21));
    tick(bundle);
    tick(other);
    expect(toCfo(emulator)).toHaveLength(1);
  });
});

describe('an address problem never loses the snapshot', () => {
  it.each(['not-an-email', 'cfo@acme', 'cfo acme@revops.com', 'cfö@acme.com'])(
    'CFO Email %s: the row is recorded, the failure logged naming the setting and the address, and sent once fixed',
    address => {
      const {emulator, bundle} = world();
      setSetting(emulator, 'CFO Email', address);
      // The Friday run itself: it records the week rather than failing.
      const friday = tick(bundle);
      expect(friday.ran).toEqual(['snapshot']);
      expect(sheetOf(emulator, 'Scorecard').state.values).toHaveLength(2);
      expect(toCfo(emulator)).toHaveLength(0);
      const failed = log(emulator).at(-1)!;
      expect(failed['Status']).toBe('failed');
      expect(String(failed['Detail'])).toContain('"CFO Email"');
      expect(String(failed['Detail'])).toContain(address.split(' ')[0]);
      expect(String(failed['Detail'])).toMatch(
        /next scheduled run sends this email/,
      );
      // A person's snapshot says the same and is not refused either.
      expect(snapshot(bundle).status).toBe('unchanged');
      setSetting(emulator, 'CFO Email', SAMPLE_PEOPLE.cfo);
      emulator.ctx.setNow(at4pm(21));
      tick(bundle);
      expect(toCfo(emulator)).toHaveLength(1);
      emulator.ctx.setNow(at4pm(22));
      tick(bundle);
      expect(toCfo(emulator)).toHaveLength(1);
    },
  );
});

describe('retried until sent', () => {
  const gaveUpMail = (emulator: Emulator) =>
    emulator.outbox.filter(m => /did not reach the CFO/.test(m.subject));

  it('a blank CFO Email is retried once a day for 7 days, then given up with the CRO emailed', () => {
    const {emulator, bundle} = world();
    setSetting(emulator, 'CFO Email', '');
    snapshot(bundle);
    for (let day = 21; day <= 26; day++) {
      emulator.ctx.setNow(at4pm(day));
      tick(bundle);
      // A second run the same day tries nothing more.
      tick(bundle);
    }
    const week7 = () =>
      log(emulator).filter(
        l => l['Scorecard Row'] === 2 && l['Status'] !== 'sending',
      );
    expect(week7().map(l => l['Status'])).toEqual(Array(7).fill('failed'));
    expect(String(week7()[0]['Detail'])).toMatch(/"CFO Email" is empty/);
    expect(gaveUpMail(emulator)).toHaveLength(0);
    // Friday 27 November, seven days on: the last retry fails and the week is given up.
    emulator.ctx.setNow(at4pm(27));
    tick(bundle);
    expect(
      week7()
        .map(l => l['Status'])
        .slice(-2),
    ).toEqual(['failed', 'gave up']);
    const [mail] = gaveUpMail(emulator);
    expect(mail.to).toBe(SAMPLE_PEOPLE.cro);
    expect(mail.subject).toBe(
      "Trust Rebuild: week 7's scorecard did not reach the CFO",
    );
    expect(mail.body).toMatch(
      /No email of week 7 \(Scorecard row 2\) reached the CFO in 7 days of daily retries since 2026-11-20; the last failure: Settings: "CFO Email" is empty/,
    );
    expect(String(week7().at(-1)!['Detail'])).toMatch(
      /The CRO \(cro@example\.com\) was emailed\.$/,
    );
    // Nothing more is tried for week 7, even once the address is back.
    setSetting(emulator, 'CFO Email', SAMPLE_PEOPLE.cfo);
    emulator.ctx.setNow(at4pm(28));
    tick(bundle);
    expect(week7()).toHaveLength(9);
    expect(toCfo(emulator).map(m => m.subject)).toEqual([
      expect.stringMatching(/week 8 ending Fri 27 Nov/),
    ]);
  });

  it('a give-up email to the CRO that fails too is logged', () => {
    const {emulator, bundle} = world();
    setSetting(emulator, 'CFO Email', '');
    setSetting(emulator, 'CRO Email', '');
    snapshot(bundle);
    for (let day = 21; day <= 27; day++) {
      emulator.ctx.setNow(at4pm(day));
      tick(bundle);
    }
    const gaveUp = log(emulator).filter(l => l['Status'] === 'gave up');
    expect(gaveUp).toHaveLength(1);
    expect(gaveUp[0]['Detail']).toMatch(
      /Nobody was told: the CRO Email setting is empty\.$/,
    );
  });

  it('a mail service failure is retried by the next scheduled run', () => {
    const {emulator, bundle} = world();
    emulator.failNextEmail('Service unavailable: Mail');
    snapshot(bundle);
    emulator.failNextEmail('Service unavailable: Mail');
    emulator.ctx.setNow(at4pm(21));
    tick(bundle);
    emulator.ctx.setNow(at4pm(22));
    tick(bundle);
    emulator.ctx.setNow(at4pm(23));
    tick(bundle);
    expect(toCfo(emulator)).toHaveLength(1);
    expect(
      log(emulator)
        .map(l => l['Status'])
        .filter(s => s !== 'sending'),
    ).toEqual(['failed', 'failed', 'sent']);
  });
});

describe('corrections after the email', () => {
  it('are recorded at once and emailed once a day, in one summary since the last email', () => {
    const {emulator, bundle} = world();
    const first = snapshot(bundle);
    expect(toCfo(emulator)).toHaveLength(1);
    closeMore(emulator, 7, 50_000);
    const amended = snapshot(bundle);
    expect(amended.status).toBe('amended');
    expect(amended.message).toMatch(
      /emailed what changed in the next scheduled run/,
    );
    closeMore(emulator, 7, 25_000);
    expect(snapshot(bundle).status).toBe('amended');
    // Nothing at once, nor in the Friday run that already sent the week today.
    tick(bundle);
    expect(toCfo(emulator)).toHaveLength(1);
    emulator.ctx.setNow(at4pm(21));
    tick(bundle);
    expect(toCfo(emulator)).toHaveLength(2);
    const summary = toCfo(emulator)[1];
    expect(summary.subject).toMatch(/^Amended: Rebuild scorecard, week 7/);
    const scorecard = sheetOf(emulator, 'Scorecard').state.values;
    const closedAt = scorecard[0].indexOf('Closed');
    const [was, now] = [scorecard[1][closedAt], scorecard[3][closedAt]].map(
      n => `$${(n as number).toLocaleString('en-US')}`,
    );
    // One change since the last email, from what it said to what is recorded now (not the step between).
    expect(summary.body).toMatch(
      new RegExp(
        `Corrected since the last email:\\n- Closed: ${was.replace('$', '\\$')} → ${now.replace('$', '\\$')}\\n`,
      ),
    );
    expect(summary.body.indexOf('Corrected since')).toBeGreaterThan(
      summary.body.indexOf('this week'),
    );
    expect(summary.htmlBody).toContain('Corrected since the last email:');
    expect(summary.attachments).toHaveLength(1);
    const sent = log(emulator).filter(l => l['Status'] === 'sent');
    expect(sent.map(l => l['Chain'])).toEqual([
      first.chain,
      scorecard[3][scorecard[0].indexOf('Chain')],
    ]);
    // Another correction the same day waits for tomorrow's run.
    closeMore(emulator, 7, 10_000);
    snapshot(bundle);
    tick(bundle);
    expect(toCfo(emulator)).toHaveLength(2);
    emulator.ctx.setNow(at4pm(22));
    tick(bundle);
    expect(toCfo(emulator)).toHaveLength(3);
    emulator.ctx.setNow(at4pm(23));
    tick(bundle);
    expect(toCfo(emulator)).toHaveLength(3);
  });

  it('that undo each other send nothing: the CFO already has what is recorded', () => {
    const {emulator, bundle} = world();
    snapshot(bundle);
    closeMore(emulator, 7, 50_000);
    snapshot(bundle);
    closeMore(emulator, 7, -50_000);
    expect(snapshot(bundle).status).toBe('amended');
    emulator.ctx.setNow(at4pm(21));
    tick(bundle);
    expect(toCfo(emulator)).toHaveLength(1);
    expect(log(emulator).at(-1)).toMatchObject({
      'Scorecard Row': 4,
      Status: 'sent',
      Detail: 'no email needed: nothing differs from row 2, the last emailed',
    });
  });
});

describe('never twice, whatever happens (issue 11 §2 review)', () => {
  function deleteTab(emulator: Emulator, name: string) {
    emulator.run({user: emulator.ctx.owner}, () => {
      const ss = (
        emulator.globals
          .SpreadsheetApp as GoogleAppsScript.Spreadsheet.SpreadsheetApp
      ).getActiveSpreadsheet();
      ss.deleteSheet(ss.getSheetByName(name)!);
    });
  }

  it('a lost Delivery Log: the snapshot refuses before writing anything; after set-up the weeks it recorded are not emailed again', () => {
    const {emulator, bundle} = world();
    snapshot(bundle);
    expect(toCfo(emulator)).toHaveLength(1);
    emulator.ctx.setNow(at4pm(27));
    deleteTab(emulator, 'Delivery Log');
    const scorecard = sheetOf(emulator, 'Scorecard').state.values;
    expect(() => snapshot(bundle)).toThrow(
      /"Delivery Log" tab is missing: run .*Set up workbook/,
    );
    expect(sheetOf(emulator, 'Scorecard').state.values).toEqual(scorecard);
    bundle.call('setUpWorkbook', [], {trigger: 'menu'});
    expect(log(emulator)).toEqual([]);
    // The Friday run records week 8 and emails it; week 7, with no line in the new log, is not sent again.
    tick(bundle);
    for (const day of [28, 29, 30]) {
      emulator.ctx.setNow(at4pm(day));
      tick(bundle);
    }
    expect(toCfo(emulator).map(m => m.subject)).toEqual([
      expect.stringMatching(/week 7 /),
      expect.stringMatching(/week 8 /),
    ]);
  });

  it("a person's snapshot and the scheduled run's recording the same week at once send it once", () => {
    const {emulator, bundle} = world();
    // Friday after the scheduled time: the schedule's run (script lock, no document) starts while
    // the person's snapshot (document lock) has read the Scorecard and is about to claim.
    emulator.ctx.setNow(new Date(at4pm(20).getTime() + 60_000));
    const other = loadBundle(emulator);
    let overlapped: {ran: string[]} | undefined;
    sheetOf(emulator, 'Delivery Log').beforeNextRead = () => {
      overlapped = tick(other);
    };
    const mine = snapshot(bundle);
    expect(overlapped?.ran).toEqual(['snapshot']);
    // Both recorded the week; the claim earlier in the log (the schedule's) sent it.
    expect(toCfo(emulator)).toHaveLength(1);
    expect(log(emulator).at(-1)).toMatchObject({
      Status: 'failed',
      Chain: mine.chain,
      Detail: 'not sent: another run is sending this week',
    });
    // Nor does a later run send it again: the CFO already has what is recorded.
    for (const day of [21, 22]) {
      emulator.ctx.setNow(at4pm(day));
      tick(bundle);
    }
    expect(toCfo(emulator)).toHaveLength(1);
  });

  it('an outcome that cannot be written after the send: no error for the person, and never sent again', () => {
    const {emulator, bundle} = world();
    // While the email goes, another execution takes the document lock and keeps it.
    emulator.duringNextEmail(() => emulator.holdDocumentLock());
    const mine = snapshot(bundle);
    expect(mine.status).toBe('recorded');
    expect(mine.message).toMatch(/Row 2 emailed/);
    expect(toCfo(emulator)).toHaveLength(1);
    expect(log(emulator).map(l => l['Status'])).toEqual(['sending']);
    emulator.releaseDocumentLock();
    for (const day of [21, 22, 30]) {
      emulator.ctx.setNow(at4pm(day));
      tick(bundle);
    }
    expect(toCfo(emulator)).toHaveLength(1);
  });
});
