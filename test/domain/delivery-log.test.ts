/**
 * The Delivery Log read as data (src/domain/delivery-log.ts): what became of
 * a row's email by its chain value, and what a run owes the CFO now.
 */
import {
  deliveryLine,
  deliveryOf,
  dueDeliveries,
  type DeliveryLine,
  type RecordedRow,
} from '../../src/domain/delivery-log';

/** Midnight of a Friday in UTC: the zone of these tests. */
const FRIDAY = new Date('2026-11-20T00:00:00Z');
const at = (iso: string) => new Date(iso);
const localDate = (d: Date) => d.toISOString().slice(0, 10);

const row = (
  rowNumber: number,
  chain: string,
  weekEndingCell = FRIDAY,
): RecordedRow => ({
  rowNumber,
  weekEndingCell,
  weekEnding: localDate(weekEndingCell),
  chain,
});

const line = (
  status: string,
  when: string,
  fields: Partial<DeliveryLine> = {},
): DeliveryLine => ({
  at: at(when),
  scorecardRow: 2,
  weekEnding: FRIDAY,
  chain: 'aaa',
  recipients: 'cfo@acme.example',
  status,
  detail: '',
  ...fields,
});

describe('deliveryLine', () => {
  it('reads a Delivery Log record by its headers; blanks and text where dates belong read as absent', () => {
    expect(
      deliveryLine({
        'Attempted At': 'yesterday',
        'Scorecard Row': 4,
        'Week Ending': FRIDAY,
        Recipients: 'cfo@acme.example',
        Status: 'sent',
        Detail: 'the week sent',
        Chain: 'abc',
      }),
    ).toEqual({
      at: undefined,
      scorecardRow: 4,
      weekEnding: FRIDAY,
      chain: 'abc',
      recipients: 'cfo@acme.example',
      status: 'sent',
      detail: 'the week sent',
    });
  });
});

describe('deliveryOf: what became of a row by its chain value', () => {
  it('says when and to whom it was sent, counting a claim and its outcome as one attempt', () => {
    const d = deliveryOf(
      [
        line('sending', '2026-11-21T00:00:00Z'),
        line('failed', '2026-11-21T00:00:02Z', {detail: 'quota'}),
        line('sending', '2026-11-22T00:00:00Z'),
        line('sent', '2026-11-22T00:00:03Z'),
      ],
      'aaa',
    );
    expect(d).toEqual({
      attempts: 2,
      sending: false,
      sentAt: at('2026-11-22T00:00:03Z'),
      sentTo: 'cfo@acme.example',
      lastFailure: {at: at('2026-11-21T00:00:02Z'), detail: 'quota'},
    });
  });

  it("ignores another row's lines, even one that had the same row number before the tab was recreated", () => {
    const d = deliveryOf([line('sent', '2026-11-21T00:00:00Z')], 'bbb');
    expect(d).toEqual({attempts: 0, sending: false});
  });

  it('counts a line from before the Chain column by its row and week ending, and only then', () => {
    const old = line('sent', '2026-11-21T00:00:00Z', {chain: ''});
    expect(deliveryOf([old], 'aaa', row(2, 'aaa')).sentAt).toEqual(old.at);
    const otherWeek = row(2, 'aaa', new Date('2026-11-27T00:00:00Z'));
    expect(deliveryOf([old], 'aaa', otherWeek).sentAt).toBeUndefined();
    expect(deliveryOf([old], 'aaa', row(3, 'aaa')).sentAt).toBeUndefined();
  });

  it('says a claim with no outcome is still sending, and a give-up', () => {
    expect(
      deliveryOf([line('sending', '2026-11-21T00:00:00Z')], 'aaa').sending,
    ).toBe(true);
    const d = deliveryOf(
      [
        line('failed', '2026-11-27T00:00:00Z', {detail: 'no CFO Email'}),
        line('gave up', '2026-11-27T00:00:00Z', {detail: 'CRO told'}),
      ],
      'aaa',
    );
    expect(d.gaveUp).toEqual({
      at: at('2026-11-27T00:00:00Z'),
      detail: 'CRO told',
    });
    expect(d.lastFailure?.detail).toBe('no CFO Email');
  });
});

