/**
 * Issue 11 §4 through the built bundle: a missing or renamed column is
 * refused, naming the tab and the header, never read as blank; a bad cell of
 * a whole tab is named by tab, sheet row, header and value; a broken Deals
 * tab leaves the sidebar's grading alone and shows the problem.
 */
import {loadBundle} from '../../emulator/loader';
import {sampleWorkbook, SAMPLE_PEOPLE} from '../../emulator/sample-workbook';
import type {Emulator} from '../../emulator';
import type {SidebarData} from '../../src/domain/sidebar/types';

/** Monday 23 November 2026, 8 am in Los Angeles. */
const MONDAY = new Date('2026-11-23T16:00:00Z');
/** 5 pm on Friday 20 November 2026 in Los Angeles. */
const FRIDAY_EVENING = new Date('2026-11-21T01:00:00Z');

function world(now: Date) {
  const emulator = sampleWorkbook({
    emulator: {
      scriptTimeZone: 'America/New_York',
      spreadsheetTimeZone: 'America/Los_Angeles',
      user: SAMPLE_PEOPLE.cro,
      now,
    },
  });
  return {emulator, bundle: loadBundle(emulator)};
}

const values = (emulator: Emulator, name: string) =>
  emulator.spreadsheet.sheets.find(s => s.state.name === name)!.state.values;

/** What the sheet holds, copied (to compare before and after). */
const snapshotOf = (emulator: Emulator, name: string) =>
  JSON.stringify(values(emulator, name));

function renameHeader(
  emulator: Emulator,
  tab: string,
  from: string,
  to: string,
) {
  const header = values(emulator, tab)[0];
  const at = header.indexOf(from);
  if (at < 0) throw new Error(`no ${from} on ${tab}`);
  header[at] = to;
}

function column(emulator: Emulator, tab: string, header: string): number {
  const at = values(emulator, tab)[0].indexOf(header);
  if (at < 0) throw new Error(`no ${header} on ${tab}`);
  return at;
}

/** Sheet row (1-based) of the first Commit deal. */
function firstCommitRow(emulator: Emulator): number {
  const category = column(emulator, 'Deals', 'Forecast Category');
  return values(emulator, 'Deals').findIndex(r => r[category] === 'Commit') + 1;
}

const errorOf = (run: () => unknown): string => {
  try {
    run();
  } catch (err) {
    return (err as Error).message;
  }
  throw new Error('expected a refusal, got none');
};

describe('the slip check refuses a renamed column, as SLIP_SIGNALS does', () => {
  it.each(['Close Date', 'Last Champion Reply'])(
    'renamed %s: refused naming the tab and the header, nothing logged',
    header => {
      const {emulator, bundle} = world(MONDAY);
      renameHeader(emulator, 'Deals', header, `${header} (old)`);
      const before = ['Signals', 'Deal History'].map(t =>
        snapshotOf(emulator, t),
      );
      const message = errorOf(() =>
        bundle.call('runSlipCheck', [], {trigger: 'menu'}),
      );
      expect(message).toContain('"Deals" tab');
      expect(message).toContain(`"${header}"`);
      expect(
        ['Signals', 'Deal History'].map(t => snapshotOf(emulator, t)),
      ).toEqual(before);

      // The custom function over the same table refuses the same column.
      const deals = values(emulator, 'Deals');
      expect(
        errorOf(() =>
          bundle.call('SLIP_SIGNALS', [deals], {authMode: 'CUSTOM_FUNCTION'}),
        ),
      ).toContain(`"${header}"`);
    },
  );

  it('from the menu: the alert names the tab and the header', () => {
    const {emulator, bundle} = world(MONDAY);
    renameHeader(emulator, 'Deals', 'Close Date', 'Expected close (old)');
    const before = snapshotOf(emulator, 'Signals');
    bundle.call('runSlipCheckFromMenu', [], {trigger: 'menu'});
    const alert = JSON.stringify(emulator.ui.alerts);
    expect(alert).toContain('Slip check not run');
    expect(alert).toMatch(/\\"Deals\\" tab has no \\"Close Date\\" header/);
    expect(snapshotOf(emulator, 'Signals')).toBe(before);
  });

  it('from the Monday trigger: the failure names the tab and the header, nothing logged', () => {
    const {emulator, bundle} = world(MONDAY);
    bundle.call('installSchedule', [], {trigger: 'menu'});
    renameHeader(emulator, 'Deals', 'Last Champion Reply', 'Champion (old)');
    const before = snapshotOf(emulator, 'Signals');
    const firings = bundle.fireDueTriggers(new Date('2026-11-24T01:00:00Z'));
    expect(firings).toHaveLength(1);
    expect((firings[0].error as Error).message).toMatch(
      /"Deals" tab has no "Last Champion Reply" header/,
    );
    expect(snapshotOf(emulator, 'Signals')).toBe(before);
  });
});

