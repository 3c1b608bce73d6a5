/**
 * The weekly record keeps one calendar in every spreadsheet zone: the sample
 * workbook, its dates the same local days in each zone, runs the slip check
 * and the snapshot at 17:00 local on each day of a week (script in New York).
 * The Scorecard, the auto signals and Deal History must read the same, cell
 * for cell, as the spreadsheet shows them.
 */
import {sampleWorkbook} from '../../emulator/sample-workbook';
import {loadBundle} from '../../emulator/loader';
import {confirmingSnapshot} from '../helpers/snapshot';
import {BASELINE, ZONES, localCell, localText, plusDays} from './zones';

const WEEK = Array.from({length: 7}, (_, i) => plusDays('2026-11-16', i));
/** Values that are instants of the run, or derived from them (the hash chain). */
const INSTANT_COLUMNS = new Set(['Snapshot At', 'Chain', 'Attempted At']);

function tab(
  emulator: ReturnType<typeof sampleWorkbook>,
  zone: string,
  name: string,
) {
  const sheet = emulator.spreadsheet.sheets.find(s => s.state.name === name)!;
  const [header, ...rows] = sheet.state.values;
  return rows.map(r =>
    Object.fromEntries(
      header
        .map((h, i) => [String(h), localText(zone, r[i])] as const)
        .filter(([h]) => !INSTANT_COLUMNS.has(h)),
    ),
  );
}

/** A week of slip checks and snapshots in `zone`, and what they left in the workbook. */
function weekIn(zone: string) {
  const emulator = sampleWorkbook({
    today: WEEK[0],
    emulator: {spreadsheetTimeZone: zone, scriptTimeZone: 'America/New_York'},
  });
  const bundle = loadBundle(emulator);
  const runs = WEEK.map(day => {
    emulator.ctx.setNow(localCell(zone, `${day} 17:00`));
    const slip = bundle.call('runSlipCheck', [], {trigger: 'menu'});
    const snapshot = confirmingSnapshot((...args) =>
      bundle.call('snapshotWeek', args, {trigger: 'menu'}),
    ) as {message?: string};
    return {
      day,
      slip,
      snapshot: JSON.stringify(snapshot).replace(/[0-9a-f]{64}/g, '…'),
    };
  });
  return {
    runs,
    scorecard: tab(emulator, zone, 'Scorecard'),
    signals: tab(emulator, zone, 'Signals'),
    history: tab(emulator, zone, 'Deal History'),
    deliveries: tab(emulator, zone, 'Delivery Log'),
  };
}

const baseline = weekIn(BASELINE);

describe('the weekly record in every spreadsheet zone', () => {
  it('has a week worth comparing: signals logged, history kept, a snapshot and its amendments', () => {
    expect(baseline.signals.some(s => s['Source'] === 'auto')).toBe(true);
    expect(baseline.history.length).toBeGreaterThan(0);
    expect(baseline.history[0]['Week Ending']).toBe('2026-11-20');
    expect(baseline.scorecard[0]['Week Ending']).toBe('2026-11-20');
    expect(baseline.scorecard.length).toBeGreaterThanOrEqual(1);
  });

  it.each(ZONES)('%s keeps New York’s record', zone => {
    const week = weekIn(zone);
    expect(week.runs).toEqual(baseline.runs);
    expect(week.scorecard).toEqual(baseline.scorecard);
    expect(week.signals).toEqual(baseline.signals);
    expect(week.history).toEqual(baseline.history);
    expect(week.deliveries).toEqual(baseline.deliveries);
  });

  it('reads the zone’s offsets a fixed number of times, however many deals (not per row)', () => {
    const formatDates = (copies: number) => {
      const emulator = sampleWorkbook({
        today: WEEK[0],
        emulator: {spreadsheetTimeZone: 'Asia/Kolkata'},
      });
      const deals = emulator.spreadsheet.sheets.find(
        s => s.state.name === 'Deals',
      )!.state;
      const [header, ...rows] = deals.values;
      const id = header.indexOf('Deal ID');
      deals.values = [
        header,
        ...Array.from({length: copies}, (_, n) =>
          rows.map(r => r.map((c, i) => (i === id ? `${c}-${n}` : c))),
        ).flat(),
      ];
      deals.maxRows = Math.max(deals.maxRows, deals.values.length);
      const bundle = loadBundle(emulator);
      emulator.ctx.calls.reset();
      bundle.call('runSlipCheck', [], {trigger: 'menu'});
      bundle.call('snapshotWeek', [], {trigger: 'menu'});
      return emulator.ctx.calls.count('Utilities.formatDate');
    };
    const one = formatDates(1);
    expect(one).toBeGreaterThan(0);
    expect(formatDates(5)).toBe(one);
  });
});
