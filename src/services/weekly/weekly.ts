/**
 * The weekly part of the week's record (issue 13 §2, §5, §6, §7), read with
 * the record: the Quarters tab, last week's Deal History against Deals now,
 * the Forecast's optional Downturn-Adjusted Committed column and the CRO
 * Words tab, one read each (Deals and Forecast are the record's own reads).
 * A missing tab adds nothing: the record stays as it was. A Quarters tab with
 * a misspelt header or a cell that does not read is named, as Deals is.
 */
import {addDays, type LocalDate} from '../../domain/calendar';
import {isBlank, toNumber, toText, toWallTime} from '../../domain/cells';
import {fail} from '../../domain/deals';
import {headerKey} from '../../domain/headers';
import {readAmount} from '../../domain/money';
import {forecastFor, varianceOf} from '../../domain/scorecard';
import type {WeekRecord} from '../../domain/scorecard-record';
import type {Settings} from '../../domain/settings';
import {isoDay} from '../../domain/wall-clock';
import {
  calendarQuarterEnd,
  quarterOf,
  wrongCalls,
  type QuarterRow,
} from '../../domain/weekly/weekly';
import {
  DEAL_HISTORY,
  DEALS,
  FORECAST,
  QUARTERS,
  WORDS,
} from '../../domain/workbook';
import type {ZoneClock} from '../clock';
import {readTable, readingTable, type TableReader} from '../tables';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

const lenient = <T>(body: () => T, or: T): T => {
  try {
    return body();
  } catch {
    return or;
  }
};

/** A date cell or typed date as the spreadsheet's calendar day ('' when neither). */
const dayOf = (clock: ZoneClock) => (v: unknown) => {
  const wall = toWallTime(v, clock);
  return wall === undefined ? '' : isoDay(wall);
};

/**
 * The CRO Words tab for a week (read only when it exists: one lookup, one
 * read): this week's sentence per wrong call, the recommit update, and the
 * deals named in an earlier week.
 */
export function readWords(
  spreadsheet: Spreadsheet,
  clock: ZoneClock,
  weekEnding: LocalDate,
) {
  const words = {
    calls: new Map<string, string>(),
    named: new Set<string>(),
    recommit: '',
  };
  const sheet = spreadsheet.getSheetByName(WORDS.name);
  const day = dayOf(clock);
  if (sheet)
    for (const {record: r} of readTable(spreadsheet, WORDS, {sheet}).rows) {
      const week = day(r['Week Ending']);
      const text = toText(r['Words']);
      const id = toText(r['Deal ID']);
      if (week === weekEnding) {
        if (id) words.calls.set(id, text);
        else words.recommit = text;
      } else if (id && text && week < weekEnding) words.named.add(id);
    }
  return words;
}

export function readWeekly(
  spreadsheet: Spreadsheet,
  read: TableReader,
  settings: Settings,
  clock: ZoneClock,
  record: WeekRecord,
): Partial<WeekRecord> {
  const {weekEnding} = record;
  const day = dayOf(clock);
  // A missing Quarters tab adds nothing; a misspelt header or a cell that does not read is
  // named. A blank cell is a quarter still to come.
  const cell = <T>(
    r: Record<string, unknown>,
    h: string,
    n: number,
    parse: (v: unknown) => T | undefined | '',
    what: string,
  ): T | undefined => {
    const got = parse(r[h]);
    if (got !== undefined && got !== '') return got;
    return isBlank(r[h]) ? undefined : fail(h, r[h], what, n);
  };
  const {quarter, warning} = quarterOf(
    read.find(QUARTERS.name)
      ? readingTable(QUARTERS, () =>
          read(QUARTERS, ['Quarter', 'Quarter End', 'Commit']).rows.map(
            ({record: r, rowNumber: n}): QuarterRow => ({
              quarter: toText(r['Quarter']),
              end: cell(r, 'Quarter End', n, day, 'a date') ?? '',
              commit: cell(r, 'Commit', n, toNumber, 'an amount'),
              adjusted: toNumber(r['Downturn-Adjusted Commit']),
              actual: toNumber(r['Actual']),
            }),
          ),
        ).filter(q => q.end)
      : [],
    weekEnding,
  );

  // §7: the week's own Downturn-Adjusted Committed, else the week's commit scaled as the quarter's was.
  const forecast = read(FORECAST);
  const at = (forecast.cells[0] ?? [])
    .map(headerKey)
    .indexOf(headerKey('Downturn-Adjusted Committed'));
  const amount = (v: unknown) =>
    (r => (r.ok ? r.value : ''))(readAmount(v, settings.currency));
  let adjusted =
    at < 0
      ? ''
      : (forecastFor(
          forecast.rows.map(({record: r, rowNumber}) => ({
            week: toNumber(r['Week']) ?? '',
            weekEnding: day(r['Week Ending']),
            committed: amount(forecast.cells[rowNumber - 1][at]),
            closed: '' as const,
          })),
          weekEnding,
          record.week,
        )?.committed ?? '');
  if (adjusted === '' && quarter?.adjusted !== undefined && quarter.commit)
    adjusted =
      record.committed === ''
        ? ''
        : Math.round((record.committed * quarter.adjusted) / quarter.commit);

  // §6: last week's Commit deals (Deal History) against Deals now, up to the quarter's end.
  const words = readWords(spreadsheet, clock, weekEnding);
  const lastWeek = addDays(weekEnding, -7);
  // Without the tab (no slip check yet) no deal was committed last week; with it, Deals must say what became of each.
  const history = lenient(() => read(DEAL_HISTORY).rows, [])
    .filter(r => day(r.record['Week Ending']) === lastWeek)
    .map(({record: r}): [string, LocalDate] => [
      toText(r['Deal ID']),
      day(r['Close Date']),
    ]);
  const calls = history.length
    ? wrongCalls(
        history,
        new Map(
          read(DEALS, ['Deal ID', 'Forecast Category', 'Close Date']).rows.map(
            ({record: r}) => [
              toText(r['Deal ID']),
              {
                deal: toText(r['Deal']),
                category: toText(r['Forecast Category']),
                closeDate: day(r['Close Date']),
              },
            ],
          ),
        ),
        quarter?.end ?? calendarQuarterEnd(weekEnding),
        words.calls,
        words.named,
      )
    : [];

  // Only what holds something: a week without any of it records and shows as before.
  const extra: Partial<WeekRecord> = {};
  if (calls.length) extra.wrongCalls = calls;
  if (words.recommit) extra.recommit = words.recommit;
  if (warning) extra.warning = warning;
  if (adjusted !== '') {
    extra.adjustedCommitted = adjusted;
    extra.adjustedVariance = varianceOf(adjusted, record.closed);
  }
  return extra;
}
