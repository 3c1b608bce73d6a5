/**
 * The schedule refuses to install what cannot work, and a scheduled run
 * that fails reaches a person (Apps Script sends no failure email for an
 * add-on's triggers): through the built bundle, the trigger running as the
 * CRO with no open document, in the sample's Los Angeles workbook.
 */
import {SCOPES} from '../../emulator/context';
import {loadBundle} from '../../emulator/loader';
import {sampleWorkbook, SAMPLE_PEOPLE} from '../../emulator/sample-workbook';

const CRO: string = SAMPLE_PEOPLE.cro;
const OWNER = 'owner@example.com';
/** Friday 20 November 2026, 17:00 in Los Angeles: after that day's run. */
const FRIDAY_EVENING = new Date('2026-11-21T01:30:00Z');
const SATURDAY_EVENING = new Date('2026-11-22T01:30:00Z');

function world() {
  // Pinned to Los Angeles: the instants below are its Friday and Saturday evenings.
  const emulator = sampleWorkbook({
    emulator: {spreadsheetTimeZone: 'America/Los_Angeles'},
  });
  const bundle = loadBundle(emulator);
  // The owner runs set-up again once Settings name the CRO: the CRO becomes a keeper.
  bundle.call('setUpWorkbook', [], {trigger: 'menu'});
  const settings = emulator.spreadsheet.sheets.find(
    s => s.state.name === 'Settings',
  )!;
  const setting = (name: string, value: string) => {
    const row = settings.state.values.findIndex(r => r[0] === name);
    settings.state.values[row][1] = value;
  };
  const tab = (name: string) =>
    emulator.spreadsheet.sheets.find(s => s.state.name === name)!.state.values;
  const alert = () => emulator.ui.alerts.at(-1)!;
  const install = (user = CRO) =>
    bundle.call('installSchedule', [], {trigger: 'menu', user});
  /** The record the trigger keeps in its installer's user properties. */
  const installRecord = (user = CRO) =>
    JSON.parse(
      Object.entries(emulator.properties.user[user] ?? {}).find(([k]) =>
        k.startsWith('trustRebuild.install.'),
      )?.[1] ?? 'null',
    );
  return {emulator, bundle, setting, tab, alert, install, installRecord};
}

describe('installing the schedule is refused when its runs could not work', () => {
  it('names each blank setting the run needs and installs nothing', () => {
    const {emulator, setting, alert, install} = world();
    setting('Rebuild Start', '');
    setting('CFO Email', '');
    install();
    expect(emulator.triggers.triggers).toHaveLength(0);
    expect(alert()).toMatch(
      /Nothing was scheduled: every scheduled run would fail\. Settings: "Rebuild Start" is empty; .* Settings: "CFO Email" is empty;/,
    );
    expect(alert()).toMatch(/Nothing is scheduled\.$/);
    setting('CFO Email', 'cfo@example.com');
    install();
    expect(alert()).toMatch(/"Rebuild Start" is empty/);
    expect(alert()).not.toMatch(/CFO Email/);
    expect(emulator.triggers.triggers).toHaveLength(0);
  });

  it('an invalid setting is refused too, named with its value', () => {
    const {emulator, setting, alert, install} = world();
    setting('Scorecard Hour', '25');
    install();
    expect(emulator.triggers.triggers).toHaveLength(0);
    expect(alert()).toMatch(
      /^Weekly schedule not installed\s+Nothing was scheduled: every scheduled run would fail\. Settings: "Scorecard Hour" is "25" \(above 23\)/,
    );
  });

  it('refuses a person who cannot write the record, naming who can add them, and installs nothing', () => {
    const {emulator, alert, install} = world();
    install('rep@example.com');
    expect(emulator.triggers.triggers).toHaveLength(0);
    expect(alert()).toMatch(
      /rep@example\.com cannot schedule the weekly snapshot: only the keepers of the record .*\(owner@example\.com, cro@example\.com\)\. To be added, ask one of owner@example\.com, cro@example\.com to put your email in the "Record Keepers" setting/,
    );
  });

  it('records the spreadsheet and the trigger in the installer’s user properties, not only the document’s', () => {
    const {emulator, install, installRecord} = world();
    install();
    expect(installRecord()).toMatchObject({
      spreadsheetId: emulator.spreadsheet.getId(),
      triggerUid: emulator.triggers.triggers[0].uid,
      timeZone: 'America/Los_Angeles',
    });
  });
});

