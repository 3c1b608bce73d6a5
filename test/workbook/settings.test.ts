/**
 * Settings: every setting parsed into one typed object; every bad value
 * refused with a message naming the setting, the value and what is
 * expected; blank cells take their defaults; a missing required setting
 * says which one to fill in.
 */
import {MARKETING_SOURCES_TEXT} from '../../src/domain/leads/leads';
import {readFileSync} from 'node:fs';
import {join} from 'node:path';
import vm from 'node:vm';
import {
  SETTINGS,
  checkSettings,
  parseSettings,
  requireSetting,
  settingsHelp,
  type SettingKey,
} from '../../src/domain/settings';

/** Each setting with a value that must be refused, and a word of the reason. */
const BAD: Record<string, {value: unknown; why: RegExp}> = {
  'CFO Email': {value: 'cfo@example.com, bob@', why: /"bob@" is not an email/},
  'CRO Name': {value: 42, why: /has no letters/},
  'CRO Email': {value: 'cro at example.com', why: /is not an email address/},
  'Record Keepers': {
    value: 'analyst@example.com; rep at example.com',
    why: /"rep" is not an email address/,
  },
  'Rebuild Start': {value: '2026-10-06', why: /2026-10-06 is a Tuesday/},
  'Scorecard Day': {value: 'Funday', why: /not a weekday/},
  'Scorecard Hour': {value: 24, why: /above 23/},
  'Variance Milestones': {value: '2:12, 6:8%', why: /12/},
  'Gate Milestones': {value: 'soon', why: /not a milestone/},
  'EB Confirmation Days': {value: 1.5, why: /not a whole number/},
  'Champion Latency Hours': {value: 'two days', why: /not a number/},
  'Stakeholder Window Business Days': {value: 0, why: /below 1/},
  'Procurement Window Business Days': {value: -3, why: /below 1/},
  'Save-Play Threshold': {
    value: 80,
    why: /above 100%; for 80% write 80% or 0.8/,
  },
  'Attendance Thresholds': {value: '90%, 80%', why: /low one is above/},
  Currency: {value: 'euros', why: /not a three-letter currency code/},
  'Marketing Sources': {value: 'Web, , 42', why: /not a list of source names/},
  'Conversion Window Days': {value: 0, why: /below 1/},
  'Trend Alert': {value: 20, why: /above 100%/},
  'CMO Email': {value: 'cmo at example.com', why: /is not an email address/},
  'CEO Email': {value: 'ceo@', why: /is not an email address/},
  'Partner Emails': {
    value: 'partner@example.com, partner two',
    why: /is not an email address/,
  },
};

