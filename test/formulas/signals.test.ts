/** SLIP_SIGNALS, SIGNAL_DENSITY and FLAGGED_DEALS through the bundle. */
import {DEAL_HEADERS} from '../../src/domain/deals';
import {
  AS_OF,
  blankDeal,
  call,
  callAt,
  day,
  deal,
  dealsTable,
  errorOf,
} from './sheet';

const signalsOf = (
  changes: Parameters<typeof deal>[0],
  asOf: unknown = AS_OF,
) =>
  (
    call(
      'SLIP_SIGNALS',
      dealsTable([changes ? deal(changes) : deal()]),
      asOf,
    ) as string[][]
  )[1][0];

describe('SLIP_SIGNALS', () => {
  it('titles the column and gives blank for a healthy deal and for blank rows', () => {
    expect(
      call('SLIP_SIGNALS', dealsTable([deal(), blankDeal()]), AS_OF),
    ).toEqual([['Slip Signals'], [''], ['']]);
  });

  it('fires champion latency after more than 48 hours without a reply', () => {
    expect(signalsOf({'Last Champion Reply': day(2026, 11, 18, 0)})).toBe('');
    expect(signalsOf({'Last Champion Reply': day(2026, 11, 17, 23)})).toBe(
      'champion latency',
    );
    expect(signalsOf({'Last Champion Reply': ''})).toBe('champion latency');
  });

  it('fires close-date micro-slip when the close date moved later by any amount', () => {
    expect(signalsOf({'Close Date': day(2026, 11, 28)})).toBe(
      'close-date micro-slip',
    );
    expect(signalsOf({'Close Date': day(2026, 11, 26)})).toBe('');
    expect(signalsOf({'Committed Close Date': ''})).toBe('');
  });

  it('counts the stakeholder and procurement windows in business days', () => {
    // As of Friday 20 Nov the last 10 business days start on Monday 9 Nov.
    expect(signalsOf({'Last New Stakeholder': day(2026, 11, 9)})).toBe('');
    expect(signalsOf({'Last New Stakeholder': day(2026, 11, 8)})).toBe(
      'no new stakeholders',
    );
    expect(signalsOf({'Last Procurement Contact': day(2026, 11, 9)})).toBe('');
    expect(signalsOf({'Last Procurement Contact': day(2026, 11, 6)})).toBe(
      'silent procurement',
    );
    expect(signalsOf({'Last Procurement Contact': ''})).toBe(
      'silent procurement',
    );
  });

  it('fires hedged language on the notes or the next step, whole words only', () => {
    expect(signalsOf({Notes: 'Hopefully signs Friday'})).toBe(
      'hedged language',
    );
    expect(signalsOf({'Next Step': 'Waiting to hear from legal'})).toBe(
      'hedged language',
    );
    expect(signalsOf({Notes: 'We’ll see after the board'})).toBe(
      'hedged language',
    );
    expect(signalsOf({Notes: 'Mighty Corp signed the order form'})).toBe('');
  });

  it('fires broken next step when it is empty or overdue', () => {
    expect(signalsOf({'Next Step': ''})).toBe('broken next step');
    expect(signalsOf({'Next Step Due': day(2026, 11, 19)})).toBe(
      'broken next step',
    );
    expect(signalsOf({'Next Step Due': day(2026, 11, 20)})).toBe('');
  });

  it('lists several signals in the playbook order', () => {
    expect(
      signalsOf({
        Notes: 'should close, fingers crossed',
        'Close Date': day(2026, 12, 4),
        'Last Champion Reply': day(2026, 11, 2),
        'Next Step': '',
      }),
    ).toBe(
      'champion latency, close-date micro-slip, hedged language, broken next step',
    );
  });

  it('leaves closed deals blank', () => {
    expect(
      call(
        'SLIP_SIGNALS',
        dealsTable([
          deal({'Forecast Category': 'Closed Won', 'Next Step': ''}),
        ]),
        AS_OF,
      ),
    ).toEqual([['Slip Signals'], ['']]);
  });

  it('reads the current moment when as_of is omitted', () => {
    const table = dealsTable([deal()]);
    expect(callAt(day(2026, 11, 20, 9), 'SLIP_SIGNALS', table)).toEqual([
      ['Slip Signals'],
      [''],
    ]);
    expect(callAt(day(2026, 11, 25, 9), 'SLIP_SIGNALS', table)).toEqual([
      ['Slip Signals'],
      ['champion latency, broken next step'],
    ]);
  });

  it('names a missing header and a bad cell', () => {
    const headers = DEAL_HEADERS.filter(h => h !== 'Next Step Due');
    expect(
      errorOf('SLIP_SIGNALS', dealsTable([deal()], headers), AS_OF).message,
    ).toBe('SLIP_SIGNALS: missing header "Next Step Due"');
    expect(
      errorOf('SLIP_SIGNALS', dealsTable([deal({'Close Date': 45000})]), AS_OF)
        .message,
    ).toBe('SLIP_SIGNALS: row 2: Close Date is 45000, not a date');
  });
});

describe('SIGNAL_DENSITY and FLAGGED_DEALS', () => {
  const table = dealsTable([
    deal(),
    deal({Notes: 'maybe next quarter'}),
    deal({Notes: 'maybe', 'Next Step': '', 'Last New Stakeholder': ''}),
    deal({'Forecast Category': 'Best Case', Notes: 'maybe', 'Next Step': ''}),
    blankDeal(),
  ]);

  it('count signals across Commit deals only', () => {
    expect(call('SIGNAL_DENSITY', table, AS_OF)).toBe(4);
  });

  it('count Commit deals with two or more signals', () => {
    expect(call('FLAGGED_DEALS', table, AS_OF)).toBe(1);
  });

  it('are 0 without Commit deals', () => {
    expect(call('SIGNAL_DENSITY', dealsTable([]), AS_OF)).toBe(0);
    expect(call('FLAGGED_DEALS', dealsTable([]), AS_OF)).toBe(0);
  });
});
