/**
 * Snapshot this week now, on purpose (issue 11 §5), through the built bundle:
 * before the week's scheduled time (Friday 16:00 in the sample's Los Angeles
 * zone; the sample's clock reads 15:00) the snapshot asks first, shows what
 * will go out and what is missing, writes nothing until confirmed, and a
 * confirmation of data that changed since is refused; after that time it
 * runs at once. The sidebar's record status says when and to whom.
 */
import {records, sidebarWorld, type SidebarWorld} from '../sidebar/world';
import {SAMPLE_PEOPLE} from '../../emulator/sample-workbook';
import type {SnapshotPreview} from '../../src/domain/snapshot-confirm';
import type {WeekRecordStatus} from '../../src/domain/week-status';

type Outcome = {status: string; message: string; preview?: SnapshotPreview};

/** 16:05 on Friday 20 November 2026 in Los Angeles (UTC−8): past the Scorecard Hour. */
const AFTER_HOUR = new Date('2026-11-21T00:05:00Z');

function everything(world: SidebarWorld) {
  const {emulator} = world;
  return JSON.stringify({
    tabs: emulator.spreadsheet.sheets.map(s => [
      s.state.name,
      s.state.values,
      s.state.protections,
    ]),
    outbox: emulator.outbox.length,
    writes: emulator.ctx.writes.length,
  });
}

/** Sets one cell of a tab, found by header and a row's first cell, as a person would. */
function setCell(
  world: SidebarWorld,
  tab: string,
  header: string,
  row: number,
  value: unknown,
) {
  world.emulator.run({}, () => {
    const sheet = world.emulator.spreadsheet.exposed().getSheetByName(tab)!;
    const head = sheet.getDataRange().getValues()[0];
    sheet.getRange(row, head.indexOf(header) + 1).setValue(value);
  });
}

function attendance(world: SidebarWorld, invited: number, attended: number) {
  const result = world.call<{ok: boolean}>('recordAttendance', {
    weekEnding: '2026-11-20',
    invited,
    attended,
    version: world.load().attendance.version,
  });
  expect(result.ok).toBe(true);
}

