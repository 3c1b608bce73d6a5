/**
 * The wider audiences through the built bundle (issue 14 §4, §5), in the
 * team's test world: the spreadsheet in Tokyo, the script in New York, the
 * scheduled run fired as its installer. The month's first Scorecard Day
 * sends the CFO's email to the CEO and CMO too, with the expanded section;
 * each partner gets their own quarterly scorecard, logged, retried, never
 * twice, and never naming a deal, an owner or a grade's reason.
 */
import {loadBundle, type LoadedBundle} from '../../emulator/loader';
import {sampleWorkbook, SAMPLE_PEOPLE} from '../../emulator/sample-workbook';
import type {Emulator} from '../../emulator';

const CEO = 'ceo@example.com';
const PARTNERS = ['one@partner.example', 'two@partner.example'];

/** 16:05 in Tokyo (UTC+9) on `day`: the run after the Scorecard Hour. */
const at4pm = (day: string) => new Date(Date.parse(`${day}T16:05:00+09:00`));

function sheetOf(emulator: Emulator, name: string) {
  return emulator.spreadsheet.sheets.find(s => s.state.name === name)!;
}

function setSetting(emulator: Emulator, name: string, value: string) {
  sheetOf(emulator, 'Settings').state.values.find(r => r[0] === name)![1] =
    value;
}

/** A tab's rows by header. */
function records(emulator: Emulator, tab: string) {
  const [header, ...rows] = sheetOf(emulator, tab).state.values;
  return rows.map(r =>
    Object.fromEntries(header.map((h, i) => [String(h), r[i]])),
  );
}

function world(today: string, settings: Record<string, string>) {
  const emulator = sampleWorkbook({today, emulator: {now: at4pm(today)}});
  for (const [name, value] of Object.entries(settings))
    setSetting(emulator, name, value);
  const bundle = loadBundle(emulator);
  bundle.call('installSchedule', [], {trigger: 'menu'});
  if (emulator.triggers.triggers.length !== 1)
    throw new Error(`schedule not installed: ${emulator.ui.alerts.at(-1)}`);
  return {emulator, bundle};
}

const tick = (bundle: LoadedBundle) =>
  bundle.call('onScheduleTick', [], {trigger: 'time'}) as {
    ran: string[];
    messages: string[];
  };

const weekly = (emulator: Emulator) =>
  emulator.outbox.filter(m => m.recipients.includes(SAMPLE_PEOPLE.cfo));

