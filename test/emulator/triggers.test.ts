/**
 * ScriptApp triggers: the registry, the add-on limit of one time-driven
 * trigger per user per document, and firing at the right local hour across
 * daylight-saving changes, as the installer, with no Ui.
 */
import {loadBundle} from '../../emulator/loader';
import {describeSchedule, firingMinute} from '../../emulator/triggers';
import {thrown, world} from './world';

const LA = 'America/Los_Angeles';
/** An ISO instant on the hour moved to the minute the emulator chose for the trigger. */
const atMinute = (iso: string, minute: number) =>
  iso.replace(/:00:00\.000Z$/, `:${String(minute).padStart(2, '0')}:00.000Z`);
const minuteOf = (emulator: {
  triggers: {triggers: Array<{schedule: object}>};
}) => (emulator.triggers.triggers[0].schedule as {minute: number}).minute;

const TOO_MANY =
  'This add-on has created too many time-based triggers in this document for this Google user account.';

describe('ScriptApp trigger registry', () => {
  it('builds a weekly Friday trigger and describes it as Apps Script does', () => {
    const {ScriptApp} = world();
    const trigger = ScriptApp.newTrigger('weeklySnapshot')
      .timeBased()
      .everyWeeks(1)
      .onWeekDay(ScriptApp.WeekDay.FRIDAY)
      .atHour(17)
      .nearMinute(0)
      .inTimezone(LA)
      .create();
    expect(trigger.getHandlerFunction()).toBe('weeklySnapshot');
    expect(trigger.getUniqueId()).toMatch(/^\d+$/);
    expect(trigger.getEventType()).toBe(ScriptApp.EventType.CLOCK);
    expect(trigger.getTriggerSource()).toBe(ScriptApp.TriggerSource.CLOCK);
    expect(ScriptApp.getProjectTriggers().map(t => t.getUniqueId())).toEqual([
      trigger.getUniqueId(),
    ]);
  });

  it("a second time-driven trigger for the same user in the same document throws Apps Script's add-on message", () => {
    const {ScriptApp} = world();
    ScriptApp.newTrigger('a').timeBased().everyDays(1).atHour(9).create();
    const error = thrown(() =>
      ScriptApp.newTrigger('b').timeBased().everyDays(1).atHour(10).create(),
    );
    expect(error.message).toBe(TOO_MANY);
    expect(ScriptApp.getProjectTriggers()).toHaveLength(1);
  });

  it('triggers belong to the user who created them: another user sees none and may create their own', () => {
    const {emulator, ScriptApp, SpreadsheetApp} = world({
      owner: 'cro@acme.example',
    });
    ScriptApp.newTrigger('a').timeBased().everyDays(1).atHour(9).create();
    emulator.run({user: 'revops@acme.example'}, () => {
      expect(ScriptApp.getProjectTriggers()).toHaveLength(0);
      ScriptApp.newTrigger('a').timeBased().everyDays(1).atHour(9).create();
      expect(
        ScriptApp.getUserTriggers(SpreadsheetApp.getActive()),
      ).toHaveLength(1);
    });
    expect(emulator.triggers.triggers.map(t => t.owner)).toEqual([
      'cro@acme.example',
      'revops@acme.example',
    ]);
  });

  it('describes each schedule in words for the preview', () => {
    const {emulator, ScriptApp} = world({scriptTimeZone: LA});
    ScriptApp.newTrigger('weekly')
      .timeBased()
      .everyWeeks(1)
      .onWeekDay(ScriptApp.WeekDay.FRIDAY)
      .atHour(17)
      .nearMinute(30)
      .create();
    // nearMinute(30): "plus or minus 15 minutes" (ClockTriggerBuilder reference).
    const minute = minuteOf(emulator);
    expect(Math.abs(minute - 30)).toBeLessThanOrEqual(15);
    expect(describeSchedule(emulator.triggers.triggers[0])).toBe(
      `Every Friday at 17:${minute} (America/Los_Angeles)`,
    );
  });

  it('deleteTrigger removes it, after which a new one may be created', () => {
    const {ScriptApp} = world();
    const t = ScriptApp.newTrigger('a')
      .timeBased()
      .everyDays(1)
      .atHour(9)
      .create();
    ScriptApp.deleteTrigger(t);
    expect(ScriptApp.getProjectTriggers()).toHaveLength(0);
    ScriptApp.newTrigger('b').timeBased().everyDays(1).atHour(9).create();
    expect(ScriptApp.getProjectTriggers()[0].getHandlerFunction()).toBe('b');
  });

  it('needs an authorized execution: custom functions and NONE get the script.scriptapp permission error', () => {
    const {emulator, ScriptApp} = world();
    for (const authMode of ['NONE', 'CUSTOM_FUNCTION'] as const) {
      const error = emulator.run({authMode}, () =>
        thrown(() => ScriptApp.getProjectTriggers()),
      );
      expect(error.message).toBe(
        'You do not have permission to call ScriptApp.getProjectTriggers. Required permissions: https://www.googleapis.com/auth/script.scriptapp',
      );
    }
  });
});

