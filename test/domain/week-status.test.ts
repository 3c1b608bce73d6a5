/**
 * The sidebar's words for this week's record (statusLines), the Delivery
 * Log reader's answer in wire form (deliveryState), and the week's scheduled
 * time (scheduledWall): pure, no Apps Script.
 */
import {scheduledWall} from '../../src/domain/snapshot-confirm';
import {
  deliveryState,
  statusLines,
  type WeekRecordStatus,
} from '../../src/domain/week-status';

const at = (iso: string) => new Date(iso);
const when = (iso: string) => `at ${iso.slice(11, 16)}`;

describe('deliveryState (the Delivery Log reader’s answer, on the wire)', () => {
  it('sent wins over an earlier failure: when and to whom', () => {
    expect(
      deliveryState({
        sentAt: at('2026-11-21T23:00:00Z'),
        sentTo: 'cfo@x.example',
        lastFailure: {at: at('2026-11-20T23:00:00Z'), detail: 'Quota'},
        attempts: 2,
        sending: false,
      }),
    ).toEqual({
      status: 'sent',
      at: '2026-11-21T23:00:00.000Z',
      to: 'cfo@x.example',
      why: '',
    });
  });

  it('a failure says why; given up says so; a claim is being sent; nothing is pending', () => {
    const failure = {at: at('2026-11-20T23:00:00Z'), detail: 'Quota used up'};
    expect(
      deliveryState({lastFailure: failure, attempts: 1, sending: false}),
    ).toEqual({
      status: 'failed',
      at: '2026-11-20T23:00:00.000Z',
      to: '',
      why: 'Quota used up',
    });
    expect(
      deliveryState({
        lastFailure: failure,
        gaveUp: {
          at: at('2026-11-27T23:00:00Z'),
          detail: 'Given up after 7 days',
        },
        attempts: 7,
        sending: false,
      }).status,
    ).toBe('gave up');
    expect(deliveryState({attempts: 1, sending: true}).status).toBe('sending');
    expect(deliveryState({attempts: 0, sending: false}).status).toBe('pending');
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
      'The email failed at 01:00: Quota used up. The next scheduled run tries again (once a day, for up to 7 days).',
    ]);
  });

  it('given up, being sent, and an amendment waiting for the scheduled run', () => {
    const row = (
      amends: number | '',
      delivery: WeekRecordStatus['rows'][0]['delivery'],
    ) => ({row: 5, amends, recordedAt: '', recordedBy: '', delivery});
    const lines = statusLines(
      {
        ...base,
        rows: [
          row('', {status: 'gave up', at: '', to: '', why: ''}),
          row('', {status: 'sending', at: '', to: '', why: ''}),
          row(4, {status: 'pending', at: '', to: '', why: ''}),
          row('', {status: 'pending', at: '', to: '', why: ''}),
        ],
      },
      when,
    );
    expect(lines.filter((_, i) => i % 2 === 1)).toEqual([
      'The email was given up: no reason logged. See the Delivery Log.',
      'Being emailed now.',
      'The CFO gets what changed in the next scheduled run.',
      'Not emailed yet.',
    ]);
  });
});

describe('when a snapshot asks first', () => {
  // Wall times: the zone's clock reading counted as if UTC.
  const wall = (text: string) => Date.parse(`${text}Z`);

  it('the scheduled time is the Scorecard Hour of the week ending, on the wall clock', () => {
    expect(scheduledWall('2026-11-20', 16)).toBe(wall('2026-11-20T16:00:00'));
  });
});
