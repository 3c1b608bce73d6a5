import {
  lostMessage,
  lostRows,
  MAX_LOST,
  mergeLost,
  missingRows,
  parseHead,
  type LostRow,
  type RecordHead,
} from '../../src/domain/record-head';

const head: RecordHead = {rows: 3, chain: 'c3', week: '2026-11-27'};

describe("the record's head", () => {
  it('finds nothing missing while the row it names still ends the record or is followed by later ones', () => {
    expect(missingRows(head, ['c1', 'c2', 'c3'])).toEqual([]);
    expect(missingRows(head, ['c1', 'c2', 'c3', 'c4'])).toEqual([]);
    expect(missingRows({rows: 0, chain: 'genesis', week: ''}, [])).toEqual([]);
  });

  it('names the sheet rows deleted from the end, and the whole tab', () => {
    expect(missingRows(head, ['c1', 'c2'])).toEqual([4]);
    expect(missingRows(head, [])).toEqual([2, 3, 4]);
  });

  it('names its own row when it was replaced (rows deleted, then others added)', () => {
    expect(missingRows(head, ['c1', 'c2', 'x3', 'x4'])).toEqual([4]);
  });

  it('weeks: its own from the head, the others from the Delivery Log, unknown left blank', () => {
    const logged = (row: number) => (row === 2 ? '2026-11-13' : undefined);
    expect(lostRows(head, [2, 3, 4], logged)).toEqual([
      [2, '2026-11-13'],
      [3, ''],
      [4, '2026-11-27'],
    ]);
    expect(
      lostMessage([
        [3, ''],
        [4, '2026-11-27'],
      ]),
    ).toMatch(
      /^2 Scorecard rows were deleted from the end of the record: row 3 \(its week is not in the Delivery Log\) and week ending 2026-11-27 \(row 4\)\./,
    );
  });

  it('keeps earlier evidence once, and reads only a head it wrote', () => {
    expect(
      mergeLost(
        [[4, '2026-11-27']],
        [
          [4, '2026-11-27'],
          [5, ''],
        ],
      ),
    ).toEqual([
      [4, '2026-11-27'],
      [5, ''],
    ]);
    expect(parseHead(JSON.stringify(head))).toEqual(head);
    for (const text of [null, '', 'not json', '{"rows":"3"}'])
      expect(parseHead(text)).toBeUndefined();
  });

  it("keeps the latest MAX_LOST deleted rows, so the head stays far below what a spreadsheet's metadata may hold", () => {
    const rows = (from: number, n: number) =>
      Array.from({length: n}, (_, i): LostRow => [from + i, '2026-11-27']);
    const lost = mergeLost(rows(2, 40), rows(42, 30));
    expect(MAX_LOST).toBe(52);
    expect(lost).toEqual(rows(20, MAX_LOST));
    const head: RecordHead = {
      rows: 9999,
      chain: 'f'.repeat(64),
      week: '2026-11-27',
      lost,
    };
    // The Sheets API guide's 30,000 characters of developer metadata per spreadsheet.
    expect(JSON.stringify(head).length).toBeLessThan(2_000);
  });
});