describe('dueDeliveries: what a run owes the CFO', () => {
  const due = (
    lines: DeliveryLine[],
    rows: RecordedRow[],
    now: string,
    recording?: string,
  ) =>
    dueDeliveries(lines, rows, {now: at(now), localDate, recording}).map(d => ({
      kind: d.kind,
      row: d.row.rowNumber,
      lastSent: d.lastSent?.rowNumber,
      since: d.since,
      giveUpIfFails: d.giveUpIfFails,
    }));

  it('owes the week a snapshot is recording, with no line yet, however late', () => {
    expect(due([], [row(2, 'aaa')], '2026-12-20T16:00:00Z', 'aaa')).toEqual([
      {
        kind: 'week',
        row: 2,
        lastSent: undefined,
        since: undefined,
        giveUpIfFails: false,
      },
    ]);
  });

  it('does not owe a week with no line at all that is older than the log or the retries: its lines were lost with the log', () => {
    const rows = [row(2, 'aaa')];
    // An empty log (set-up recreated it) owes nothing, however recent the week.
    expect(due([], rows, '2026-11-21T16:00:00Z')).toEqual([]);
    // A log that began after the week.
    const later = [
      line('sending', '2026-11-23T16:00:00Z', {chain: 'zzz', scorecardRow: 9}),
    ];
    expect(due(later, rows, '2026-11-24T16:00:00Z')).toEqual([]);
    // A log older than the week: owed while within the 7 days of retries, not after.
    const earlier = [
      line('sent', '2026-11-13T16:00:00Z', {chain: 'old', scorecardRow: 9}),
    ];
    expect(due(earlier, rows, '2026-11-26T16:00:00Z')).toHaveLength(1);
    expect(due(earlier, rows, '2026-11-27T16:00:00Z')).toEqual([]);
  });

  it('retries a failure at most once a day, and gives up when a failure comes 7 days after the first', () => {
    const failed = [line('failed', '2026-11-20T16:00:00Z')];
    expect(due(failed, [row(2, 'aaa')], '2026-11-20T23:00:00Z')).toEqual([]);
    expect(due(failed, [row(2, 'aaa')], '2026-11-21T16:00:00Z')).toEqual([
      {
        kind: 'week',
        row: 2,
        lastSent: undefined,
        since: '2026-11-20',
        giveUpIfFails: false,
      },
    ]);
    expect(
      due(failed, [row(2, 'aaa')], '2026-11-27T16:00:00Z')[0].giveUpIfFails,
    ).toBe(true);
    const gaveUp = [...failed, line('gave up', '2026-11-27T16:00:00Z')];
    expect(due(gaveUp, [row(2, 'aaa')], '2026-11-28T16:00:00Z')).toEqual([]);
  });

  it('never sends again a row claimed with no outcome, however long ago: it may have gone', () => {
    const claim = [line('sending', '2026-11-20T23:50:00Z')];
    expect(due(claim, [row(2, 'aaa')], '2026-11-21T00:05:00Z')).toEqual([]);
    expect(due(claim, [row(2, 'aaa')], '2026-11-21T16:00:00Z')).toEqual([]);
    expect(due(claim, [row(2, 'aaa')], '2026-12-21T16:00:00Z')).toEqual([]);
  });

  it('owes the corrections since the row last sent, once a day, from the latest row', () => {
    const rows = [row(2, 'aaa'), row(3, 'bbb'), row(4, 'ccc')];
    const sent = [line('sent', '2026-11-20T16:00:00Z')];
    expect(due(sent, rows, '2026-11-20T20:00:00Z')).toEqual([]);
    expect(due(sent, rows, '2026-11-21T16:00:00Z')).toEqual([
      {
        kind: 'corrections',
        row: 4,
        lastSent: 2,
        since: undefined,
        giveUpIfFails: false,
      },
    ]);
    const summarised = [
      ...sent,
      line('sent', '2026-11-21T16:00:00Z', {chain: 'ccc', scorecardRow: 4}),
    ];
    expect(due(summarised, rows, '2026-11-22T16:00:00Z')).toEqual([]);
  });

  it("owes a recreated tab's row 2 although an old row 2 was sent", () => {
    const rows = [row(2, 'new', new Date('2026-11-27T00:00:00Z'))];
    expect(
      due([line('sent', '2026-11-20T16:00:00Z')], rows, '2026-11-27T16:00:00Z'),
    ).toHaveLength(1);
  });
});