describe('Commitments Active is required everywhere', () => {
  it('renamed Active: the sidebar and the snapshot refuse, naming the tab and the header', () => {
    const {emulator, bundle} = world(FRIDAY_EVENING);
    renameHeader(emulator, 'Commitments', 'Active', 'Active (old)');
    const scorecard = snapshotOf(emulator, 'Scorecard');
    for (const name of ['loadSidebar', 'snapshotWeek']) {
      const message = errorOf(() =>
        bundle.call(name, [], {trigger: 'sidebar'}),
      );
      expect(message).toMatch(/"Commitments" tab has no "Active" header/);
    }
    expect(snapshotOf(emulator, 'Scorecard')).toBe(scorecard);
  });

  it('renamed Active: the readiness note on the eve says the snapshot would fail, and why', () => {
    // Thursday 19 November 2026, 16:00 in Los Angeles: the eve of the Scorecard Day.
    const {emulator, bundle} = world(new Date('2026-11-20T00:00:00Z'));
    bundle.call('installSchedule', [], {trigger: 'menu'});
    renameHeader(emulator, 'Commitments', 'Active', 'Retired?');
    bundle.call('onScheduleTick', [], {trigger: 'time'});
    const note = emulator.outbox.find(m => m.to === SAMPLE_PEOPLE.cro)!;
    expect(note.body).toMatch(
      /the snapshot would fail: The "Commitments" tab has no "Active" header/,
    );
  });
});

describe('the snapshot: which columns are required, which may be absent', () => {
  // Forecast, Commitments, Grades, Signals and Attendance are read whole: a
  // column read as blank would change the record (a retired commitment graded
  // again, a withdrawn signal counted) or drop what it shows without a word.
  it.each([
    ['Forecast', 'Week'],
    ['Forecast', 'Week Ending'],
    ['Forecast', 'Committed'],
    ['Commitments', 'Active'],
    ['Commitments', 'Metric'],
    ['Grades', 'Reason'],
    ['Grades', 'Next Action'],
    ['Grades', 'Graded By'],
    ['Signals', 'Save Play'],
    ['Signals', 'Save Play Executed On'],
    ['Signals', 'Withdrawn At'],
    ['Signals', 'Outcome'],
    ['Attendance', 'Invited'],
  ])('renamed %s %s: refused, naming the tab and the header', (tab, header) => {
    const {emulator, bundle} = world(FRIDAY_EVENING);
    renameHeader(emulator, tab, header, `${header} (old)`);
    expect(
      errorOf(() => bundle.call('snapshotWeek', [], {trigger: 'sidebar'})),
    ).toContain(`The "${tab}" tab has no "${header}" header in row 1`);
    expect(values(emulator, 'Scorecard')).toHaveLength(1);
  });

  // Deals is a CRM paste: the snapshot needs only the gate's columns of it.
  it.each([['Amount'], ['Close Date'], ['Notes'], ['Deal ID']])(
    'renamed Deals %s: the same record',
    header => {
      const record = (rename: boolean) => {
        const {emulator, bundle} = world(FRIDAY_EVENING);
        if (rename) renameHeader(emulator, 'Deals', header, `${header} (old)`);
        bundle.call('snapshotWeek', [], {trigger: 'sidebar'});
        const [head, row] = values(emulator, 'Scorecard');
        // Everything but when and the chain, which differ run to run.
        return head
          .map((h, i) => [h, row[i]])
          .filter(
            ([h]) =>
              !['Snapshot At', 'Chain', 'Grades Data'].includes(String(h)),
          );
      };
      expect(record(true)).toEqual(record(false));
    },
  );
});

