/**
 * The weekly part's test world (issue 13 §6, §7) on the sample workbook:
 * last week's Deal History as the Monday slip check writes it, and Deals
 * changed since, read and written through the emulator's sheet state.
 */
import type {Emulator} from '../../emulator';
import type {CellValue} from '../../emulator/spreadsheet';

export const DAY = 864e5;

export const values = (emulator: Emulator, name: string) => {
  const sheet = emulator.spreadsheet.sheets.find(s => s.state.name === name);
  if (!sheet) throw new Error(`no tab ${name}`);
  return sheet.state.values;
};
export const col = (emulator: Emulator, name: string, header: string) =>
  values(emulator, name)[0].indexOf(header);

/** A date cell's day in the spreadsheet's zone. */
export const localDay = (emulator: Emulator, d: unknown) =>
  (d as Date).toLocaleDateString('en-CA', {
    timeZone: emulator.spreadsheet.getSpreadsheetTimeZone(),
  });

/** Week 7's Week Ending cell (midnight of Friday 20 November in the spreadsheet's zone). */
export const weekEndingCell = (emulator: Emulator) =>
  values(emulator, 'Forecast').find(r => r[0] === 7)![1] as Date;

/** The Quarters row whose Quarter End is the first on or after the week's end. */
export function currentQuarter(emulator: Emulator): CellValue[] {
  const end = col(emulator, 'Quarters', 'Quarter End');
  const week = weekEndingCell(emulator).getTime();
  return values(emulator, 'Quarters')
    .slice(1)
    .filter(r => (r[end] as Date).getTime() >= week)
    .sort((a, b) => (a[end] as Date).getTime() - (b[end] as Date).getTime())[0];
}

/**
 * Last Monday's slip check recorded five Commit deals in Deal History; since
 * then A and F went Closed Lost, B moved past the quarter end, C was already
 * dated past it last week and moved again, D did not move.
 */
export function wrongCallsWeek(emulator: Emulator) {
  const deals = values(emulator, 'Deals');
  const [id, name, category, close] = [
    'Deal ID',
    'Deal',
    'Forecast Category',
    'Close Date',
  ].map(h => col(emulator, 'Deals', h));
  const commit = deals.filter(r => r[category] === 'Commit').slice(0, 5);
  if (commit.length < 5)
    throw new Error('the sample has fewer than 5 Commit deals');
  const [a, b, c, d, f] = commit;
  const quarterEnd = currentQuarter(emulator)[
    col(emulator, 'Quarters', 'Quarter End')
  ] as Date;
  const lastWeek = new Date(weekEndingCell(emulator).getTime() - 7 * DAY);
  values(emulator, 'Deal History').push(
    ...commit.map(r => [
      lastWeek,
      r[id],
      'Negotiation',
      r === c ? new Date(quarterEnd.getTime() + 3 * DAY) : r[close],
      'Next step',
      'Metrics',
    ]),
  );
  a[category] = 'Closed Lost';
  f[category] = 'Closed Lost';
  b[close] = new Date(quarterEnd.getTime() + 10 * DAY);
  c[close] = new Date(quarterEnd.getTime() + 20 * DAY);
  const named = (r: CellValue[]) => ({
    id: String(r[id]),
    deal: String(r[name]),
  });
  return {
    a: named(a),
    b: named(b),
    c: named(c),
    d: named(d),
    f: named(f),
    quarterEnd: localDay(emulator, quarterEnd),
    movedTo: localDay(emulator, b[close]),
  };
}