describe('settings', () => {
  it('lists every setting of the workbook contract, in its order, then Currency', () => {
    expect(SETTINGS.map(s => s.name)).toEqual([
      'CFO Email',
      'CRO Name',
      'CRO Email',
      'Record Keepers',
      'Rebuild Start',
      'Scorecard Day',
      'Scorecard Hour',
      'Variance Milestones',
      'Gate Milestones',
      'EB Confirmation Days',
      'Champion Latency Hours',
      'Stakeholder Window Business Days',
      'Procurement Window Business Days',
      'Save-Play Threshold',
      'Attendance Thresholds',
      'Currency',
      'Marketing Sources',
      'Conversion Window Days',
      'Trend Alert',
      'CMO Email',
      'CEO Email',
      'Partner Emails',
    ]);
  });

  it('reads blank cells as the defaults of docs/workbook.md', () => {
    expect(parseSettings({})).toEqual({
      cfoEmails: [],
      croName: '',
      croEmail: '',
      recordKeepers: [],
      rebuildStart: '',
      scorecardDay: 'Friday',
      scorecardHour: 16,
      varianceMilestones: [
        {week: 2, target: 0.12},
        {week: 6, target: 0.08},
        {week: 12, target: 0.05},
      ],
      gateMilestones: [
        {week: 4, target: 0.95},
        {week: 8, target: 1},
      ],
      ebConfirmationDays: 14,
      championLatencyHours: 48,
      stakeholderWindowDays: 10,
      procurementWindowDays: 10,
      savePlayThreshold: 0.8,
      attendanceThresholds: {low: 0.8, high: 0.9},
      currency: {
        currency: 'USD',
        symbol: '$',
        group: ',',
        decimal: '.',
        pattern: '¤n',
        locale: 'en_US',
      },
      marketingSources: MARKETING_SOURCES_TEXT,
      conversionWindowDays: 30,
      trendAlert: 0.2,
      cmoEmail: '',
      ceoEmail: '',
      partnerEmails: [],
    });
  });

  it("takes a blank Currency from the spreadsheet's locale, and a code in the locale's writing", () => {
    const berlin = parseSettings({}, {locale: 'de_DE'}).currency;
    expect(berlin).toMatchObject({
      currency: 'EUR',
      symbol: '€',
      locale: 'de_DE',
    });
    expect(parseSettings({}, {locale: 'en_GB'}).currency.currency).toBe('GBP');
    expect(parseSettings({}, {locale: 'ja'}).currency.currency).toBe('JPY');
    const dollarsInBerlin = parseSettings(
      {Currency: 'usd'},
      {locale: 'de_DE'},
    ).currency;
    expect(dollarsInBerlin).toMatchObject({
      currency: 'USD',
      symbol: '$',
      group: '.',
      decimal: ',',
    });
  });

  it('quotes a date cell as typed, in the spreadsheet zone, not as the script clock reads it', () => {
    // 2026-10-06 00:00 in Los Angeles is 03:00 in the script's New York: the person typed a date.
    const cell = new Date(Date.UTC(2026, 9, 6, 7));
    const {issues} = checkSettings(
      {'Rebuild Start': cell},
      {localDate: () => '2026-10-06'},
    );
    expect(issues[0].message).toBe(
      'Settings: "Rebuild Start" is 2026-10-06 (2026-10-06 is a Tuesday); expected a date that is a Monday, e.g. 2026-10-05.',
    );
  });

  it('reads values as Sheets hands them over, with names in any case or spacing', () => {
    const settings = parseSettings({
      'cfo email': 'cfo@example.com; board@example.com',
      CRO_NAME: 'Dana Reyes',
      'CRO Email': ' cro@example.com ',
      'Rebuild start': new Date(2026, 9, 5),
      'Scorecard Day': 'thu',
      'Scorecard Hour': '9',
      'Variance Milestones': '3:15%; 8:6%',
      'Gate Milestones': '6:0.9, 10:100%',
      'EB Confirmation Days': 21,
      'Champion Latency Hours': '72',
      'Stakeholder Window Business Days': 5,
      'Procurement Window Business Days': 15,
      'Save-Play Threshold': 0.75,
      'Attendance Thresholds': '75% 95%',
      'A note of my own': 'ignored',
    });
    expect(settings).toMatchObject({
      cfoEmails: ['cfo@example.com', 'board@example.com'],
      croName: 'Dana Reyes',
      croEmail: 'cro@example.com',
      rebuildStart: '2026-10-05',
      scorecardDay: 'Thursday',
      scorecardHour: 9,
      varianceMilestones: [
        {week: 3, target: 0.15},
        {week: 8, target: 0.06},
      ],
      gateMilestones: [
        {week: 6, target: 0.9},
        {week: 10, target: 1},
      ],
      ebConfirmationDays: 21,
      championLatencyHours: 72,
      stakeholderWindowDays: 5,
      procurementWindowDays: 15,
      savePlayThreshold: 0.75,
      attendanceThresholds: {low: 0.75, high: 0.95},
    });
  });

  it('reads a Rebuild Start date cell from another realm in the zone it is given', () => {
    const cell = vm.runInNewContext('new Date(Date.UTC(2026, 9, 5, 7))');
    const settings = parseSettings(
      {'Rebuild Start': cell},
      {localDate: d => (d.getTime() === cell.getTime() ? '2026-10-05' : '')},
    );
    expect(settings.rebuildStart).toBe('2026-10-05');
    expect(
      checkSettings({'Rebuild Start': cell}, {localDate: () => '2026-10-04'})
        .issues[0].message,
    ).toMatch(/2026-10-04 is a Sunday/);
  });

  it('accepts 80%, 0.8 and "0.8" alike, and refuses a bare 80', () => {
    for (const v of ['80%', 0.8, '0.8']) {
      expect(parseSettings({'Save-Play Threshold': v}).savePlayThreshold).toBe(
        0.8,
      );
    }
    expect(() => parseSettings({'Save-Play Threshold': '80'})).toThrow(
      'write 80% or 0.8',
    );
  });

  for (const s of SETTINGS) {
    const bad = BAD[s.name];
    it(`refuses a bad ${s.name}, naming it, its value and what is expected`, () => {
      const {issues} = checkSettings({[s.name]: bad.value});
      expect(issues).toHaveLength(1);
      const [issue] = issues;
      expect(issue.setting).toBe(s.name);
      expect(issue.message).toContain(`"${s.name}"`);
      expect(issue.message).toContain(
        typeof bad.value === 'string'
          ? JSON.stringify(bad.value)
          : String(bad.value),
      );
      expect(issue.message).toContain(`expected ${s.expected}`);
      expect(issue.detail).toMatch(bad.why);
      expect(() => parseSettings({[s.name]: bad.value})).toThrow(issue.message);
    });
  }

  it('takes one CRO email address, not a list', () => {
    const {issues} = checkSettings({
      'CRO Email': 'a@example.com, b@example.com',
    });
    expect(issues.map(i => i.detail)).toEqual([
      '"a@example.com, b@example.com" is not an email address',
    ]);
  });

  it('names every invalid setting at once, and keeps the valid ones', () => {
    const raw = Object.fromEntries(
      Object.entries(BAD).map(([name, {value}]) => [name, value]),
    );
    const {issues, settings} = checkSettings({
      ...raw,
      'CRO Email': 'cro@example.com',
    });
    expect(issues.map(i => i.setting)).toEqual(
      SETTINGS.map(s => s.name).filter(n => n !== 'CRO Email'),
    );
    expect(settings.croEmail).toBe('cro@example.com');
    expect(settings.scorecardHour).toBe(16);
  });

  it.each<[SettingKey, string]>([
    ['cfoEmails', '"CFO Email" is empty; enter the CFO\'s email address'],
    ['croName', '"CRO Name" is empty'],
    ['croEmail', '"CRO Email" is empty'],
    ['rebuildStart', '"Rebuild Start" is empty; enter the Monday of week 1'],
  ])(
    'says which setting to fill in when a feature needs %s',
    (key, message) => {
      const settings = parseSettings({});
      expect(() => requireSetting(settings, key)).toThrow(message);
    },
  );

  it('hands over a required setting that is there', () => {
    const settings = parseSettings({'CFO Email': 'cfo@example.com'});
    expect(requireSetting(settings, 'cfoEmails')).toEqual(['cfo@example.com']);
  });

  it('gives Settings help a row per setting: its value, whether it is valid, what is expected', () => {
    const help = settingsHelp({
      'CFO Email': 'cfo@example.com',
      'Scorecard Hour': 25,
      'Save-Play Threshold': 0.85,
    });
    expect(help.summary).toBe(
      '1 setting is invalid; fix it in the Settings tab. Before the first snapshot, fill in CRO Name, CRO Email and Rebuild Start: they are still empty.',
    );
    expect(help.ready).toBe(false);
    const row = (name: string) => help.rows.find(r => r.name === name);
    expect(row('CFO Email')).toMatchObject({
      value: 'cfo@example.com',
      status: 'ok',
    });
    expect(row('Scorecard Hour')).toMatchObject({
      value: '25',
      status: 'invalid',
      note: 'above 23',
    });
    expect(row('Save-Play Threshold')).toMatchObject({
      value: '85%',
      status: 'ok',
    });
    expect(row('Rebuild Start')).toMatchObject({
      value: '(blank)',
      status: 'empty',
    });
    expect(row('Scorecard Day')).toMatchObject({
      value: '(blank)',
      status: 'default',
      note: 'blank, so the default Friday',
    });
    expect(row('Currency')).toMatchObject({
      status: 'default',
      note: "blank, so USD (the spreadsheet locale's currency, en_US)",
    });
    expect(help.rows.map(r => [r.name, r.expected])).toEqual(
      SETTINGS.map(s => [s.name, s.expected]),
    );
  });

  it('says what a blank sheet still needs before the first snapshot, never that all is well', () => {
    const blank = settingsHelp({});
    expect(blank.summary).toBe(
      'Before the first snapshot, fill in CFO Email, CRO Name, CRO Email and Rebuild Start: they are still empty.',
    );
    expect(blank.ready).toBe(false);
    const filled = settingsHelp({
      'CFO Email': 'cfo@example.com',
      'CRO Name': 'Dana Reyes',
      'CRO Email': 'cro@example.com',
      'Rebuild Start': '2026-10-05',
    });
    expect(filled.summary).toBe(
      'Every setting is valid and filled in: the snapshot has what it needs.',
    );
    expect(filled.ready).toBe(true);
  });
});

describe('the README’s settings table', () => {
  it('lists every setting with the default set-up writes', () => {
    const readme = readFileSync(
      join(__dirname, '..', '..', 'README.md'),
      'utf8',
    );
    const table = readme
      .split('<!-- settings:begin -->')[1]
      .split('<!-- settings:end -->')[0];
    const rows = table
      .trim()
      .split('\n')
      .slice(2)
      .map(line => line.split('|').map(c => c.trim()));
    expect(rows.map(r => [r[1], r[2]])).toEqual(
      SETTINGS.map(s => [
        s.name,
        s.default === '' ? '(none)' : String(s.default),
      ]),
    );
  });
});
