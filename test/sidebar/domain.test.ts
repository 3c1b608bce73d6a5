/**
 * The sidebar's pure pieces, shared by the page and the server: the
 * external-blame nudge, the grading rules, row versions, signals by deal and
 * the live scorecard record (which must count as the snapshot counts).
 */
import fc from 'fast-check';
import vm from 'node:vm';
import {
  externalBlame,
  externalBlameNudge,
} from '../../src/domain/external-blame';
import {computeWeekRecord, type WeekInputs} from '../../src/domain/scorecard';
import {
  gradeProblems,
  metricNudge,
  planProblem,
  repeatedPledgeNudge,
  tooManyCommitments,
} from '../../src/domain/sidebar/grades';
import {liveRecord} from '../../src/domain/sidebar/scorecard';
import {
  dealsBySignals,
  savePlayRate,
  savePlayState,
} from '../../src/domain/sidebar/signals';
import type {CommitmentView, SignalView} from '../../src/domain/sidebar/types';
import {rowVersion} from '../../src/domain/sidebar/version';
import {inSpan} from '../../src/domain/sidebar/views';

describe('external blame', () => {
  it.each([
    ['Macro headwinds slowed two deals', ['macro', 'headwinds']],
    ['Macroeconomic uncertainty', ['macro']],
    ['Longer sales cycles in enterprise', ['longer sales cycles']],
    ['sales cycles are lengthening', ['longer sales cycles']],
    ['Customer caution after the layoffs', ['customer caution']],
    ['buyers are cautious', ['customer caution']],
    ['cautious buyers held off', ['customer caution']],
    ['The market is soft', ['market']],
    ['Recession fears', ['the economy']],
    ['Budget freezes at two accounts', ['budget freezes']],
  ])('finds the outside factors in "%s"', (reason, found) => {
    expect(externalBlame(reason)).toEqual(found);
  });

  it.each([
    'Marketing sent too few qualified leads',
    'Our go-to-market motion skipped the champion',
    'Two reps did not update the next step',
    'We committed deals without an economic buyer',
  ])('leaves a reason about our own work alone: "%s"', reason => {
    expect(externalBlame(reason)).toEqual([]);
    expect(externalBlameNudge(reason)).toBe('');
  });

  it('quotes the phrases back and says they are context, never the explanation', () => {
    expect(externalBlameNudge('macro headwinds')).toBe(
      '“macro”, “headwinds”: outside factors are context in one sentence at most, never the explanation. Name what we did or did not do.',
    );
  });
});

describe('grading rules', () => {
  it('asks for 3 to 5 active commitments', () => {
    expect(planProblem(0)).toMatch(/No active commitments/);
    expect(planProblem(2)).toMatch(/only 2 active commitments.*Add 1/);
    expect(planProblem(3)).toBe('');
    expect(planProblem(5)).toBe('');
    expect(planProblem(6)).toMatch(/never more than 5.*Untick Active for 1/);
  });

  it('requires a grade for each and a reason for Yellow and Red, naming the field', () => {
    expect(
      gradeProblems([
        {commitmentId: 'C1', grade: 'Green', reason: '', nextAction: ''},
        {commitmentId: 'C2', grade: 'Yellow', reason: ' ', nextAction: ''},
        {commitmentId: 'C3', grade: '', reason: '', nextAction: ''},
        {
          commitmentId: 'C4',
          grade: 'Red',
          reason: 'Two deals slipped',
          nextAction: '',
        },
      ]).map(p => p.field),
    ).toEqual(['C2.reason', 'C3.grade']);
  });

  it('nudges a next action that repeats last week’s pledge', () => {
    const c = {
      lastWeek: {
        grade: 'Red',
        reason: 'x',
        nextAction: 'Gate review on Tuesday.',
        gradedBy: '',
        gradedAt: '',
      },
    } as Pick<CommitmentView, 'lastWeek'>;
    expect(repeatedPledgeNudge('gate review on Tuesday', c)).toMatch(
      /last week’s pledge/,
    );
    expect(repeatedPledgeNudge('Gate review Monday and Tuesday', c)).toBe('');
    expect(repeatedPledgeNudge('anything', {lastWeek: null})).toBe('');
  });
});

describe('row versions', () => {
  const cell = fc.oneof(
    fc.string(),
    fc.double({noNaN: true}),
    fc.boolean(),
    fc.date({noInvalidDate: true}),
  );

  it('is the same for the same values, whatever realm a Date comes from', () => {
    fc.assert(
      fc.property(fc.array(cell, {maxLength: 12}), row => {
        const copy = row.map(v =>
          v instanceof Date
            ? (vm.runInNewContext(`new Date(${v.getTime()})`) as Date)
            : v,
        );
        expect(rowVersion(copy)).toBe(rowVersion(row));
      }),
    );
  });

  it('changes when any value changes, and tells a number from its text', () => {
    fc.assert(
      fc.property(
        fc.array(cell, {minLength: 1, maxLength: 12}),
        fc.nat(),
        cell,
        (row, at, value) => {
          const i = at % row.length;
          fc.pre(rowVersion([row[i]]) !== rowVersion([value]));
          const changed = [...row];
          changed[i] = value;
          expect(rowVersion(changed)).not.toBe(rowVersion(row));
        },
      ),
    );
    expect(rowVersion([1])).not.toBe(rowVersion(['1']));
    expect(rowVersion(['a', ''])).toBe(rowVersion(['a']));
  });
});

