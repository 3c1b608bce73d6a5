/**
 * saveWorld / loadWorld: the preview's world survives a round trip through a
 * JSON file, Dates and attachment bytes included, and is written atomically.
 */
import {
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {loadWorld, saveWorld} from '../../emulator/persist';
import type {Globals} from './world';
import {world} from './world';

describe('persistence', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'emulator-world-'));
  });
  afterEach(() => rmSync(dir, {recursive: true, force: true}));

  function populated() {
    const w = world({
      owner: 'cro@acme.example',
      scriptTimeZone: 'America/New_York',
      spreadsheetTimeZone: 'America/Los_Angeles',
      now: new Date('2024-05-03T12:00:00Z'),
    });
    w.sheet()
      .getRange(1, 1, 2, 3)
      .setValues([
        ['Week Ending', 'Committed', 'Note'],
        [new Date('2024-05-03T07:00:00Z'), 1200000, '=A2'],
      ]);
    w.PropertiesService.getDocumentProperties().setProperty('cfo', 'cfo@x.io');
    w.PropertiesService.getUserProperties().setProperty('seen', 'yes');
    w.ScriptApp.newTrigger('weeklySnapshot')
      .timeBased()
      .everyWeeks(1)
      .onWeekDay(w.ScriptApp.WeekDay.FRIDAY)
      .atHour(17)
      .create();
    w.MailApp.sendEmail('cfo@x.io', 'Week 1', 'body', {
      attachments: [
        w.Utilities.newBlob('<p>Week 1</p>', 'text/html', 'w1.html').getAs(
          'application/pdf',
        ),
      ],
    });
    return w;
  }

  it('round-trips spreadsheet, properties, triggers, outbox and clock', () => {
    const before = populated();
    const file = join(dir, 'nested', 'world.json');
    saveWorld(file, before.emulator);
    const after = loadWorld(file);
    const g = after.globals as unknown as Globals;

    const sheet = g.SpreadsheetApp.getActive().getSheetByName('Sheet1')!;
    const [header, row] = sheet.getRange(1, 1, 2, 3).getValues();
    expect(header).toEqual(['Week Ending', 'Committed', 'Note']);
    expect(Object.prototype.toString.call(row[0])).toBe('[object Date]');
    expect((row[0] as Date).toISOString()).toBe('2024-05-03T07:00:00.000Z');
    expect(row[1]).toBe(1200000);
    expect(sheet.getRange('C2').getFormula()).toBe('=A2');

    expect(g.PropertiesService.getDocumentProperties().getProperty('cfo')).toBe(
      'cfo@x.io',
    );
    expect(g.PropertiesService.getUserProperties().getProperty('seen')).toBe(
      'yes',
    );
    expect(g.ScriptApp.getProjectTriggers()[0].getHandlerFunction()).toBe(
      'weeklySnapshot',
    );
    expect(g.MailApp.getRemainingDailyQuota()).toBe(99);
    expect(after.ctx.now().toISOString()).toBe('2024-05-03T12:00:00.000Z');
    expect(after.ctx.owner).toBe('cro@acme.example');
    expect(after.ctx.scriptTimeZone).toBe('America/New_York');
    expect(g.SpreadsheetApp.getActive().getSpreadsheetTimeZone()).toBe(
      'America/Los_Angeles',
    );

    const [mail] = after.outbox;
    expect(mail.sentAt.toISOString()).toBe('2024-05-03T12:00:00.000Z');
    expect(mail.attachments[0].bytes).toEqual(
      before.emulator.outbox[0].attachments[0].bytes,
    );
    expect(
      Buffer.from(mail.attachments[0].bytes).subarray(0, 5).toString(),
    ).toBe('%PDF-');
  });

  it('tags Dates as {"$date": iso} and bytes as base64 in the file', () => {
    const file = join(dir, 'world.json');
    saveWorld(file, populated().emulator);
    const text = readFileSync(file, 'utf8');
    expect(text).toContain('"$date": "2024-05-03T07:00:00.000Z"');
    expect(text).toMatch(/"\$bytes": "JVBERi0/); // "%PDF-" in base64
  });

  it('a loaded world fires its saved trigger at the saved schedule', () => {
    const file = join(dir, 'world.json');
    saveWorld(file, populated().emulator);
    const after = loadWorld(file);
    const firings = after.fireDueTriggers(
      new Date('2024-05-04T00:00:00Z'),
      () => undefined,
    );
    // Friday 17:xx in the script's zone (New York) is 21:xx UTC, at the minute it was given.
    const {minute} = after.triggers.triggers[0].schedule as {minute: number};
    expect(minute).toBeGreaterThan(0);
    expect(firings.map(f => f.at.toISOString())).toEqual([
      `2024-05-03T21:${String(minute).padStart(2, '0')}:00.000Z`,
    ]);
  });

  it('writes atomically: only the world file is left in its folder', () => {
    const file = join(dir, 'world.json');
    const w = populated();
    saveWorld(file, w.emulator);
    w.sheet().getRange('A3').setValue('second save');
    saveWorld(file, w.emulator);
    expect(readdirSync(dir)).toEqual(['world.json']);
    expect(readFileSync(file, 'utf8')).toContain('second save');
  });

  it('refuses a file that is not an emulator world', () => {
    const file = join(dir, 'world.json');
    writeFileSync(file, '{"hello": 1}');
    expect(() => loadWorld(file)).toThrow(/Not an emulator world file/);
  });
});