describe('firing time-driven triggers', () => {
  const hourIn = (d: Date, zone: string) =>
    new Intl.DateTimeFormat('en-GB', {
      timeZone: zone,
      dateStyle: 'short',
      timeStyle: 'short',
    }).format(d);

  it('a daily 9:00 trigger keeps firing at 9:00 local time across the November DST change', () => {
    const {emulator, ScriptApp} = world({
      scriptTimeZone: LA,
      now: new Date('2024-11-01T12:00:00Z'),
    });
    ScriptApp.newTrigger('daily').timeBased().everyDays(1).atHour(9).create();
    const firings = emulator.fireDueTriggers(
      new Date('2024-11-05T12:00:00Z'),
      () => undefined,
    );
    const m = minuteOf(emulator);
    expect(firings.map(f => f.at.toISOString())).toEqual(
      [
        '2024-11-01T16:00:00.000Z', // 09:xx PDT
        '2024-11-02T16:00:00.000Z',
        '2024-11-03T17:00:00.000Z', // 09:xx PST
        '2024-11-04T17:00:00.000Z',
      ].map(iso => atMinute(iso, m)),
    );
    expect(firings.map(f => hourIn(f.at, LA).slice(-5, -3))).toEqual([
      '09',
      '09',
      '09',
      '09',
    ]);
    expect(emulator.ctx.now().toISOString()).toBe('2024-11-05T12:00:00.000Z');
  });

  it('a weekly Friday 17:00 trigger in its own zone fires on Fridays across the March DST change', () => {
    const {emulator, ScriptApp} = world({
      scriptTimeZone: 'America/New_York',
      now: new Date('2024-03-01T20:00:00Z'), // Friday 12:00 in Los Angeles
    });
    ScriptApp.newTrigger('weekly')
      .timeBased()
      .everyWeeks(1)
      .onWeekDay(ScriptApp.WeekDay.FRIDAY)
      .atHour(17)
      .inTimezone(LA)
      .create();
    const firings = emulator.fireDueTriggers(
      new Date('2024-03-20T00:00:00Z'),
      () => undefined,
    );
    expect(firings.map(f => f.at.toISOString())).toEqual(
      [
        '2024-03-02T01:00:00.000Z', // Fri 17:xx PST
        '2024-03-09T01:00:00.000Z',
        '2024-03-16T00:00:00.000Z', // Fri 17:xx PDT
      ].map(iso => atMinute(iso, minuteOf(emulator))),
    );
  });

  it('does not fire before its time: a trigger created after 9:00 first runs the next day', () => {
    const {emulator, ScriptApp} = world({
      scriptTimeZone: LA,
      now: new Date('2024-06-03T18:00:00Z'), // 11:00 PDT
    });
    ScriptApp.newTrigger('daily').timeBased().everyDays(1).atHour(9).create();
    expect(
      emulator.fireDueTriggers(new Date('2024-06-04T16:00:00Z'), () => 1),
    ).toEqual([]);
    expect(
      emulator
        .fireDueTriggers(new Date('2024-06-04T17:00:00Z'), () => 1)
        .map(f => f.at.toISOString()),
    ).toEqual([atMinute('2024-06-04T16:00:00.000Z', minuteOf(emulator))]);
  });

  it('atHour(h) fires at a minute within the hour, never on the hour, reproducibly for a seed (ClockTriggerBuilder: atHour, nearMinute ±15)', () => {
    // Each trigger id gets its own minute, from 1 to 59; the same seed gives the same minutes.
    const pick = (seed: string) =>
      Array.from({length: 40}, (_, i) => firingMinute(seed, String(i + 1)));
    expect(pick('s1')).toEqual(pick('s1'));
    expect(pick('s1')).not.toEqual(pick('s2'));
    expect(pick('s1').every(m => m >= 1 && m <= 59)).toBe(true);
    expect(new Set(pick('s1')).size).toBeGreaterThan(10);
    expect(
      Array.from({length: 40}, (_, i) =>
        firingMinute('s1', String(i), 5),
      ).every(m => m >= 0 && m <= 20),
    ).toBe(true);
    // The registry uses it: the trigger's minute is firingMinute(seed, uid).
    const {emulator, ScriptApp} = world({triggerSeed: 'fixed'});
    const t = ScriptApp.newTrigger('x')
      .timeBased()
      .everyDays(1)
      .atHour(9)
      .create();
    expect(minuteOf(emulator)).toBe(firingMinute('fixed', t.getUniqueId()));
  });

  it('runs as its installer in AuthMode.FULL with no Ui, passing the time-driven event', () => {
    const {emulator, ScriptApp, Session, SpreadsheetApp} = world({
      owner: 'cro@acme.example',
      scriptTimeZone: LA,
      now: new Date('2024-05-03T12:00:00Z'),
    });
    emulator.run({user: 'revops@acme.example'}, () =>
      ScriptApp.newTrigger('weekly')
        .timeBased()
        .everyDays(1)
        .atHour(17)
        .create(),
    );
    const seen: unknown[] = [];
    const [firing] = emulator.fireDueTriggers(
      new Date('2024-05-04T01:00:00Z'),
      (handler, event) => {
        seen.push(handler, event, Session.getEffectiveUser().getEmail());
        seen.push(
          emulator.ctx.authMode,
          thrown(() => SpreadsheetApp.getUi()).message,
        );
        return 'done';
      },
    );
    expect(seen).toEqual([
      'weekly',
      {
        authMode: 'FULL',
        triggerUid: firing.uid,
        year: 2024,
        month: 5,
        'day-of-month': 4,
        'day-of-week': 6,
        'week-of-year': 18,
        hour: 0,
        minute: minuteOf(emulator),
        second: 0,
        timezone: 'UTC',
      },
      'revops@acme.example',
      'FULL',
      'Cannot call SpreadsheetApp.getUi() from this context.',
    ]);
    expect(firing.result).toBe('done');
    expect(emulator.ctx.user).toBe('cro@acme.example');
  });

  it('a handler that throws is recorded and does not stop the next run', () => {
    const {emulator, ScriptApp} = world({
      scriptTimeZone: 'UTC',
      now: new Date('2024-05-01T00:00:00Z'),
    });
    ScriptApp.newTrigger('flaky').timeBased().everyDays(1).atHour(6).create();
    let calls = 0;
    const firings = emulator.fireDueTriggers(
      new Date('2024-05-02T12:00:00Z'),
      () => {
        calls++;
        if (calls === 1) throw new Error('boom');
      },
    );
    expect(firings.map(f => (f.error as Error | undefined)?.message)).toEqual([
      'boom',
      undefined,
    ]);
  });

  it("the loader fires the bundle's own handler in its vm context, whose new Date() is the emulated time", () => {
    const {emulator, ScriptApp} = world({
      scriptTimeZone: LA,
      now: new Date('2024-05-03T12:00:00Z'),
    });
    const code = `
      function weeklySnapshot(e) {
        SpreadsheetApp.openById('1emulatedSpreadsheetId').getSheetByName('Sheet1')
          .appendRow([e.triggerUid, Utilities.formatDate(new Date(), '${LA}', 'EEE HH:mm')]);
      }`;
    const bundle = loadBundle(emulator, code);
    ScriptApp.newTrigger('weeklySnapshot')
      .timeBased()
      .everyWeeks(1)
      .onWeekDay(ScriptApp.WeekDay.FRIDAY)
      .atHour(17)
      .create();
    const firings = bundle.fireDueTriggers(new Date('2024-05-18T00:00:00Z'));
    expect(firings.map(f => f.error)).toEqual([undefined, undefined]);
    expect(
      emulator.spreadsheet.sheets[0].getRange(1, 1, 2, 2).getValues(),
    ).toEqual([
      // Numeric text written to a cell comes back as a number, as in Sheets.
      [Number(firings[0].uid), `Fri 17:${minuteOf(emulator)}`],
      [Number(firings[0].uid), `Fri 17:${minuteOf(emulator)}`],
    ]);
  });
});