describe('days as instant ranges', () => {
  const span = {
    first: '2026-11-16',
    last: '2026-11-22',
    from: Date.parse('2026-11-16T08:00:00Z'),
    to: Date.parse('2026-11-23T08:00:00Z'),
  };
  it('places a date cell by its instant and typed text by its date', () => {
    expect(inSpan(new Date('2026-11-16T08:00:00Z'), span)).toBe(true);
    expect(inSpan(new Date('2026-11-16T07:59:59Z'), span)).toBe(false);
    expect(inSpan(new Date('2026-11-23T07:59:59Z'), span)).toBe(true);
    expect(inSpan(new Date('2026-11-23T08:00:00Z'), span)).toBe(false);
    expect(inSpan('2026-11-22', span)).toBe(true);
    expect(inSpan('11/23/2026', span)).toBe(false);
    expect(inSpan('', span)).toBe(false);
    expect(inSpan('soon', span)).toBe(false);
  });
});

const signal = (
  row: number,
  dealId: string,
  extra: Partial<SignalView> = {},
): SignalView => ({
  row,
  version: 'v',
  loggedAt: '2026-11-16T17:00:00.000Z',
  dealId,
  signal: 'hedged language',
  source: 'auto',
  note: '',
  savePlay: '',
  savePlayOwner: '',
  executedOn: '',
  outcome: '',
  loggedBy: '',
  withdrawnAt: '',
  ...extra,
});

describe('signals by deal', () => {
  const signals = [
    signal(2, 'D1'),
    signal(3, 'D2', {savePlay: 'Call', executedOn: '2026-11-17T08:00:00.000Z'}),
    signal(4, 'D3'),
    signal(5, 'D2', {savePlay: 'Call'}),
    signal(6, 'D4'),
    signal(7, 'D4'),
  ];
  const deals = [
    {id: 'D1', name: 'Acme', owner: 'Ann', category: 'Commit'},
    {id: 'D2', name: 'Bolt', owner: 'Bo', category: 'Commit'},
    {id: 'D3', name: 'Cora', owner: 'Cy', category: 'Pipeline'},
    {id: 'D4', name: 'Dune', owner: 'Di', category: 'Commit'},
  ];

  it('puts the flagged deals (two or more signals) on top, most open first', () => {
    const rows = dealsBySignals(signals, deals);
    expect(rows.map(r => [r.dealId, r.flagged, r.open])).toEqual([
      ['D4', true, 2],
      ['D2', true, 1],
      ['D1', false, 1],
      ['D3', false, 1],
    ]);
    expect(rows[0].dealName).toBe('Dune');
  });

  it('knows each save-play’s state and the week’s execution rate', () => {
    expect(signals.map(savePlayState)).toEqual([
      'none',
      'executed',
      'none',
      'assigned',
      'none',
      'none',
    ]);
    expect(savePlayRate(signals)).toEqual({
      fired: 6,
      executed: 1,
      assigned: 1,
      rate: 1 / 6,
    });
    expect(savePlayRate([])).toEqual({
      fired: 0,
      executed: 0,
      assigned: 0,
      rate: '',
    });
  });

  it('leaves a withdrawn signal out of every count, and out of the flag', () => {
    const withdrawn = {withdrawnAt: '2026-11-17T09:00:00.000Z'};
    const list = [
      ...signals,
      signal(8, 'D1', withdrawn),
      signal(9, 'D3', {...withdrawn, savePlay: 'Call'}),
    ];
    expect(savePlayState(list[7])).toBe('withdrawn');
    expect(savePlayRate(list)).toEqual(savePlayRate(signals));
    const rows = dealsBySignals(list, deals);
    // D1 and D3 each show two signals but count one: neither is flagged.
    expect(
      rows.map(r => [r.dealId, r.flagged, r.counted, r.signals.length]),
    ).toEqual([
      ['D4', true, 2, 2],
      ['D2', true, 2, 2],
      ['D1', false, 1, 2],
      ['D3', false, 1, 2],
    ]);
  });
});

