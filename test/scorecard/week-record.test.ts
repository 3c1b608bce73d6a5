import {moneyFormat} from '../../src/domain/money';
import {
  commitmentGradesText,
  computeWeekRecord,
  describeChanges,
  gradesData,
  readGradesData,
  recordFromValues,
  recordValues,
  type WeekInputs,
} from '../../src/domain/scorecard';

const inputs: WeekInputs = {
  weekEnding: '2026-11-20',
  week: 7,
  forecast: [
    {week: 6, weekEnding: '2026-11-13', committed: 1_000_000, closed: 950_000},
    {
      week: 7,
      weekEnding: '2026-11-20',
      committed: 2_000_000,
      closed: 1_860_000,
    },
  ],
  commitments: [
    {id: 'C1', commitment: 'Gate every commit', active: true},
    {id: 'C2', commitment: 'Slip call', active: true},
    {id: 'C3', commitment: 'Old plan item', active: false},
  ],
  grades: [
    {
      weekEnding: '2026-11-13',
      commitmentId: 'C1',
      grade: 'Red',
      reason: 'x',
      nextAction: 'y',
    },
    {
      weekEnding: '2026-11-20',
      commitmentId: 'C1',
      grade: 'Green',
      reason: '',
      nextAction: 'Audit',
    },
    {
      weekEnding: '2026-11-20',
      commitmentId: 'C2',
      grade: 'Yellow',
      reason: 'Short',
      nextAction: 'Longer',
    },
    {
      weekEnding: '2026-11-20',
      commitmentId: 'C3',
      grade: 'Red',
      reason: 'inactive',
      nextAction: '',
    },
  ],
  signals: [
    {loggedOn: '2026-11-16', executed: true},
    {loggedOn: '2026-11-22', executed: false},
    {loggedOn: '2026-11-23', executed: false},
    {loggedOn: '2026-11-10', executed: false},
    {loggedOn: '2026-11-15', executed: false},
  ],
  attendance: [{weekEnding: '2026-11-20', invited: 12, attended: 11}],
  gateCompliance: 0.9,
  varianceTarget: 0.05,
  gateTarget: 1,
};

describe('the week record', () => {
  const record = computeWeekRecord(inputs);

  it('takes committed and closed from the week ending row and computes the variance', () => {
    expect(record.committed).toBe(2_000_000);
    expect(record.closed).toBe(1_860_000);
    expect(record.variance).toBeCloseTo(0.07, 10);
  });

  it('counts signals logged Monday to Sunday of the week, and of the week before', () => {
    expect(record.signalsFired).toBe(2);
    expect(record.signalsPriorWeek).toBe(2);
    expect(record.savePlaysExecuted).toBe(1);
    expect(record.savePlayRate).toBe(0.5);
  });

  it("grades only the active commitments, with this week's grades", () => {
    expect(record.commitments.map(c => [c.id, c.grade])).toEqual([
      ['C1', 'Green'],
      ['C2', 'Yellow'],
    ]);
    expect([record.green, record.yellow, record.red]).toEqual([1, 1, 0]);
    expect(commitmentGradesText(record.commitments)).toBe(
      'C1 (Gate every commit): Green → Audit\nC2 (Slip call): Yellow — Short → Longer',
    );
    // The grades as data read back exactly; the display text is never read.
    expect(readGradesData(gradesData(record.commitments))).toEqual(
      record.commitments,
    );
  });

  it('computes attendance as attended ÷ invited', () => {
    expect(record.attendance).toBeCloseTo(11 / 12, 10);
  });

  it('leaves blank what the week has no data for', () => {
    const empty = computeWeekRecord({
      ...inputs,
      forecast: [],
      signals: [],
      attendance: [],
    });
    expect(empty.variance).toBe('');
    expect(empty.savePlayRate).toBe('');
    expect(empty.attendance).toBe('');
  });

  it('reads a recorded row back as the record it was written from', () => {
    const values = recordValues({...record, croName: 'Dana Reyes'});
    const back = recordFromValues(record.weekEnding, values);
    expect(back.commitments).toEqual(record.commitments);
    expect(back.croName).toBe('Dana Reyes');
    expect(back.recordedGradesText).toBeUndefined();
    expect(describeChanges(back, record)).toEqual([]);
  });

  it('refuses Grades Data that is not what the add-on writes', () => {
    for (const text of ['C1 (x): Green', '[["C1","x","Purple","",""]]', '[1]'])
      expect(() => readGradesData(text)).toThrow(
        /^Grades Data is not the list of grades this add-on records/,
      );
  });

  it('describes what changed in plain words, per commitment and per number, and nothing when nothing did', () => {
    expect(describeChanges(record, record)).toEqual([]);
    const later = computeWeekRecord({
      ...inputs,
      forecast: [
        {
          week: 7,
          weekEnding: '2026-11-20',
          committed: 2_000_000,
          closed: 1_900_000,
        },
      ],
      commitments: [
        ...inputs.commitments.slice(0, 2),
        {id: 'C3', commitment: 'Old plan item', active: true},
      ],
      grades: inputs.grades.map(g =>
        g.weekEnding === '2026-11-20' && g.commitmentId === 'C2'
          ? {...g, grade: 'Green', reason: 'Back on track'}
          : g,
      ),
    });
    expect(describeChanges(record, later)).toEqual([
      'C2: Yellow → Green, reason edited',
      'C3: added, Red',
      'Closed: $1,860,000 → $1,900,000',
      'Forecast Variance: 7% → 5%',
    ]);
    expect(describeChanges(later, record)).toContain('C3: no longer active');
    // The change reads in the Currency, the spreadsheet locale's way.
    expect(describeChanges(record, later, moneyFormat('de_DE'))[2]).toBe(
      'Closed: 1.860.000 € → 1.900.000 €',
    );
  });

  it('compares a row recorded before grades were data by its text as written', () => {
    const legacy = {
      ...record,
      commitments: [],
      recordedGradesText: commitmentGradesText(record.commitments),
    };
    expect(describeChanges(legacy, record)).toEqual([]);
    expect(
      describeChanges({...legacy, recordedGradesText: 'C1 (x): Red'}, record),
    ).toEqual(['Commitment grades: changed']);
  });
});
