/**
 * The sample workbook is the reference case of docs/playbook.md, built on the
 * real set-up, and its deals exercise the real gate and slip-signal
 * functions of the bundle: some Commit deals pass, some fail, signals fire.
 */
import {loadBundle} from '../../emulator/loader';
import {
  SAMPLE_VARIANCES,
  crmDeals,
  sampleWorkbook,
} from '../../emulator/sample-workbook';
import type {Emulator} from '../../emulator';
import {readSettings} from '../../src/services/settings';
import {activeSpreadsheet, inEmulator} from './harness';

const tab = (emulator: Emulator, name: string) =>
  emulator.run({}, () =>
    activeSpreadsheet(emulator)
      .getSheetByName(name)!
      .getDataRange()
      .getValues(),
  );

/** A custom function of the bundle, called as Sheets calls it. */
function formula(emulator: Emulator, name: string, args: unknown[]) {
  return loadBundle(emulator).call(name, args, {
    trigger: 'custom-function',
    authMode: 'CUSTOM_FUNCTION',
  });
}

describe('sampleWorkbook', () => {
  let emulator: Emulator;
  beforeAll(() => {
    // Its clock and dates are asserted in Los Angeles time.
    emulator = sampleWorkbook({
      emulator: {spreadsheetTimeZone: 'America/Los_Angeles'},
    });
  });

  it('starts clean: no alert, no counted call, its clock on the Friday of week 7', () => {
    expect(emulator.ui.alerts).toEqual([]);
    expect(emulator.ctx.calls.count()).toBe(0);
    expect(emulator.ctx.now().toISOString()).toBe('2026-11-20T23:00:00.000Z');
    const settings = inEmulator(emulator, () =>
      readSettings(activeSpreadsheet(emulator)),
    );
    expect(settings).toMatchObject({
      rebuildStart: '2026-10-05',
      cfoEmails: ['cfo@example.com'],
      croName: 'Dana Reyes',
      scorecardDay: 'Friday',
    });
  });

  it('has 12 weeks of Forecast with the case’s variances up to today', () => {
    const rows = tab(emulator, 'Forecast').slice(1);
    expect(rows.map(r => r[0])).toEqual([
      1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12,
    ]);
    const variance = rows
      .slice(0, 7)
      .map(r => Math.abs(Number(r[3]) - Number(r[2])) / Number(r[2]));
    variance.forEach((v, i) => expect(v).toBeCloseTo(SAMPLE_VARIANCES[i], 3));
    expect(variance.slice(0, 6).map(v => Math.round(v * 100))).toEqual([
      31, 24, 19, 11, 7, 5,
    ]);
    expect(variance[6]).toBeLessThanOrEqual(0.05);
    // Weeks after today have their Friday but no numbers yet.
    expect(rows.slice(7).every(r => r[2] === '' && r[3] === '')).toBe(true);
    const committed = rows.slice(0, 7).reduce((s, r) => s + Number(r[2]), 0);
    expect(committed / 7).toBeGreaterThan(1_500_000);
    expect(committed / 7).toBeLessThan(2_500_000);
  });

  it('has about 40 deals of the CRM export in every category, some passing the gate and some not', () => {
    const deals = tab(emulator, 'Deals');
    expect(deals).toHaveLength(41);
    const categories = new Set(deals.slice(1).map(r => r[5]));
    expect([...categories].sort()).toEqual([
      'Best Case',
      'Closed Lost',
      'Closed Won',
      'Commit',
      'Pipeline',
    ]);
    const compliance = formula(emulator, 'GATE_COMPLIANCE', [
      deals,
      emulator.ctx.now(),
    ]) as number;
    expect(compliance).toBeGreaterThan(0.5);
    expect(compliance).toBeLessThan(1);
  });

  it('has Commit deals on which each snapshot-visible slip signal fires, and deals flagged for a save-play', () => {
    const deals = tab(emulator, 'Deals');
    const now = emulator.ctx.now();
    const signals = (
      formula(emulator, 'SLIP_SIGNALS', [deals, now]) as string[][]
    )
      .slice(1)
      .flatMap(r => String(r[0]).split(', '))
      .filter(s => s !== '');
    for (const s of [
      'champion latency',
      'close-date micro-slip',
      'no new stakeholders',
      'silent procurement',
      'hedged language',
      'broken next step',
    ])
      expect(signals).toContain(s);
    expect(
      formula(emulator, 'FLAGGED_DEALS', [deals, now]),
    ).toBeGreaterThanOrEqual(2);
  });

  it('has three active commitments with six weeks of grades, a reason for every yellow and red', () => {
    const commitments = tab(emulator, 'Commitments').slice(1);
    expect(commitments.filter(r => r[5] === true)).toHaveLength(3);
    const grades = tab(emulator, 'Grades').slice(1);
    expect(grades).toHaveLength(18);
    expect(grades.filter(r => r[2] !== 'Green').every(r => r[3] !== '')).toBe(
      true,
    );
  });

  it('has slip signals declining week over week with save-plays, and attendance', () => {
    const signals = tab(emulator, 'Signals').slice(1);
    const perWeek = new Map<number, number>();
    for (const r of signals) {
      const t = (r[0] as Date).getTime();
      perWeek.set(t, (perWeek.get(t) ?? 0) + 1);
    }
    const counts = [...perWeek.values()];
    expect(counts).toHaveLength(7);
    expect(counts[6]).toBeLessThanOrEqual(counts[0] / 2);
    expect(signals.every(r => r[5] !== '' && r[6] !== '')).toBe(true);
    const executed = signals.filter(r => r[7] !== '').length;
    expect(executed / signals.length).toBeGreaterThan(0.7);
    expect(
      tab(emulator, 'Attendance')
        .slice(1)
        .map(r => r[2]),
    ).toEqual([8, 9, 10, 11, 11, 12]);
  });

  it('is the real set-up underneath: the Scorecard is protected and empty', () => {
    const scorecard = emulator.spreadsheet.sheets.find(
      s => s.state.name === 'Scorecard',
    )!;
    expect(scorecard.state.protections).toHaveLength(1);
    expect(scorecard.state.values).toHaveLength(1);
  });
});

describe('sampleWorkbook options', () => {
  it('moves every date with its today', () => {
    const emulator = sampleWorkbook({
      today: '2027-01-08',
      emulator: {spreadsheetTimeZone: 'America/Los_Angeles'},
    });
    const settings = inEmulator(emulator, () =>
      readSettings(activeSpreadsheet(emulator)),
    );
    expect(settings.rebuildStart).toBe('2026-11-23');
    const forecast = tab(emulator, 'Forecast');
    // Week 1 ends on the Friday after 2026-11-23, midnight in Los Angeles.
    expect((forecast[1][1] as Date).toISOString()).toBe(
      '2026-11-27T08:00:00.000Z',
    );
  });

  it('is the same every time, and builds its deals without the CRM export when it is absent', () => {
    expect(JSON.stringify(sampleWorkbook().spreadsheet.state)).toBe(
      JSON.stringify(sampleWorkbook().spreadsheet.state),
    );
    const builtIn = crmDeals('/nonexistent/export.csv');
    expect(builtIn).toHaveLength(40);
    const emulator = sampleWorkbook({csvPath: '/nonexistent/export.csv'});
    expect(
      tab(emulator, 'Deals')
        .slice(1)
        .map(r => r[0]),
    ).toEqual(builtIn.map(d => d.id));
  });
});