describe('the live scorecard record', () => {
  it('counts saved grades and signals as the snapshot’s computeWeekRecord does', () => {
    const inputs: WeekInputs = {
      weekEnding: '2026-11-20',
      week: 7,
      forecast: [
        {week: 7, weekEnding: '2026-11-20', committed: 100, closed: 96},
      ],
      commitments: [
        {id: 'C1', commitment: 'Gate', active: true},
        {id: 'C2', commitment: 'Slip call', active: true},
      ],
      grades: [],
      signals: [],
      attendance: [{weekEnding: '2026-11-20', invited: 10, attended: 9}],
      gateCompliance: 0.8,
      varianceTarget: 0.05,
      gateTarget: 1,
    };
    const loaded = computeWeekRecord(inputs);
    const commitments: CommitmentView[] = [
      {
        id: 'C1',
        commitment: 'Gate',
        metric: '',
        target: '',
        owner: '',
        lastWeek: null,
        version: 'a',
        thisWeek: {
          grade: 'Yellow',
          reason: 'Late',
          nextAction: 'Tuesday',
          gradedBy: '',
          gradedAt: '',
        },
      },
      {
        id: 'C2',
        commitment: 'Slip call',
        metric: '',
        target: '',
        owner: '',
        lastWeek: null,
        version: '',
        thisWeek: null,
      },
    ];
    const signals = [
      signal(2, 'D1', {executedOn: '2026-11-18T08:00:00.000Z'}),
      signal(3, 'D1'),
    ];
    const grades = [
      {
        weekEnding: '2026-11-20',
        commitmentId: 'C1',
        grade: 'Yellow' as const,
        reason: 'Late',
        nextAction: 'Tuesday',
      },
    ];
    const expected = computeWeekRecord({
      ...inputs,
      grades,
      signals: [
        {loggedOn: '2026-11-16', executed: true},
        {loggedOn: '2026-11-16', executed: false},
      ],
    });
    expect(liveRecord(loaded, commitments, signals)).toEqual(expected);
    // A withdrawn signal changes nothing; an assigned save-play is counted apart from the rate.
    const more = [
      ...signals,
      signal(4, 'D2', {withdrawnAt: '2026-11-18T08:00:00.000Z'}),
      signal(5, 'D3', {savePlay: 'Call the champion'}),
    ];
    const withAssigned = computeWeekRecord({
      ...inputs,
      grades,
      signals: [
        {loggedOn: '2026-11-16', executed: true},
        {loggedOn: '2026-11-16', executed: false},
        {loggedOn: '2026-11-16', executed: false, assigned: true},
      ],
    });
    expect(withAssigned.savePlaysAssigned).toBe(1);
    expect(liveRecord(loaded, commitments, more)).toEqual(withAssigned);
    // Attendance typed in the sidebar counts as the snapshot counts it.
    expect(
      liveRecord(loaded, commitments, signals, {
        invited: 12,
        attended: 9,
        version: 'v',
      }).attendance,
    ).toBe(0.75);
  });
});

describe('grades against the numbers', () => {
  const thresholds = {
    savePlayThreshold: 0.8,
    attendanceLow: 0.8,
    attendanceHigh: 0.9,
  };
  const record = computeWeekRecord({
    weekEnding: '2026-11-20',
    week: 7,
    forecast: [{week: 7, weekEnding: '2026-11-20', committed: 100, closed: 96}],
    commitments: [],
    grades: [],
    signals: [],
    attendance: [],
    gateCompliance: 0.5,
    varianceTarget: 0.05,
    gateTarget: 1,
  });

  it('nudges a Green on a commitment whose Metric names a number that is Red, with the number', () => {
    const c1 = {metric: 'Gate compliance of Commit deals, Friday'};
    expect(metricNudge(c1, 'Green', record, thresholds)).toBe(
      'Qualification-gate compliance is Red this week: 50% of Commit deals pass the gate (target: at least 100%). A Green grade says otherwise: grade against the number, or say in the reason what it misses.',
    );
    expect(metricNudge(c1, 'Yellow', record, thresholds)).toMatch(
      /is Red this week.*A Yellow grade/,
    );
    expect(metricNudge(c1, 'Red', record, thresholds)).toBe('');
    expect(metricNudge(c1, '', record, thresholds)).toBe('');
  });

  it('says nothing when the grade matches the number, the number has no data, or the Metric names none', () => {
    // Variance 4% against 5%: Green.
    expect(
      metricNudge(
        {metric: 'Weekly forecast variance'},
        'Green',
        record,
        thresholds,
      ),
    ).toBe('');
    // No signal fired: the save-play rate has no colour.
    expect(
      metricNudge(
        {metric: 'Save-play execution rate'},
        'Green',
        record,
        thresholds,
      ),
    ).toBe('');
    expect(
      metricNudge({metric: 'Reviews held'}, 'Green', record, thresholds),
    ).toBe('');
  });

  it('refuses more than 5 active commitments and says how to retire one', () => {
    expect(tooManyCommitments(6)).toBe(
      'Not saved: the plan has 6 active commitments and the playbook allows never more than 5. Retire one: untick Active for it on the Commitments tab, then reload the sidebar and save again.',
    );
  });
});