describe('Snapshot this week now before the scheduled time', () => {
  it('previews what will go out, as the CFO email builds it, and writes nothing', () => {
    const world = sidebarWorld();
    const before = everything(world);
    const preview = world.call<SnapshotPreview>('previewSnapshot');
    expect(everything(world)).toBe(before);
    expect(preview).toMatchObject({
      week: 7,
      weekEnding: '2026-11-20',
      status: 'recorded',
      needsConfirmation: true,
      recipients: [SAMPLE_PEOPLE.cfo],
      scheduledFor: 'Fri 20 Nov 2026 at 16:00 (America/Los_Angeles)',
    });
    expect(preview.subject).toBe(
      'Rebuild scorecard, week 7 ending Fri 20 Nov 2026: beat commit by 4.5% against a 5% target (on target)',
    );
    expect(preview.view.numbers.map(n => n.badge.label)).toEqual([
      'GREEN',
      'RED',
      'GREEN',
      'YELLOW',
      '—',
    ]);
    // Nothing graded and no attendance yet this week: both said, by commitment.
    expect(preview.warnings).toEqual([
      'attendance: no Attendance row with Invited and Attended for the week ending 2026-11-20',
      expect.stringMatching(/^grades for 3 of 3 active commitments: C1 "/),
    ]);
    expect(preview.fingerprint).toMatch(/^[0-9a-f]{64}$/);
  });

  it('warns about a missing Forecast row for the week', () => {
    const world = sidebarWorld();
    const forecast = records(world.tab('Forecast'));
    const week7 = forecast.find(r => r['Week'] === 7)!;
    setCell(world, 'Forecast', 'Committed', week7.row, '');
    setCell(world, 'Forecast', 'Closed', week7.row, '');
    const preview = world.call<SnapshotPreview>('previewSnapshot');
    expect(preview.warnings[0]).toBe(
      "this week's Forecast row: no Committed or Closed for the week ending 2026-11-20",
    );
    expect(preview.subject).toMatch(
      /week 7 ending Fri 20 Nov 2026: no forecast row$/,
    );
  });

  it('refuses a snapshot without confirmation: nothing recorded or sent, the preview comes back', () => {
    const world = sidebarWorld();
    const before = everything(world);
    const outcome = world.call<Outcome>('snapshotWeek');
    expect(outcome.status).toBe('confirm');
    expect(outcome.message).toBe(
      'Before the scheduled snapshot (Fri 20 Nov 2026 at 16:00 (America/Los_Angeles)), confirm what goes to the CFO. Nothing was recorded or sent.',
    );
    expect(outcome.preview!.fingerprint).toBe(
      world.call<SnapshotPreview>('previewSnapshot').fingerprint,
    );
    expect(everything(world)).toBe(before);
  });

  it('takes it with the fingerprint of what was previewed', () => {
    const world = sidebarWorld();
    const {fingerprint} = world.call<SnapshotPreview>('previewSnapshot');
    const outcome = world.call<Outcome>('snapshotWeek', {fingerprint});
    expect(outcome.status).toBe('recorded');
    expect(records(world.tab('Scorecard'))).toHaveLength(1);
    expect(world.emulator.outbox.map(m => m.to)).toEqual([SAMPLE_PEOPLE.cfo]);
  });

  it('refuses a confirmation of data that changed since, and shows the new preview', () => {
    const world = sidebarWorld();
    const seen = world.call<SnapshotPreview>('previewSnapshot');
    attendance(world, 12, 11);
    const before = everything(world);
    const outcome = world.call<Outcome>('snapshotWeek', {
      fingerprint: seen.fingerprint,
    });
    expect(outcome.status).toBe('confirm');
    expect(outcome.message).toMatch(
      /^Week 7 changed since you looked at it\. Nothing was recorded or sent: check it again\.$/,
    );
    expect(everything(world)).toBe(before);
    const fresh = outcome.preview!;
    expect(fresh.fingerprint).not.toBe(seen.fingerprint);
    expect(fresh.warnings.some(w => /attendance/.test(w))).toBe(false);
    expect(fresh.view.numbers[4].says).toBe('92% of those invited attended');
    expect(
      world.call<Outcome>('snapshotWeek', {fingerprint: fresh.fingerprint})
        .status,
    ).toBe('recorded');
  });

  it('refuses a confirmation of other recipients: the CFO Email changed', () => {
    const world = sidebarWorld();
    const seen = world.call<SnapshotPreview>('previewSnapshot');
    const settings = records(world.tab('Settings'));
    const cfo = settings.find(r => r['Setting'] === 'CFO Email')!;
    setCell(world, 'Settings', 'Value', cfo.row, 'someone@else.example');
    const outcome = world.call<Outcome>('snapshotWeek', {
      fingerprint: seen.fingerprint,
    });
    expect(outcome.status).toBe('confirm');
    expect(outcome.preview!.recipients).toEqual(['someone@else.example']);
    expect(world.emulator.outbox).toHaveLength(0);
  });

  it.each([
    [{fingerprint: 'abc'}, /Fingerprint is not the fingerprint of a preview/],
    ['yes', /The request must be \{fingerprint\} from the preview/],
    [{fingerprint: 7}, /Fingerprint must be the fingerprint of the preview/],
  ])(
    'refuses a malformed confirmation %j by name, writing nothing',
    (bad, why) => {
      const world = sidebarWorld();
      const before = everything(world);
      expect(() => world.call('snapshotWeek', bad)).toThrow(why);
      expect(everything(world)).toBe(before);
    },
  );

  it('asks in the menu with Yes/No: No records and sends nothing and says nothing more', () => {
    const world = sidebarWorld();
    const before = everything(world);
    world.emulator.ui.replies.push({button: 'NO'});
    world.bundle.call('snapshotWeekFromMenu', [], {trigger: 'menu'});
    expect(everything(world)).toBe(before);
    const [question] = world.emulator.ui.alerts;
    expect(world.emulator.ui.alerts).toHaveLength(1);
    expect(question).toMatch(/^Email week 7 to the CFO now\?\n\n/);
    expect(question).toMatch(
      /The scheduled snapshot of this week runs Fri 20 Nov 2026 at 16:00 \(America\/Los_Angeles\)\. Taking it now records week 7 in the locked Scorecard and emails it to cfo@example\.com\./,
    );
    expect(question).toMatch(/Still missing:\n- attendance: /);
    // The CFO email's own plain-text body, as the CFO will read it.
    expect(question).toMatch(
      /What the CFO will read:\nSubject: Rebuild scorecard, week 7 ending Fri 20 Nov 2026: .*\n\nRebuild scorecard — week 7, ending Fri 20 Nov 2026\nCRO: Dana Reyes\. Committed \$2,120,000 at the start of the week; closed \$2,215,000 by Friday\./,
    );
    expect(question).toMatch(
      /Yes: record and send it now\. No: nothing is recorded or sent\.$/,
    );
  });

  it('closing the question is a No', () => {
    const world = sidebarWorld();
    world.emulator.ui.replies.push({button: 'CLOSE'});
    world.bundle.call('snapshotWeekFromMenu', [], {trigger: 'menu'});
    expect(records(world.tab('Scorecard'))).toHaveLength(0);
    expect(world.emulator.outbox).toHaveLength(0);
  });

  it('Yes in the menu records and emails, then says so', () => {
    const world = sidebarWorld();
    world.emulator.ui.replies.push({button: 'YES'});
    world.bundle.call('snapshotWeekFromMenu', [], {trigger: 'menu'});
    expect(world.emulator.ui.alerts).toHaveLength(2);
    expect(world.emulator.ui.alerts[1]).toMatch(/^Week 7 recorded\n\n/);
    expect(world.emulator.outbox).toHaveLength(1);
  });

  it('shows markup in user text as the text it is in the question', () => {
    const world = sidebarWorld();
    const xss = '<img src=x onerror=alert(1)>';
    setCell(world, 'Commitments', 'Commitment', 2, xss);
    world.emulator.ui.replies.push({button: 'NO'});
    world.bundle.call('snapshotWeekFromMenu', [], {trigger: 'menu'});
    // ui.alert shows plain text: the title arrives whole, unescaped and unrendered.
    expect(world.emulator.ui.alerts[0]).toContain(`C1 "${xss}"`);
    const preview = world.call<SnapshotPreview>('previewSnapshot');
    expect(preview.view.commitments[0].commitment).toBe(xss);
  });
});

describe('when no confirmation is needed', () => {
  it('takes the snapshot at once, from the sidebar and the menu', () => {
    const world = sidebarWorld({emulator: {now: AFTER_HOUR}});
    expect(
      world.call<SnapshotPreview>('previewSnapshot').needsConfirmation,
    ).toBe(false);
    expect(world.call<Outcome>('snapshotWeek').status).toBe('recorded');
    attendance(world, 12, 11);
    world.bundle.call('snapshotWeekFromMenu', [], {trigger: 'menu'});
    expect(world.emulator.ui.alerts).toHaveLength(1);
    expect(world.emulator.ui.alerts[0]).toMatch(/^Week 7 amended\n\n/);
  });

  it('an amendment before the time does not ask: it is recorded, and its corrections wait for the scheduled run', () => {
    const world = sidebarWorld();
    const {fingerprint} = world.call<SnapshotPreview>('previewSnapshot');
    world.call('snapshotWeek', {fingerprint});
    attendance(world, 12, 11);
    const preview = world.call<SnapshotPreview>('previewSnapshot');
    expect([preview.status, preview.needsConfirmation]).toEqual([
      'amended',
      false,
    ]);
    expect(preview.view.corrections).toEqual(['Attendance: (blank) → 92%']);
    expect(world.call<Outcome>('snapshotWeek').status).toBe('amended');
    expect(world.emulator.outbox).toHaveLength(1);
    const rows = world.call<WeekRecordStatus>('weekRecordStatus').rows;
    expect(rows.map(r => [r.amends, r.delivery.status])).toEqual([
      ['', 'sent'],
      [2, 'pending'],
    ]);
  });

  it('an unchanged week needs no confirmation before the time either: nothing would be recorded', () => {
    const world = sidebarWorld();
    const {fingerprint} = world.call<SnapshotPreview>('previewSnapshot');
    world.call('snapshotWeek', {fingerprint});
    const again = world.call<SnapshotPreview>('previewSnapshot');
    expect([again.status, again.needsConfirmation]).toEqual([
      'unchanged',
      false,
    ]);
    expect(world.call<Outcome>('snapshotWeek').status).toBe('unchanged');
  });
});

describe('the week’s record status', () => {
  it('says not recorded yet, then recorded when, by whom and emailed to whom', () => {
    const world = sidebarWorld();
    const before = everything(world);
    const empty = world.call<WeekRecordStatus>('weekRecordStatus');
    expect(everything(world)).toBe(before);
    expect(empty).toEqual({
      week: 7,
      weekEnding: '2026-11-20',
      scheduledFor: 'Fri 20 Nov 2026 at 16:00 (America/Los_Angeles)',
      due: false,
      rows: [],
    });
    const {fingerprint} = world.call<SnapshotPreview>('previewSnapshot');
    world.call('snapshotWeek', {fingerprint});
    const status = world.call<WeekRecordStatus>('weekRecordStatus');
    // 15:00 in Los Angeles is 23:00 UTC.
    expect(status.rows).toEqual([
      {
        row: 2,
        amends: '',
        recordedAt: '2026-11-20T23:00:00.000Z',
        recordedBy: SAMPLE_PEOPLE.cro,
        delivery: {
          status: 'sent',
          at: '2026-11-20T23:00:00.000Z',
          to: SAMPLE_PEOPLE.cfo,
          why: '',
        },
      },
    ]);
  });

  it('says when and why a delivery failed', () => {
    const world = sidebarWorld({emulator: {now: AFTER_HOUR}});
    world.emulator.failNextEmail('Service unavailable: Gmail');
    world.call('snapshotWeek');
    const [row] = world.call<WeekRecordStatus>('weekRecordStatus').rows;
    expect(row.delivery).toMatchObject({
      status: 'failed',
      at: '2026-11-21T00:05:00.000Z',
      why: expect.stringMatching(/Service unavailable: Gmail/),
    });
  });
});

describe('an invalid CFO Email', () => {
  it('is a warning in the preview, not a refusal: the snapshot records the week and logs the failure', () => {
    const world = sidebarWorld();
    const settings = records(world.tab('Settings'));
    const cfo = settings.find(r => r['Setting'] === 'CFO Email')!;
    setCell(world, 'Settings', 'Value', cfo.row, 'cfo@acme');
    const preview = world.call<SnapshotPreview>('previewSnapshot');
    expect(preview.warnings.at(-1)).toMatch(/CFO Email/);
    const outcome = world.call<Outcome>('snapshotWeek', {
      fingerprint: preview.fingerprint,
    });
    expect(outcome.status).toBe('recorded');
    expect(world.emulator.outbox).toHaveLength(0);
    const [row] = world.call<WeekRecordStatus>('weekRecordStatus').rows;
    expect(row.delivery.status).toBe('failed');
  });
});

describe('who may be asked', () => {
  it('tells someone who is not a keeper so before asking anything', () => {
    const world = sidebarWorld();
    world.bundle.call('snapshotWeekFromMenu', [], {
      trigger: 'menu',
      user: 'rep@example.com',
    });
    expect(world.emulator.ui.alerts).toHaveLength(1);
    expect(world.emulator.ui.alerts[0]).toMatch(
      /^Snapshot not taken\n\nrep@example\.com cannot take the snapshot: only the keepers of the record/,
    );
    expect(records(world.tab('Scorecard'))).toHaveLength(0);
  });
});