describe('the monthly expanded scorecard', () => {
  // Friday 1 January 2027 in Tokyo: its Week Ending cell is Tokyo's midnight, still 31 December in New York.
  it("goes with the CFO's email to the CEO and the CMO on the month's first Scorecard Day, across Tokyo's date line", () => {
    const {emulator, bundle} = world('2027-01-01', {'CEO Email': CEO});
    // The week's Attendance row, marked as the expanded meeting.
    const attendance = sheetOf(emulator, 'Attendance').state.values;
    expect(attendance[0]).toContain('Expanded Meeting');
    attendance.push([new Date('2026-12-31T15:00:00Z'), 12, 11, true]);
    tick(bundle);
    const mails = weekly(emulator);
    expect(mails).toHaveLength(1);
    const [mail] = mails;
    expect(mail.recipients).toEqual([
      SAMPLE_PEOPLE.cfo,
      CEO,
      SAMPLE_PEOPLE.cmo,
    ]);
    for (const body of [mail.body, mail.htmlBody]) {
      expect(body).toContain('Monthly scorecard for the CEO');
      expect(body).toContain('Fri 1 Jan 2027');
      expect(body).toContain('Week Starting');
      expect(body).toContain('Q4 FY27');
      expect(body).toMatch(/trust streak: 2/);
      expect(body).toContain('BEAT');
      expect(body).toContain(
        'expanded meeting: 11 of 12 attended (92%): green against the 80% and 90% lines.',
      );
    }
    // The log names everyone the one email went to.
    const sent = records(emulator, 'Delivery Log').find(
      l => l['Status'] === 'sent',
    )!;
    expect(String(sent['Recipients'])).toContain(CEO);
    // A rerun the same day and the next sends nothing again.
    tick(bundle);
    emulator.ctx.setNow(at4pm('2027-01-02'));
    tick(bundle);
    expect(
      emulator.outbox.filter(m => m.recipients.includes(CEO)),
    ).toHaveLength(1);
  });

  it("carries the signed plan's status from the week's row: its day, its signing day and its commitments' grades", () => {
    const {emulator, bundle} = world('2027-01-01', {'CEO Email': CEO});
    // Signed on Monday 14 December in Tokyo (still Sunday the 13th in New York): day 1.
    emulator.ctx.setNow(new Date('2026-12-14T08:00:00+09:00'));
    bundle.call('setUpWorkbook', [], {trigger: 'menu'});
    bundle.call('signPlan', [], {user: SAMPLE_PEOPLE.cro, trigger: 'menu'});
    expect(records(emulator, 'Plan').length).toBeGreaterThanOrEqual(3);
    emulator.ctx.setNow(at4pm('2027-01-01'));
    tick(bundle);
    const [mail] = weekly(emulator);
    expect(mail.recipients).toContain(CEO);
    for (const body of [mail.body, mail.htmlBody])
      expect(body).toMatch(
        /The 60-day plan:(<\/b>)? day 19 of 60, signed Mon 14 Dec 2026: \d+ (Green|Yellow|Red|not graded)/,
      );
  });

  it('a failed monthly email is retried to all of them: the week decides, not the day of the retry', () => {
    const {emulator, bundle} = world('2027-01-01', {'CEO Email': CEO});
    emulator.failNextEmail('Service unavailable: Mail');
    tick(bundle);
    expect(weekly(emulator)).toHaveLength(0);
    // Saturday 2 January: the retry still carries the expanded section to the CEO and the CMO.
    emulator.ctx.setNow(at4pm('2027-01-02'));
    tick(bundle);
    const mails = weekly(emulator);
    expect(mails).toHaveLength(1);
    expect(mails[0].recipients).toEqual([
      SAMPLE_PEOPLE.cfo,
      CEO,
      SAMPLE_PEOPLE.cmo,
    ]);
    expect(mails[0].htmlBody).toContain('Monthly scorecard for the CEO');
  });

  it("a retry days later shows the week's own 12 weeks of leading indicators, not the retry day's", () => {
    const sent = (failFirst: boolean, retryOn: string) => {
      const {emulator, bundle} = world('2027-01-01', {'CEO Email': CEO});
      emulator.failEmailsTo(
        CEO,
        failFirst ? 'Service unavailable: Mail' : undefined,
      );
      tick(bundle);
      emulator.failEmailsTo(CEO);
      emulator.ctx.setNow(at4pm(retryOn));
      tick(bundle);
      const [mail] = weekly(emulator);
      return mail.body.slice(mail.body.indexOf('Leading indicators'));
    };
    // Monday 4 January: a week more has ended since the Friday the email was for.
    const retried = sent(true, '2027-01-04');
    expect(retried).toBe(sent(false, '2027-01-04'));
    expect(retried).toContain('Leading indicators');
  });

  it('says which cell when the expanded meeting has no Invited, rather than a rate', () => {
    const {emulator, bundle} = world('2027-01-01', {'CEO Email': CEO});
    sheetOf(emulator, 'Attendance').state.values.push([
      new Date('2026-12-31T15:00:00Z'),
      '',
      11,
      true,
    ]);
    tick(bundle);
    const [mail] = weekly(emulator);
    for (const body of [mail.body, mail.htmlBody]) {
      expect(body).toContain(
        'expanded meeting: its attendance cannot be judged: on the Attendance tab, Invited is',
      );
      expect(body).not.toContain('1100%');
    }
  });

  it('is named in the confirmation before the scheduled time', () => {
    const {emulator, bundle} = world('2027-01-01', {'CEO Email': CEO});
    emulator.ctx.setNow(new Date(Date.parse('2027-01-01T10:00:00+09:00')));
    const first = bundle.call('snapshotWeek', [], {trigger: 'sidebar'}) as {
      status: string;
      preview: {recipients: string[]};
    };
    expect(first.status).toBe('confirm');
    expect(first.preview.recipients).toEqual([
      SAMPLE_PEOPLE.cfo,
      CEO,
      SAMPLE_PEOPLE.cmo,
    ]);
  });

  it('is not sent on a later Scorecard Day of the month, nor without a CEO Email', () => {
    const late = world('2026-12-25', {'CEO Email': CEO});
    tick(late.bundle);
    expect(weekly(late.emulator)).toHaveLength(1);
    expect(weekly(late.emulator)[0].recipients).toEqual([SAMPLE_PEOPLE.cfo]);
    expect(weekly(late.emulator)[0].body).not.toContain('Monthly scorecard');
    const none = world('2027-01-01', {});
    tick(none.bundle);
    expect(weekly(none.emulator)[0].recipients).toEqual([SAMPLE_PEOPLE.cfo]);
  });

  it('refuses an invalid CEO Email naming the setting and the value', () => {
    const {emulator, bundle} = world('2027-01-01', {});
    setSetting(emulator, 'CEO Email', 'ceo at example');
    expect(() => tick(bundle)).toThrow(/CEO Email.*ceo at example/s);
  });
});

