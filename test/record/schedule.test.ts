/**
 * The one daily trigger and its dispatch, through the built bundle: Friday
 * snapshot and email, Monday slip check, at the Scorecard Hour in the
 * spreadsheet's zone (America/Los_Angeles) across the November DST change,
 * with the script in America/New_York.
 */
import {loadBundle} from '../../emulator/loader';
import {sampleWorkbook} from '../../emulator/sample-workbook';
import {zonedFields} from '../../emulator/format-date';

/** Friday 30 October 2026, 9 am in Los Angeles (PDT, UTC−7); DST ends Sunday 1 November. */
const BEFORE_DST_END = new Date('2026-10-30T16:00:00Z');

function world() {
  const emulator = sampleWorkbook({
    today: '2026-10-30',
    emulator: {
      scriptTimeZone: 'America/New_York',
      spreadsheetTimeZone: 'America/Los_Angeles',
      now: BEFORE_DST_END,
    },
  });
  return {emulator, bundle: loadBundle(emulator)};
}

describe('weekly schedule', () => {
  it('installs one trigger, however often it is installed, and says as whom it runs', () => {
    const {emulator, bundle} = world();
    bundle.call('installSchedule', [], {trigger: 'menu'});
    bundle.call('installSchedule', [], {trigger: 'menu'});
    expect(emulator.triggers.triggers).toHaveLength(1);
    const [trigger] = emulator.triggers.triggers;
    expect(trigger.handler).toBe('onScheduleTick');
    expect(trigger.timeZone).toBe('America/Los_Angeles');
    expect(trigger.schedule).toMatchObject({kind: 'days', every: 1, hour: 16});
    expect(emulator.ui.alerts.at(-1)).toMatch(
      /every day between 16:00 and 17:00 America\/Los_Angeles: on Fridays it snapshots the week and emails the CFO \(a snapshot missed then is taken the next day\); on Thursdays it emails the CRO what that snapshot still lacks; on Mondays it runs the slip check\. It runs as owner@example\.com\./,
    );
  });

  it('removing leaves none', () => {
    const {emulator, bundle} = world();
    bundle.call('installSchedule', [], {trigger: 'menu'});
    bundle.call('removeSchedule', [], {trigger: 'menu'});
    expect(emulator.triggers.triggers).toHaveLength(0);
    expect(emulator.ui.alerts.at(-1)).toMatch(
      /The weekly schedule is stopped.*Nothing is scheduled\./s,
    );
  });

  it('says each schedule message in full (its words live in the schedule-words template)', () => {
    const {emulator, bundle} = world();
    const said = () => emulator.ui.alerts.at(-1);
    bundle.call('removeSchedule', [], {trigger: 'menu'});
    expect(said()).toContain('There was no schedule to stop.');
    bundle.call('installSchedule', [], {trigger: 'menu'});
    expect(said()).toContain(
      'The CFO email goes to cfo@example.com. If a run fails, owner@example.com and cro@example.com get an email saying what to do. Change the Scorecard Day or Hour? Run this again afterwards.',
    );
    // Someone else's refusal shows the schedule's status: its installer sees its last run.
    bundle.call('installSchedule', [], {
      trigger: 'menu',
      user: 'cro@example.com',
    });
    expect(said()).toContain(
      'It runs as owner@example.com. owner@example.com sees its last run here; failures are also written to the Delivery Log.',
    );
    bundle.call('removeSchedule', [], {
      trigger: 'menu',
      user: 'cro@example.com',
    });
    expect(said()).toContain(
      'The schedule was installed by owner@example.com and runs as them: only they can stop it. Scheduled every day',
    );
    bundle.call('removeSchedule', [], {trigger: 'menu'});
    expect(said()).toContain(
      'The weekly schedule is stopped: no snapshot, email or slip check will run until it is scheduled again.',
    );
  });

  it('refuses a second schedule by another person, naming who owns the first', () => {
    const {emulator, bundle} = world();
    bundle.call('installSchedule', [], {trigger: 'menu'});
    bundle.call('installSchedule', [], {
      trigger: 'menu',
      user: 'cro@example.com',
    });
    expect(emulator.triggers.triggers).toHaveLength(1);
    expect(emulator.ui.alerts.at(-1)).toMatch(
      /already installed by owner@example\.com and runs as them/,
    );
  });

  it('fires Monday and Friday at the Scorecard Hour, local time, across the DST change', () => {
    const {emulator, bundle} = world();
    bundle.call('installSchedule', [], {trigger: 'menu'});
    const firings = bundle.fireDueTriggers(new Date('2026-11-07T08:00:00Z'));
    // Every day at 16:00 in Los Angeles, before (UTC−7) and after (UTC−8) the change.
    expect(
      firings.map(f => zonedFields(f.at, 'America/Los_Angeles').hour),
    ).toEqual(firings.map(() => 16));
    const local = (at: Date) => {
      const f = zonedFields(at, 'America/Los_Angeles');
      return `${f.month}/${f.day}`;
    };
    expect(firings.map(f => local(f.at))).toEqual([
      '10/30',
      '10/31',
      '11/1',
      '11/2',
      '11/3',
      '11/4',
      '11/5',
      '11/6',
    ]);
    // 16:00 PDT is 23:00 UTC; 16:00 PST is 00:00 UTC the next day.
    expect(firings[0].at.toISOString()).toMatch(/^2026-10-30T23:/);
    expect(firings[7].at.toISOString()).toMatch(/^2026-11-07T00:/);
    const ran = firings.map(f => (f.result as {ran: string[]}).ran.join('+'));
    expect(firings.every(f => f.error === undefined)).toBe(true);
    // Friday 30 Oct, Sat, Sun, Mon 2 Nov, Tue, Wed, Thu (the eve: readiness note), Fri 6 Nov.
    expect(ran).toEqual([
      'snapshot',
      '',
      '',
      'slip check+early warning',
      '',
      '',
      'readiness note',
      'snapshot',
    ]);
    // Two CFO emails; between them Monday's early warning (the sample's leads dip) and
    // Thursday's readiness note to the CRO.
    expect(emulator.outbox.map(m => m.subject.split(':')[0])).toEqual([
      'Rebuild scorecard, week 7 ending Fri 30 Oct 2026',
      'Early warning',
      'Scorecard not ready for tomorrow',
      'Rebuild scorecard, week 8 ending Fri 6 Nov 2026',
    ]);
    const scorecard = emulator.spreadsheet.sheets.find(
      s => s.state.name === 'Scorecard',
    )!.state.values;
    // The sample's today is always week 7 of its rebuild: this Friday and next.
    expect(scorecard.slice(1).map(r => r[1])).toEqual([7, 8]);
  });

  it('runs the trigger without a Ui: a failure goes to the Delivery Log', () => {
    const {emulator, bundle} = world();
    bundle.call('installSchedule', [], {trigger: 'menu'});
    const settings = emulator.spreadsheet.sheets.find(
      s => s.state.name === 'Settings',
    )!;
    const row = settings.state.values.findIndex(r => r[0] === 'Rebuild Start');
    settings.state.values[row][1] = '';
    const [firing] = bundle.fireDueTriggers(new Date('2026-10-31T08:00:00Z'));
    expect((firing.error as Error).message).toMatch(/"Rebuild Start" is empty/);
    const log = emulator.spreadsheet.sheets.find(
      s => s.state.name === 'Delivery Log',
    )!.state.values;
    expect(log[1][4]).toBe('run failed');
    expect(String(log[1][5])).toMatch(/"Rebuild Start" is empty/);
    expect(emulator.ui.alerts).toHaveLength(1);
  });
});