describe('a broken Deals tab names itself and does not stop grading', () => {
  it.each(['Forecast Category', 'EB Confirmed On'])(
    'renamed %s: the sidebar loads every view and shows the problem; the snapshot refuses',
    header => {
      const {emulator, bundle} = world(FRIDAY_EVENING);
      renameHeader(emulator, 'Deals', header, `${header} (old)`);
      const data = bundle.call('loadSidebar', [], {
        trigger: 'sidebar',
      }) as SidebarData;
      expect(data.plan.commitments.length).toBeGreaterThanOrEqual(3);
      expect(data.signals.length).toBeGreaterThan(0);
      expect(data.scorecard.record.commitments.length).toBe(
        data.plan.commitments.length,
      );
      expect(data.dealsProblem).toMatch(
        new RegExp(`"Deals" tab has no "${header}" header`),
      );
      expect(data.dealsProblem).not.toMatch(/GATE_COMPLIANCE/);
      // The gate number is not made up from what could be read.
      expect(data.scorecard.record.gateCompliance).toBe('');

      const scorecard = snapshotOf(emulator, 'Scorecard');
      const message = errorOf(() =>
        bundle.call('snapshotWeek', [], {trigger: 'sidebar'}),
      );
      expect(message).toMatch(
        new RegExp(`"Deals" tab has no "${header}" header`),
      );
      expect(message).not.toMatch(/GATE_COMPLIANCE/);
      expect(snapshotOf(emulator, 'Scorecard')).toBe(scorecard);
    },
  );

  it('grades can still be saved while the Deals tab is broken', () => {
    const {emulator, bundle} = world(FRIDAY_EVENING);
    renameHeader(emulator, 'Deals', 'Forecast Category', 'Category (old)');
    const data = bundle.call('loadSidebar', [], {
      trigger: 'sidebar',
    }) as SidebarData;
    const saved = bundle.call(
      'saveGrades',
      [
        {
          weekEnding: data.weekEnding,
          grades: data.plan.commitments.map(c => ({
            commitmentId: c.id,
            grade: 'Green',
            reason: '',
            nextAction: 'Keep going',
            version: c.version,
          })),
        },
      ],
      {trigger: 'sidebar'},
    ) as {ok: boolean};
    expect(saved.ok).toBe(true);
  });
});

describe('every bulk error names the tab, the sheet row, the header and the value', () => {
  it('the slip check over 5,000 deals with TBD in one Next Step Due', () => {
    const {emulator, bundle} = world(MONDAY);
    const [header, ...sample] = values(emulator, 'Deals');
    const id = header.indexOf('Deal ID');
    const rows = Array.from({length: 5000}, (_, i) => {
      const row = [...sample[i % sample.length]];
      row[id] = `D-${i + 1}`;
      return row;
    });
    // A Commit deal: the check reads Commit deals only, as FLAGGED_DEALS does.
    const category = header.indexOf('Forecast Category');
    rows[4210] = [...sample.find(r => r[category] === 'Commit')!];
    rows[4210][id] = 'D-4211';
    rows[4210][header.indexOf('Next Step Due')] = 'TBD';
    // The same in a closed deal is not read, so refuses nothing.
    rows[99] = [...sample.find(r => r[category] === 'Closed Won')!];
    rows[99][id] = 'D-100';
    rows[99][header.indexOf('Next Step Due')] = 'TBD';
    emulator.run({}, () => {
      const sheet = emulator.spreadsheet.exposed().getSheetByName('Deals')!;
      sheet.insertRowsAfter(sheet.getMaxRows(), 5000);
      sheet.getRange(2, 1, 5000, header.length).setValues(rows);
    });
    const before = snapshotOf(emulator, 'Signals');
    const message = errorOf(() =>
      bundle.call('runSlipCheck', [], {trigger: 'menu'}),
    );
    expect(message).toMatch(/"Deals" tab/);
    expect(message).toMatch(/\brow 4212\b/);
    expect(message).toContain('Next Step Due');
    expect(message).toContain('"TBD"');
    expect(snapshotOf(emulator, 'Signals')).toBe(before);
  });

  it('the snapshot and the sidebar with TBD in a Commit deal’s EB Confirmed On', () => {
    const {emulator, bundle} = world(FRIDAY_EVENING);
    const row = firstCommitRow(emulator);
    values(emulator, 'Deals')[row - 1][
      column(emulator, 'Deals', 'EB Confirmed On')
    ] = 'TBD';
    const pattern = new RegExp(
      `"Deals" tab, row ${row}\\b.*EB Confirmed On is "TBD"`,
    );
    const message = errorOf(() =>
      bundle.call('snapshotWeek', [], {trigger: 'sidebar'}),
    );
    expect(message).toMatch(pattern);
    expect(message).not.toMatch(/GATE_COMPLIANCE/);
    const data = bundle.call('loadSidebar', [], {
      trigger: 'sidebar',
    }) as SidebarData;
    expect(data.dealsProblem).toMatch(pattern);
  });

  it('the snapshot with an amount that reads two ways in this week’s Forecast row', () => {
    const {emulator, bundle} = world(FRIDAY_EVENING);
    const forecast = values(emulator, 'Forecast');
    const week = column(emulator, 'Forecast', 'Week');
    const row = forecast.findIndex(r => r[week] === 7) + 1;
    forecast[row - 1][column(emulator, 'Forecast', 'Committed')] = 'n/a';
    expect(
      errorOf(() => bundle.call('snapshotWeek', [], {trigger: 'sidebar'})),
    ).toMatch(new RegExp(`"Forecast" tab, row ${row}\\b.*Committed is "n/a"`));
  });
});