describe('a failed scheduled run reaches a person', () => {
  it('emails the installer and the CRO Email once a day per cause, says what to do, and the menu shows it', () => {
    const {emulator, bundle, setting, alert, install, installRecord} = world();
    install(OWNER);
    setting('Rebuild Start', '');
    const [friday] = bundle.fireDueTriggers(FRIDAY_EVENING);
    expect((friday.error as Error).message).toMatch(/"Rebuild Start" is empty/);
    const failures = () =>
      emulator.outbox.filter(m => /scheduled run .* failed/.test(m.subject));
    expect(failures()).toHaveLength(1);
    const [mail] = failures();
    expect(mail.to).toBe(`${OWNER},${CRO}`);
    expect(mail.body).toMatch(
      /What failed: Settings: "Rebuild Start" is empty/,
    );
    expect(mail.body).toMatch(/What to do: Fix the setting named above/);
    // The prose comes from src/templates/run-failure.html, as typed: no markup, no escaping.
    expect(mail.body).toMatch(
      /failed\.\n\nWhat failed: .*\n\nWhat to do: .*\n\nhttps:\/\/.*\n\nYou get this at most once a day for the same cause\. Apps Script sends no failure email of its own for an add-on\.$/,
    );
    expect(mail.body).not.toMatch(/<\?|&quot;|&#/);
    // Run again the same day (a manual run of the handler): the same cause is not emailed twice.
    const uid = emulator.triggers.triggers[0].uid;
    expect(() =>
      bundle.call('onScheduleTick', [{triggerUid: uid}], {
        trigger: 'time',
        user: OWNER,
      }),
    ).toThrow(/"Rebuild Start" is empty/);
    expect(failures()).toHaveLength(1);
    // The next day it fails again (the catch-up): a new day, one more email.
    bundle.fireDueTriggers(SATURDAY_EVENING);
    expect(failures()).toHaveLength(2);
    expect(installRecord(OWNER).lastRun).toMatchObject({outcome: 'failed'});
    bundle.call('installSchedule', [], {trigger: 'menu', user: OWNER});
    expect(alert()).toMatch(
      /Last scheduled run: Sat 21 Nov 2026 16:\d\d \(America\/Los_Angeles\), it failed: catch-up snapshot: Settings: "Rebuild Start" is empty/,
    );
  });

  it('a lock held all Friday: the failure is logged without the lock, and Saturday takes the snapshot for the week that ended', () => {
    const {emulator, bundle, tab, install, installRecord} = world();
    install();
    emulator.holdScriptLock();
    const [friday] = bundle.fireDueTriggers(FRIDAY_EVENING);
    expect((friday.error as Error).message).toMatch(
      /did not finish within 30 seconds/,
    );
    // Recorded where no lock or protection is needed; the Delivery Log is left alone.
    expect(installRecord().lastRun).toMatchObject({
      outcome: 'failed',
      summary: expect.stringMatching(/^snapshot: Another change/),
    });
    expect(tab('Delivery Log')).toHaveLength(1);
    expect(
      emulator.outbox.filter(m => /failed/.test(m.subject)).map(m => m.to),
    ).toEqual([CRO]);
    expect(tab('Scorecard')).toHaveLength(1);
    emulator.releaseScriptLock();
    const [saturday] = bundle.fireDueTriggers(SATURDAY_EVENING);
    expect(saturday.error).toBeUndefined();
    expect((saturday.result as {ran: string[]}).ran).toEqual([
      'catch-up snapshot',
    ]);
    const scorecard = tab('Scorecard');
    expect(scorecard).toHaveLength(2);
    // Week 7, ending Friday 20 November in Los Angeles; the CFO got it.
    expect(scorecard[1][1]).toBe(7);
    expect(emulator.outbox.at(-1)!.to).toBe('cfo@example.com');
    expect(installRecord().lastRun).toMatchObject({outcome: 'ok'});
    // Sunday has nothing to catch up.
    const [sunday] = bundle.fireDueTriggers(new Date('2026-11-23T01:30:00Z'));
    expect((sunday.result as {ran: string[]}).ran).toEqual([]);
  });

  it('the installer lost the record: the failure is told in words, by email, without writing the Delivery Log', () => {
    const {emulator, bundle, tab, install, installRecord} = world();
    install();
    // The owner takes the CRO out of the Scorecard's editors behind the add-on's back.
    const scorecard = emulator.spreadsheet.sheets.find(
      s => s.state.name === 'Scorecard',
    )!;
    scorecard.state.protections[0].editors = [OWNER];
    const [friday] = bundle.fireDueTriggers(FRIDAY_EVENING);
    expect((friday.error as Error).message).toMatch(
      /cro@example\.com cannot take the snapshot yet: you are a keeper of the record/,
    );
    const [mail] = emulator.outbox.filter(m => /failed/.test(m.subject));
    expect(mail.body).toMatch(
      /What to do: The person the schedule runs as must be a keeper/,
    );
    expect(tab('Delivery Log')).toHaveLength(1);
    expect(installRecord().lastRun.outcome).toBe('failed');
  });

  it('a trigger whose install record is gone has no document to fall back on: its installer is told how to recover', () => {
    const {emulator, bundle, install} = world();
    install();
    emulator.properties.user[CRO] = {};
    const [friday] = bundle.fireDueTriggers(FRIDAY_EVENING);
    expect((friday.error as Error).message).toMatch(
      /does not know its spreadsheet .* open the spreadsheet and schedule it again/,
    );
    const [mail] = emulator.outbox;
    expect(mail.to).toBe(CRO);
    expect(mail.body).toMatch(/What to do: /);
  });

  it('a user who must re-authorise (an update added a scope) is emailed the link instead of failing silently', () => {
    const {emulator, bundle, tab, install, installRecord} = world();
    install();
    emulator.requireReauthorization(CRO, [SCOPES.allSpreadsheets]);
    const [friday] = bundle.fireDueTriggers(FRIDAY_EVENING);
    expect(friday.error).toBeUndefined();
    expect(tab('Scorecard')).toHaveLength(1);
    const [mail] = emulator.outbox;
    expect(mail.to).toBe(CRO);
    expect(mail.subject).toMatch(/needs your permission again/);
    expect(mail.body).toMatch(/Open this link and allow them: https:\/\//);
    expect(mail.body).toMatch(/^The weekly schedule for ".*" did not run/);
    expect(installRecord().lastRun.outcome).toBe('needs authorisation');
  });
});
