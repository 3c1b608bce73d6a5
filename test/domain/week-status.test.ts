/**
 * The sidebar's words for this week's record (statusLines), the interim
 * reader of the Delivery Log by Scorecard Row, and when a snapshot asks
 * first (scheduledWall, needsConfirmation): pure, no Apps Script.
 */
import {deliveryOfRow} from '../../src/domain/delivery-log-interim';
import {
  needsConfirmation,
  scheduledWall,
} from '../../src/domain/snapshot-confirm';
import {statusLines, type WeekRecordStatus} from '../../src/domain/week-status';

const at = (iso: string) => new Date(iso);
const when = (iso: string) => `at ${iso.slice(11, 16)}`;

describe('deliveryOfRow (by Scorecard Row until the Chain column lands)', () => {
  const log = [
    {
      'Attempted At': at('2026-11-20T23:00:00Z'),
      'Scorecard Row': 2,
      Recipients: 'cfo@x.example',
      Status: 'failed',
      Detail: 'Quota used up',
    },
    {'Attempted At': at('2026-11-21T00:10:00Z'), Status: 'run failed'},
    {
      'Attempted At': at('2026-11-21T23:00:00Z'),
      'Scorecard Row': 2,
      Recipients: 'cfo@x.example',
      Status: 'sent',
      Detail: 'sent to cfo@x.example',
    },
    {
      'Attempted At': at('2026-11-21T23:00:00Z'),
      'Scorecard Row': 3,
      Recipients: 'cfo@x.example',
      Status: 'failed',
      Detail: 'Settings: "CFO Email" is empty',
    },
  ];

  it('a row sent after a failure reads as sent, when and to whom', () => {
    expect(deliveryOfRow(log, 2, 2)).toEqual({
      status: 'sent',
      at: '2026-11-21T23:00:00.000Z',
      to: 'cfo@x.example',
      why: '',
      willRetry: false,
    });
  });

  it('a failed row says why, and whether attempts remain', () => {
    expect(deliveryOfRow(log, 3, 2)).toMatchObject({
      status: 'failed',
      why: 'Settings: "CFO Email" is empty',
      willRetry: true,
    });
    expect(deliveryOfRow(log, 3, 1).willRetry).toBe(false);
  });

  it('a row with no attempt is pending', () => {
    expect(deliveryOfRow(log, 9, 2).status).toBe('pending');
  });
});

describe('statusLines', () => {
  const base: WeekRecordStatus = {
    week: 7,
    weekEnding: '2026-11-20',
    scheduledFor: 'Fri 20 Nov 2026 at 16:00 (America/Los_Angeles)',
    due: false,
    rows: [],
  };

  it('before the first row: when the scheduled snapshot runs', () => {
    expect(statusLines(base, when)).toEqual([
      'Week 7 is not recorded yet. The scheduled snapshot runs Fri 20 Nov 2026 at 16:00 (America/Los_Angeles).',
    ]);
    expect(statusLines({...base, due: true}, when)[0]).toMatch(
      /\(that time has passed\)\.$/,
    );
    expect(statusLines({...base, week: 0}, when)[0]).toMatch(
      /^The week ending 2026-11-20 is not recorded yet\./,
    );
  });

  it('the record and an amendment, each with its email', () => {
    const lines = statusLines(
      {
        ...base,
        rows: [
          {
            row: 4,
            amends: '',
            recordedAt: '2026-11-20T23:00:00.000Z',
            recordedBy: 'cro@x.example',
            delivery: {
              status: 'sent',
              at: '2026-11-20T23:01:00.000Z',
              to: 'cfo@x.example',
              why: '',
              willRetry: false,
            },
          },
          {
            row: 5,
            amends: 4,
            recordedAt: '2026-11-21T01:00:00.000Z',
            recordedBy: 'cro@x.example',
            delivery: {
              status: 'failed',
              at: '2026-11-21T01:00:00.000Z',
              to: 'cfo@x.example',
              why: 'Quota used up.',
              willRetry: true,
            },
          },
        ],
      },
      when,
    );
    expect(lines).toEqual([
      'Week 7 recorded in Scorecard row 4 at 23:00 by cro@x.example.',
      'Emailed at 23:01 to cfo@x.example.',
      'Amendment to row 4 recorded in Scorecard row 5 at 01:00 by cro@x.example.',
      'The email failed at 01:00 (to cfo@x.example): Quota used up. The next scheduled run tries again.',
    ]);
  });

  it('a failure with no attempt left says it will not be retried', () => {
    const [, mail] = statusLines(
      {
        ...base,
        rows: [
          {
            row: 4,
            amends: '',
            recordedAt: '',
            recordedBy: '',
            delivery: {
              status: 'failed',
              at: '',
              to: '',
              why: '',
              willRetry: false,
            },
          },
        ],
      },
      when,
    );
    expect(mail).toBe(
      'The email failed: no reason logged. It will not be retried: see the Delivery Log.',
    );
  });
});

describe('when a snapshot asks first', () => {
  // Wall times: the zone's clock reading counted as if UTC.
  const wall = (text: string) => Date.parse(`${text}Z`);

  it('the scheduled time is the Scorecard Hour of the week ending, on the wall clock', () => {
    expect(scheduledWall('2026-11-20', 16)).toBe(wall('2026-11-20T16:00:00'));
  });

  it.each([
    ['recorded', '2026-11-20T15:59:59', true],
    ['amended', '2026-11-18T09:00:00', true],
    ['recorded', '2026-11-20T16:00:00', false],
    ['amended', '2026-11-22T10:00:00', false],
    ['unchanged', '2026-11-20T09:00:00', false],
  ] as const)('%s at %s: %s', (status, now, asks) => {
    expect(needsConfirmation(status, wall(now), '2026-11-20', 16)).toBe(asks);
  });
});
