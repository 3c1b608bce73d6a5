/**
 * The weekly record through the built bundle, in the emulator, at a fixed
 * emulated time in America/Los_Angeles (the spreadsheet's zone) while the
 * script's zone is America/New_York.
 */
import {mkdirSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {loadBundle} from '../../emulator/loader';
import {sidebarSnapshot as snapshot} from '../helpers/snapshot';
import {sampleWorkbook, SAMPLE_PEOPLE} from '../../emulator/sample-workbook';
import type {Emulator} from '../../emulator';

const OUT = join(__dirname, '..', '..', 'test-output');

/** 5 pm on Friday 20 November 2026 in Los Angeles (UTC−8, after the DST change). */
const FRIDAY_EVENING = new Date('2026-11-21T01:00:00Z');

function world(options: {mailQuota?: number; spreadsheetLocale?: string} = {}) {
  const emulator = sampleWorkbook({
    emulator: {
      scriptTimeZone: 'America/New_York',
      now: FRIDAY_EVENING,
      ...options,
    },
  });
  const bundle = loadBundle(emulator);
  return {emulator, bundle};
}

function tab(emulator: Emulator, name: string): unknown[][] {
  const sheet = emulator.spreadsheet.sheets.find(s => s.state.name === name);
  if (!sheet) throw new Error(`no tab ${name}`);
  return sheet.state.values.map(r => [...r]);
}

function byHeader(rows: unknown[][], row: number): Record<string, unknown> {
  return Object.fromEntries(rows[0].map((h, i) => [String(h), rows[row][i]]));
}

describe('weekly snapshot', () => {
  it('records the week in the Scorecard with the numbers the custom functions give', () => {
    const {emulator, bundle} = world();
    const result = snapshot(bundle);
    expect(result.status).toBe('recorded');
    const scorecard = tab(emulator, 'Scorecard');
    expect(scorecard).toHaveLength(2);
    const row = byHeader(scorecard, 1);

    const forecast = tab(emulator, 'Forecast');
    const week7 = forecast.findIndex(r => r[0] === 7);
    const [committed, closed] = [forecast[week7][2], forecast[week7][3]];
    const asCustomFunction = {
      authMode: 'CUSTOM_FUNCTION' as const,
      trigger: 'custom-function' as const,
    };
    expect(row['Week']).toBe(7);
    expect(row['Committed']).toBe(committed);
    expect(row['Closed']).toBe(closed);
    expect(row['Forecast Variance']).toBe(
      bundle.call('FORECAST_VARIANCE', [committed, closed], asCustomFunction),
    );
    expect(row['Variance Target']).toBe(
      bundle.call('RECOVERY_TARGET', [7], asCustomFunction),
    );
    expect(row['Gate Target']).toBe(
      bundle.call('GATE_TARGET', [7], asCustomFunction),
    );
    expect(row['Gate Compliance']).toBe(
      bundle.call(
        'GATE_COMPLIANCE',
        [tab(emulator, 'Deals'), row['Week Ending']],
        asCustomFunction,
      ),
    );
    expect(row['Snapshot By']).toBe(emulator.ctx.user);
    expect(String(row['Chain'])).toMatch(/^[0-9a-f]{64}$/);
    // The sample's CRO has not graded week 7 yet at 5 pm: the record says so rather than guessing.
    expect(row['Commitment Grades']).toMatch(/^C1 \(.+\): Not graded\nC2/);
  });

  it("carries this week's grades, reasons and next actions", () => {
    const {emulator, bundle} = world();
    const grades = emulator.spreadsheet.sheets.find(
      s => s.state.name === 'Grades',
    )!;
    const friday = new Date('2026-11-20T08:00:00Z'); // midnight in Los Angeles
    const at = new Date('2026-11-20T23:30:00Z');
    grades.state.values.push(
      [
        friday,
        'C1',
        'Green',
        '',
        'Audit new commits Monday',
        SAMPLE_PEOPLE.cro,
        at,
      ],
      [
        friday,
        'C2',
        'Red',
        'Two save-plays missed',
        'Owner per signal',
        SAMPLE_PEOPLE.cro,
        at,
      ],
      [
        friday,
        'C3',
        'Yellow',
        'Variance 7%',
        'Daily commit review',
        SAMPLE_PEOPLE.cro,
        at,
      ],
    );
    snapshot(bundle);
    const row = byHeader(tab(emulator, 'Scorecard'), 1);
    expect([row['Green'], row['Yellow'], row['Red']]).toEqual([1, 1, 1]);
    expect(String(row['Commitment Grades']).split('\n')[1]).toBe(
      'C2 (A save-play for every signalled deal, every week): Red — Two save-plays missed → Owner per signal',
    );
    expect(emulator.outbox[0].body).toContain('Two save-plays missed');
  });

  it('writes values only, never formulas', () => {
    const {emulator, bundle} = world();
    snapshot(bundle);
    const sheet = emulator.spreadsheet.sheets.find(
      s => s.state.name === 'Scorecard',
    )!;
    expect(Object.keys(sheet.state.formulas)).toEqual([]);
  });

  it('ends the week in the spreadsheet time zone, not the script one', () => {
    // Saturday 00:30 in New York is still Friday 21:30 in Los Angeles: the week ending is that Friday.
    const {emulator, bundle} = world();
    emulator.ctx.setNow(new Date('2026-11-21T05:30:00Z'));
    const result = bundle.call('snapshotWeek', [], {trigger: 'menu'}) as {
      weekEnding: string;
    };
    expect(result.weekEnding).toBe('2026-11-20');
  });

  it('adds nothing on a second run when nothing changed, and sends no second email', () => {
    const {emulator, bundle} = world();
    snapshot(bundle);
    const calls = emulator.outbox.length;
    const again = snapshot(bundle);
    expect(again.status).toBe('unchanged');
    expect(tab(emulator, 'Scorecard')).toHaveLength(2);
    expect(emulator.outbox).toHaveLength(calls);
  });

  it('appends one amendment naming the row it amends when the source changed', () => {
    const {emulator, bundle} = world();
    const first = snapshot(bundle);
    const forecast = emulator.spreadsheet.sheets.find(
      s => s.state.name === 'Forecast',
    )!;
    const r = forecast.state.values.findIndex(row => row[0] === 7);
    forecast.state.values[r][3] =
      (forecast.state.values[r][3] as number) + 50_000;
    const amended = snapshot(bundle);
    expect(amended.status).toBe('amended');
    const scorecard = tab(emulator, 'Scorecard');
    expect(scorecard).toHaveLength(3);
    const amendment = byHeader(scorecard, 2);
    expect(amendment['Amends Row']).toBe(first.scorecardRow);
    expect(String(amendment['Changes'])).toMatch(
      /^Closed: \$[\d,]+ → \$[\d,]+; Forecast Variance: [\d.]+% → [\d.]+%/,
    );
    // The original row is never rewritten.
    expect(byHeader(scorecard, 1)['Chain']).toBe(first.chain);
    // Not emailed at once: the next scheduled run summarises the day's corrections (delivery.test.ts).
    expect(emulator.outbox).toHaveLength(1);
    expect(amended.message).toMatch(
      /The CFO is emailed what changed in the next scheduled run/,
    );
    expect(snapshot(bundle).status).toBe('unchanged');
  });

  it('locks the Scorecard: someone who is not a keeper of the record (a rep) cannot edit it', () => {
    const {emulator, bundle} = world();
    snapshot(bundle);
    const protections = emulator.spreadsheet.sheets.find(
      s => s.state.name === 'Scorecard',
    )!.state.protections;
    expect(protections).toHaveLength(1);
    expect(protections[0].warningOnly).toBe(false);
    expect(() =>
      emulator.run({user: 'rep@example.com'}, () => {
        const ss = (
          emulator.globals
            .SpreadsheetApp as GoogleAppsScript.Spreadsheet.SpreadsheetApp
        ).getActiveSpreadsheet();
        ss.getSheetByName('Scorecard')!.getRange(2, 4).setValue(999);
      }),
    ).toThrow('You are trying to edit a protected cell or object');
  });

  it('verifyScorecard names the row an owner changed behind the protection', () => {
    const {emulator, bundle} = world();
    snapshot(bundle);
    emulator.ctx.setNow(new Date('2026-11-28T01:00:00Z'));
    snapshot(bundle);
    expect((bundle.call('verifyScorecard', []) as {ok: boolean}).ok).toBe(true);
    emulator.run({user: emulator.ctx.owner}, () => {
      const ss = (
        emulator.globals
          .SpreadsheetApp as GoogleAppsScript.Spreadsheet.SpreadsheetApp
      ).getActiveSpreadsheet();
      ss.getSheetByName('Scorecard')!.getRange(2, 4).setValue(99_000_000);
    });
    const verdict = bundle.call('verifyScorecard', []) as {
      ok: boolean;
      brokenRow: number;
      message: string;
    };
    expect(verdict.ok).toBe(false);
    expect(verdict.brokenRow).toBe(2);
    expect(verdict.message).toMatch(
      /^Scorecard row 2 \(week ending 2026-11-20\) was changed after it was written/,
    );
  });

  it('emails the CFO the numbers, the grades, an escaped <script> commitment, and a PDF handout', () => {
    const {emulator, bundle} = world();
    const commitments = emulator.spreadsheet.sheets.find(
      s => s.state.name === 'Commitments',
    )!;
    commitments.state.values[1][1] = '<script>alert(1)</script> coverage';
    snapshot(bundle);
    expect(emulator.outbox).toHaveLength(1);
    const mail = emulator.outbox[0];
    expect(mail.to).toContain(SAMPLE_PEOPLE.cfo);
    expect(mail.replyTo).toBe(SAMPLE_PEOPLE.cro);
    expect(mail.subject).toMatch(
      /^Rebuild scorecard, week 7 ending Fri 20 Nov 2026: (over-forecast|beat commit) by [\d.]+% against a 5% target/,
    );
    expect(mail.htmlBody).not.toContain('<script>');
    expect(mail.htmlBody).toContain(
      '&lt;script&gt;alert(1)&lt;/script&gt; coverage',
    );
    expect(mail.body).toContain('Forecast variance:');
    // The trend covers the rebuild so far against the 12/8/5% glide path.
    expect(mail.body).toContain(
      'wk 1 31% (12%), wk 2 24% (12%), wk 3 19% (8%)',
    );
    expect(mail.htmlBody).toContain('Wk 7');
    expect(mail.attachments).toHaveLength(1);
    const pdf = mail.attachments[0];
    expect(pdf.contentType).toBe('application/pdf');
    expect(pdf.name).toBe('Rebuild scorecard week 7 (2026-11-20).pdf');
    expect(Buffer.from(pdf.bytes).subarray(0, 5).toString()).toBe('%PDF-');
    mkdirSync(OUT, {recursive: true});
    writeFileSync(join(OUT, 'cfo-email.html'), mail.htmlBody);
    writeFileSync(join(OUT, 'cfo-handout.pdf'), pdf.bytes);
  });

  it('records a quota-exhausted send in the Delivery Log and keeps the row; a second snapshot leaves the retry to the scheduled run', () => {
    const {emulator, bundle} = world({mailQuota: 0});
    const first = snapshot(bundle);
    expect(first.message).toMatch(
      /Email for row 2 failed \(logged in the Delivery Log\): Google's daily email quota is used up \(0 left, 1 needed\); the next scheduled run retries\.$/,
    );
    expect(emulator.outbox).toHaveLength(0);
    const log = tab(emulator, 'Delivery Log');
    expect(byHeader(log, 1)['Status']).toBe('sending');
    expect(byHeader(log, 2)['Status']).toBe('failed');
    expect(byHeader(log, 2)['Chain']).toBe(first.chain);
    expect(tab(emulator, 'Scorecard')).toHaveLength(2);
    emulator.mail.remaining = {};
    emulator.mail.dailyQuota = 100;
    snapshot(bundle);
    expect(emulator.outbox).toHaveLength(0);
    expect(tab(emulator, 'Delivery Log')).toHaveLength(3);
  });

  it('keeps the snapshot when the mail service fails', () => {
    const {emulator, bundle} = world();
    emulator.failNextEmail('Service unavailable: Mail');
    expect(snapshot(bundle).status).toBe('recorded');
    expect(tab(emulator, 'Scorecard')).toHaveLength(2);
    expect(emulator.outbox).toHaveLength(0);
    expect(byHeader(tab(emulator, 'Delivery Log'), 2)).toMatchObject({
      Status: 'failed',
      Detail: 'Service unavailable: Mail',
    });
  });
});

describe('menu alerts', () => {
  const titles = (emulator: Emulator) =>
    emulator.ui.alerts.map(a => a.split('\n\n')[0]);

  it('are titled with what happened, not with the menu item', () => {
    const {emulator, bundle} = world();
    bundle.call('snapshotWeekFromMenu', [], {trigger: 'menu'});
    bundle.call('snapshotWeekFromMenu', [], {trigger: 'menu'});
    bundle.call('verifyScorecardFromMenu', [], {trigger: 'menu'});
    bundle.call('runSlipCheckFromMenu', [], {trigger: 'menu'});
    expect(titles(emulator)).toEqual([
      'Week 7 recorded',
      'Week 7 unchanged: nothing new to record',
      'Scorecard record verified',
      expect.stringMatching(/^Slip check done: \d+ new signals?$/),
    ]);
    // One row: "the 1 Scorecard row", not "All 1 Scorecard rows".
    expect(emulator.ui.alerts[2]).toContain(
      'The 1 Scorecard row matches its chain value',
    );
    expect(emulator.ui.alerts.join('\n')).not.toMatch(/\.\./);
  });

  it('say what failed', () => {
    const {emulator, bundle} = world();
    const settings = emulator.spreadsheet.sheets.find(
      s => s.state.name === 'Settings',
    )!.state.values;
    settings.find(r => r[0] === 'Rebuild Start')![1] = '';
    bundle.call('snapshotWeekFromMenu', [], {trigger: 'menu'});
    expect(titles(emulator)).toEqual(['Snapshot not taken']);
  });
});

describe('a Berlin workbook', () => {
  const berlin = () => world({spreadsheetLocale: 'de_DE'});
  const week7 = (emulator: Emulator) => {
    const forecast = emulator.spreadsheet.sheets.find(
      s => s.state.name === 'Forecast',
    )!;
    return forecast.state.values.find(r => r[0] === 7)!;
  };

  it('emails amounts in euros, written the German way, and reads them typed so', () => {
    const {emulator, bundle} = berlin();
    const row = week7(emulator);
    row[2] = '2.150.000,00 €';
    row[3] = 2_050_000;
    expect(snapshot(bundle).status).toBe('recorded');
    const mail = emulator.outbox[0];
    expect(mail.body).toContain(
      'Committed 2.150.000 € at the start of the week; closed 2.050.000 € by Friday.',
    );
    expect(mail.body).not.toContain('$');
    expect(mail.body).toContain('over-forecast by 4.7%');
    mkdirSync(OUT, {recursive: true});
    writeFileSync(join(OUT, 'cfo-email-de.html'), mail.htmlBody);
  });

  it('refuses an amount that reads two ways, naming the cell, and records nothing', () => {
    const {emulator, bundle} = berlin();
    week7(emulator)[2] = '2,150';
    expect(() => snapshot(bundle)).toThrow(
      /"Forecast" tab, row \d+: Committed is "2,150", could be 2,15 € or 2.150 €/,
    );
    expect(tab(emulator, 'Scorecard')).toHaveLength(1);
    expect(emulator.outbox).toHaveLength(0);
  });
});

describe('snapshot cost', () => {
  const SPREADSHEET = [
    'SpreadsheetApp.',
    'Spreadsheet.',
    'Sheet.',
    'Range.',
    'Protection.',
    'DeveloperMetadataFinder.',
    'DeveloperMetadata.',
  ];

  function callsWithDeals(deals: number): number {
    const {emulator, bundle} = world();
    const sheet = emulator.spreadsheet.sheets.find(
      s => s.state.name === 'Deals',
    )!;
    const [header, ...rows] = sheet.state.values;
    const id = header.indexOf('Deal ID');
    sheet.state.values = [
      header,
      ...Array.from({length: deals}, (_, i) => {
        const copy = [...rows[i % rows.length]];
        copy[id] = `D${i}`;
        return copy;
      }),
    ];
    sheet.state.maxRows = deals + 1;
    emulator.ctx.calls.reset();
    snapshot(bundle);
    return SPREADSHEET.reduce((n, p) => n + emulator.ctx.calls.count(p), 0);
  }

  it('costs the same spreadsheet calls with 10,000 deals as with 100: each tab is read once', () => {
    const small = callsWithDeals(100);
    expect(small).toBeGreaterThan(0);
    expect(callsWithDeals(10_000)).toBe(small);
  });

  it("reads each record tab's editors once: the keeper check's getEditors() also serves the refresh of a new keeper", () => {
    const {emulator, bundle} = world();
    emulator.ctx.calls.reset();
    snapshot(bundle);
    // The sample's CRO Email was filled in after set-up: both tabs gain the CRO.
    expect(emulator.ctx.calls.count('Protection.addEditors')).toBe(2);
    expect(emulator.ctx.calls.count('Protection.getEditors')).toBe(2);
    expect(emulator.ctx.calls.count('Protection.canEdit')).toBe(0);
  });
});
