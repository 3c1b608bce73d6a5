/**
 * Menu: Draft the post-mortem (issue 13 §3). One read per tab, the words from
 * src/templates/post-mortem.html, one setValues of a column on the
 * Post-Mortem tab (created when first needed), all under the document lock.
 * Each draft takes the next free column: the CRO's edits are never touched.
 */
import {addDays} from '../../domain/calendar';
import {isBlank, toText} from '../../domain/cells';
import type {Deal, DealHeader} from '../../domain/deals';
import {missHeadline, missSplit, money} from '../../domain/miss';
import {
  missedQuarter,
  quarterBefore,
  rootCause,
  type HistoryRow,
  type LoggedSignal,
} from '../../domain/post-mortem/draft';
import {requireSetting} from '../../domain/settings';
import {HEDGE_PHRASES, signalContext} from '../../domain/signals';
import {activeCommitments} from '../../domain/sidebar/views';
import {DAY_MS} from '../../domain/wall-clock';
import {listed} from '../../domain/words';
import {
  COMMITMENTS,
  DEAL_HISTORY,
  DEALS,
  QUARTERS,
  SIGNALS_TAB,
  type TabSpec,
} from '../../domain/workbook';
import {safeCell} from '../../domain/safe-text';
import {eachDeal, readDealTable} from '../../formulas/deal-table';
import {GATE_HEADERS} from '../../formulas/gate';
import {SIGNAL_HEADERS} from '../../formulas/signals';
import {localDates, zoneClock} from '../clock';
import {withDocumentLock} from '../lock';
import {readSettings} from '../settings';
import {headerNames, readTable, readingTable} from '../tables';
import {render} from '../templates';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export const POST_MORTEM_TAB = 'Post-Mortem';

const HEADERS: DealHeader[] = [
  'Deal ID',
  'Deal',
  'Forecast Category',
  ...GATE_HEADERS,
  ...SIGNAL_HEADERS,
];

/** Writes a fresh draft beside the earlier ones; returns what it did, in words. */
export function draftPostMortem(ss: Spreadsheet, now: Date): string {
  const tz = ss.getSpreadsheetTimeZone();
  const clock = zoneClock(tz, now);
  const day = localDates(clock);
  // Whole, as the slip check, the snapshot and the sidebar read them.
  const read = (tab: TabSpec) =>
    readTable(ss, tab, {required: headerNames(tab)}).rows;
  return withDocumentLock(() => {
    const quarters = readTable(ss, QUARTERS, {
      required: ['Quarter', 'Quarter End', 'Commit', 'Actual'],
    });
    const q = readingTable(QUARTERS, () => missedQuarter(quarters.rows, day));
    if (!q)
      throw new Error(
        'No quarter on the "Quarters" tab has an Actual below its Commit; nothing changed.',
      );
    const settings = readSettings(ss, tz);
    const cro = requireSetting(settings, 'croName');
    const deals: Deal[] = [];
    const table = readDealTable(
      DEALS.name,
      readTable(ss, DEALS, {required: HEADERS}).cells,
      clock,
      HEADERS,
      ['Owner', 'Amount'],
    );
    readingTable(DEALS, () =>
      eachDeal(
        table,
        () => true,
        d => deals.push(d),
      ),
    );
    const history = read(DEAL_HISTORY).map(
      ({record: r}) =>
        [
          day(r['Week Ending']),
          toText(r['Deal ID']),
          day(r['Close Date']),
        ] as HistoryRow,
    );
    const logged = read(SIGNALS_TAB)
      .map(r => r.record)
      .filter(r => isBlank(r['Withdrawn At']))
      .map(
        r =>
          [
            day(r['Logged At']),
            toText(r['Deal ID']),
            toText(r.Signal),
          ] as LoggedSignal,
      );
    const cause = rootCause(
      deals,
      history,
      logged,
      quarterBefore(q.end),
      q.end,
      signalContext(Date.parse(q.end) + DAY_MS - 1, {
        ...settings,
        hedgePhrases: HEDGE_PHRASES,
      }),
      settings.ebConfirmationDays,
    );
    // The template words it, and computes the 72- and 36-hour clock from the close (the end of
    // Quarter End's day); its scriptlets call the functions pushed to it, as they run on the
    // server (HTML Service: Templated HTML, "Pushing variables to templates").
    const lines = render('post-mortem', {
      q,
      cro,
      settings,
      cause,
      plan: activeCommitments(read(COMMITMENTS)),
      headline: missHeadline(q.actual, q.commit, q.quarter),
      split: missSplit(q.actual, q.commit, q.nonControllable).map(money),
      now,
      close: clock.midnight(addDays(q.end, 1)).getTime(),
      when: (d: Date, p: string) => Utilities.formatDate(d, tz, p),
      clock,
      money,
      listed,
    })
      .split('\n')
      .map(l => l.trim())
      .filter(l => l);
    const found = ss.getSheetByName(POST_MORTEM_TAB);
    const sheet = found ?? ss.insertSheet(POST_MORTEM_TAB);
    const column = found ? found.getLastColumn() + 1 : 1;
    sheet
      .getRange(1, column, lines.length, 1)
      .setValues(lines.map(l => [safeCell(l)]))
      .setWrap(true);
    sheet.setColumnWidth(column, 560);
    return `${lines[0]}: column ${column} of the ${POST_MORTEM_TAB} tab. ${lines[2]}`;
  });
}