describe('the quarterly partner scorecard', () => {
  // Wednesday: no snapshot, no slip check; only delivery and the partners.
  const WEDNESDAY = '2026-11-25';

  it('emails each partner their own scorecard once, naming no deal, owner or reason', () => {
    const {emulator, bundle} = world(WEDNESDAY, {
      'Partner Emails': PARTNERS.join(', '),
    });
    const result = tick(bundle);
    expect(result.ran).toContain('partner scorecard');
    const mails = emulator.outbox.filter(m =>
      m.subject.startsWith('Forecast accuracy scorecard'),
    );
    expect(mails.map(m => m.recipients)).toEqual(PARTNERS.map(p => [p]));
    const names = [
      ...records(emulator, 'Deals').flatMap(d => [d['Deal'], d['Owner']]),
      ...records(emulator, 'Grades')
        .map(g => g['Reason'])
        .filter(r => r),
      SAMPLE_PEOPLE.croName,
      SAMPLE_PEOPLE.cfo,
    ].map(String);
    expect(names.length).toBeGreaterThan(10);
    for (const mail of mails) {
      const other = PARTNERS.find(p => p !== mail.recipients[0])!;
      for (const body of [mail.body, mail.htmlBody, mail.subject]) {
        expect(body).not.toContain(other);
        for (const name of names) expect(body).not.toContain(name);
      }
      expect(mail.body).toContain(
        'Quarter Q2 FY27, Commit $33,000,000, Actual $24,100,000, Variance -27%',
      );
      expect(mail.body).toContain('Trust streak: 2 quarters');
      expect(mail.body).toMatch(
        /The gate.*\n.*Monday slip check.*\n.*Friday scorecard/,
      );
    }
    // Once per quarter per partner: the next days send nothing more.
    emulator.ctx.setNow(at4pm('2026-11-26'));
    tick(bundle);
    emulator.ctx.setNow(at4pm('2026-11-27'));
    tick(bundle);
    expect(
      emulator.outbox.filter(m => m.subject.startsWith('Forecast accuracy')),
    ).toHaveLength(2);
    const lines = records(emulator, 'Delivery Log').filter(l =>
      String(l['Chain']).startsWith('Partner scorecard'),
    );
    // Three closed quarters × two partners, each claimed and sent.
    expect(lines.filter(l => l['Status'] === 'sent')).toHaveLength(6);
  });

  it('retries a failed partner email the next day, once it works', () => {
    const {emulator, bundle} = world(WEDNESDAY, {
      'Partner Emails': PARTNERS.join(', '),
    });
    emulator.failNextEmail('Service unavailable: Mail');
    tick(bundle);
    const toPartner = (p: string) =>
      emulator.outbox.filter(m => m.recipients.includes(p));
    expect(toPartner(PARTNERS[0])).toHaveLength(0);
    expect(toPartner(PARTNERS[1])).toHaveLength(1);
    // The same day's rerun waits for tomorrow (at most one attempt a day).
    tick(bundle);
    expect(toPartner(PARTNERS[0])).toHaveLength(0);
    emulator.ctx.setNow(at4pm('2026-11-26'));
    tick(bundle);
    expect(toPartner(PARTNERS[0])).toHaveLength(1);
    expect(toPartner(PARTNERS[1])).toHaveLength(1);
    const statuses = records(emulator, 'Delivery Log')
      .filter(l => l['Recipients'] === PARTNERS[0] && l['Status'] !== 'sending')
      .map(l => l['Status']);
    expect(statuses).toEqual([
      ...Array(3).fill('failed'),
      ...Array(3).fill('sent'),
    ]);
  });

  it('gives up after 7 days of failures and tells the CRO once, naming the partner and the quarters', () => {
    const {emulator, bundle} = world(WEDNESDAY, {
      'Partner Emails': PARTNERS[0],
    });
    emulator.failEmailsTo(PARTNERS[0], 'Mailbox unavailable');
    const days = [25, 26, 27, 28, 29, 30].map(d => `2026-11-${d}`);
    for (const day of [...days, '2026-12-01', '2026-12-02']) {
      emulator.ctx.setNow(at4pm(day));
      tick(bundle);
    }
    expect(
      emulator.outbox.filter(m => m.recipients.includes(PARTNERS[0])),
    ).toHaveLength(0);
    const gaveUp = records(emulator, 'Delivery Log').filter(
      l => l['Status'] === 'gave up',
    );
    expect(gaveUp).toHaveLength(3);
    const toCro = emulator.outbox.filter(
      m =>
        m.recipients.includes(SAMPLE_PEOPLE.cro) &&
        m.subject.includes('partner scorecard'),
    );
    expect(toCro.map(m => m.subject)).toEqual([
      `Trust Rebuild: the partner scorecard did not reach ${PARTNERS[0]}`,
    ]);
    expect(toCro[0].body).toContain(
      `No partner scorecard (Q2 FY27, Q3 FY27, Q4 FY27) reached ${PARTNERS[0]} in 7 days of daily retries since 2026-11-25; the last failure: Mailbox unavailable.`,
    );
    expect(toCro[0].body).toContain(
      `send ${PARTNERS[0]} the scorecard yourself`,
    );
    expect(String(gaveUp[0]['Detail'])).toContain('was emailed');
    // Given up: the next day tries nothing more.
    const partnerLines = () =>
      records(emulator, 'Delivery Log').filter(l =>
        String(l['Chain']).startsWith('Partner scorecard'),
      ).length;
    const logged = partnerLines();
    emulator.ctx.setNow(at4pm('2026-12-03'));
    tick(bundle);
    expect(partnerLines()).toBe(logged);
  });

  it('refuses a quarter whose Actual is in but whose Commit cannot be read, naming the cell, and claims nothing', () => {
    const {emulator, bundle} = world(WEDNESDAY, {
      'Partner Emails': PARTNERS[0],
    });
    const quarters = sheetOf(emulator, 'Quarters').state.values;
    const q4 = quarters.findIndex(r => r[0] === 'Q4 FY27');
    quarters[q4][3] = 'thirty-two million';
    expect(() => tick(bundle)).toThrow(
      `The "Quarters" tab, row ${q4 + 1}: Commit is "thirty-two million", not an amount.`,
    );
    // The installer and the CRO are told, as for any failed step.
    expect(
      emulator.outbox.some(
        m =>
          m.recipients.includes(SAMPLE_PEOPLE.cro) &&
          m.body.includes('Commit is "thirty-two million"'),
      ),
    ).toBe(true);
    expect(
      emulator.outbox.filter(m => m.recipients.includes(PARTNERS[0])),
    ).toHaveLength(0);
    expect(
      records(emulator, 'Delivery Log').filter(l =>
        String(l['Chain']).startsWith('Partner scorecard'),
      ),
    ).toHaveLength(0);
    // Fixed, the next run sends every quarter.
    sheetOf(emulator, 'Quarters').state.values[q4][3] = 32000000;
    emulator.ctx.setNow(at4pm('2026-11-26'));
    tick(bundle);
    const [mail] = emulator.outbox.filter(m =>
      m.recipients.includes(PARTNERS[0]),
    );
    expect(mail.body).toContain('Q4 FY27');
  });

  it('sends nothing to partners before a quarter has its Actual', () => {
    const {emulator, bundle} = world(WEDNESDAY, {
      'Partner Emails': PARTNERS[0],
    });
    for (const row of sheetOf(emulator, 'Quarters').state.values.slice(1))
      row[5] = '';
    tick(bundle);
    expect(
      emulator.outbox.filter(m => m.recipients.includes(PARTNERS[0])),
    ).toHaveLength(0);
  });
});
