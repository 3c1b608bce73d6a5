/**
 * The readiness note through the built bundle: on the day before the
 * Scorecard Day the scheduled run emails the CRO what Friday's snapshot
 * still lacks, and nothing to the CFO; on other days it sends nothing.
 */
import {loadBundle} from '../../emulator/loader';
import {sampleWorkbook, SAMPLE_PEOPLE} from '../../emulator/sample-workbook';
import type {Emulator} from '../../emulator';
import {readinessGaps, readinessNote} from '../../src/domain/readiness';
import type {WeekRecord} from '../../src/domain/scorecard-record';

/** 16:00 in Los Angeles (the Scorecard Hour) on a November 2026 day. */
const at4pm = (day: number) =>
  new Date(`2026-11-${String(day + 1).padStart(2, '0')}T00:00:00Z`);

function world(today: string, now: Date) {
  const emulator = sampleWorkbook({
    today,
    emulator: {
      scriptTimeZone: 'America/New_York',
      // The hours above are Los Angeles hours.
      spreadsheetTimeZone: 'America/Los_Angeles',
      now,
    },
  });
  const bundle = loadBundle(emulator);
  // The run belongs to an installed schedule: it has no open document, only the recorded spreadsheet.
  bundle.call('installSchedule', [], {trigger: 'menu'});
  if (emulator.triggers.triggers.length !== 1)
    throw new Error(`schedule not installed: ${emulator.ui.alerts.at(-1)}`);
  return {emulator, bundle};
}

const tick = (bundle: ReturnType<typeof loadBundle>) =>
  bundle.call('onScheduleTick', [], {trigger: 'time'}) as {
    messages: string[];
  };

function setSetting(emulator: Emulator, name: string, value: string) {
  const settings = emulator.spreadsheet.sheets.find(
    s => s.state.name === 'Settings',
  )!.state.values;
  settings.find(r => r[0] === name)![1] = value;
}

describe('readiness note', () => {
  it("emails the CRO on Thursday what Friday's snapshot still lacks, and nothing to the CFO", () => {
    // Thursday 19 Nov: week 7's Forecast row, attendance and grades are not in yet.
    const {emulator, bundle} = world('2026-11-19', at4pm(19));
    setSetting(emulator, 'CFO Email', '');
    const result = tick(bundle);
    expect(emulator.outbox).toHaveLength(1);
    const [note] = emulator.outbox;
    expect(note.to).toBe(SAMPLE_PEOPLE.cro);
    expect(note.to).not.toContain(SAMPLE_PEOPLE.cfo);
    expect(note.subject).toBe(
      'Scorecard not ready for tomorrow: 4 things missing for week 7',
    );
    expect(note.body).toContain(
      "Tomorrow's snapshot (week 7, ending Fri 20 Nov 2026, at 16:00) still lacks:\n" +
        "- this week's Forecast row: no Committed or Closed for the week ending 2026-11-20\n" +
        '- attendance: no Attendance row with Invited and Attended for the week ending 2026-11-20\n' +
        '- grades for 3 of 3 active commitments: C1 ',
    );
    expect(note.body).toContain(
      '- CFO Email in Settings: the snapshot would be emailed to nobody',
    );
    expect(note.body).toContain('nothing was sent to the CFO');
    expect(result.messages).toEqual([
      `Readiness note sent to ${SAMPLE_PEOPLE.cro}: ${note.subject}.`,
    ]);
    // Nothing was recorded: the note only reads.
    const scorecard = emulator.spreadsheet.sheets.find(
      s => s.state.name === 'Scorecard',
    )!.state.values;
    expect(scorecard).toHaveLength(1);
  });

  it('says the snapshot has everything when the week is complete', () => {
    const record = {
      weekEnding: '2026-11-20',
      week: 7,
      committed: 2_000_000,
      closed: 1_950_000,
      attendance: 0.9,
      commitments: [
        {
          id: 'C1',
          commitment: 'Gate',
          grade: 'Green' as const,
          reason: '',
          nextAction: '',
        },
      ],
    } as WeekRecord;
    const input = {
      week: 7,
      weekEnding: '2026-11-20',
      record,
      weekEndingLabel: 'Fri 20 Nov 2026',
      scorecardHour: 16,
      cfoEmails: ['cfo@example.com'],
      rebuildStart: '2026-10-05',
    };
    expect(readinessGaps(input)).toEqual([]);
    expect(readinessNote(input).subject).toBe(
      'Scorecard ready for tomorrow: week 7 has everything',
    );
    // One Closed missing is named alone; a read that failed is said first.
    expect(
      readinessGaps({
        ...input,
        record: {...record, closed: ''},
        failure: 'Forecast row 9: …',
      }),
    ).toEqual([
      'the snapshot would fail: Forecast row 9: …',
      "Closed in this week's Forecast row (the week ending 2026-11-20)",
    ]);
  });

  it('follows the Scorecard Day, and sends nothing on other days', () => {
    const {emulator, bundle} = world('2026-11-19', at4pm(18));
    tick(bundle); // Wednesday, the Scorecard Day is Friday.
    expect(emulator.outbox).toHaveLength(0);
    setSetting(emulator, 'Scorecard Day', 'Thursday');
    tick(bundle); // Wednesday is now the eve.
    expect(emulator.outbox.map(m => m.to)).toEqual([SAMPLE_PEOPLE.cro]);
  });

  it('says why when there is no CRO Email, and sends nothing', () => {
    const {emulator, bundle} = world('2026-11-19', at4pm(19));
    setSetting(emulator, 'CRO Email', '');
    expect(tick(bundle).messages).toEqual([
      'Readiness note not sent: CRO Email is empty in Settings.',
    ]);
    expect(emulator.outbox).toHaveLength(0);
  });
});
