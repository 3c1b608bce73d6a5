/**
 * The Monday slip check: evaluates the seven slip signals on every Commit
 * deal, logs the new ones as auto signals (never the same deal, signal and
 * week twice), gives every deal with two or more signals a save-play owned
 * by the deal owner, and records this week's state of each Commit deal in
 * the hidden, protected Deal History tab for next week's comparison.
 */
import {
  addDays,
  mondayOf,
  weekEndingOf,
  type LocalDate,
} from '../domain/calendar';
import {isBlank, isDate, toText, wholeSeconds} from '../domain/cells';
import {plural} from '../domain/words';
import {isCommit, type DealHeader} from '../domain/deals';
import {eachDeal, readDealTable} from '../formulas/deal-table';
import {SIGNAL_HEADERS} from '../formulas/signals';
import {
  HEDGE_PHRASES,
  SNAPSHOT_RULES,
  firingSignals,
  signalContext,
  type SignalRule,
} from '../domain/signals';
import {
  HISTORY_RULES,
  SIGNAL_NOTES,
  meddpiccText,
  parseMeddpiccText,
  savePlayFor,
  type DealSnapshot,
  type DealWithHistory,
} from '../domain/slip-history';
import {
  DEAL_HISTORY,
  DEALS,
  MEDDPICC,
  SIGNALS_TAB,
  type SlipSignal,
} from '../domain/workbook';
import {isoDay} from '../domain/wall-clock';
import {localDates, zoneClock} from './clock';
import {withDocumentLock} from './lock';
import {secureRecord} from './protection';
import {readSettings} from './settings';
import {
  appendRows,
  headerNames,
  readTable,
  readingTable,
  requireTab,
  upsertRows,
  type TableRecord,
} from './tables';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/**
 * Every Deals column the check reads, each required: read as blank, a
 * renamed one would change which signals fire (or leave a save-play without
 * its owner) without a word, as SLIP_SIGNALS refuses it.
 */
const SLIP_CHECK_HEADERS: readonly DealHeader[] = [
  'Deal ID',
  'Forecast Category',
  'Owner',
  'Stage',
  ...MEDDPICC,
  ...SIGNAL_HEADERS,
];

const RULES = [
  ...SNAPSHOT_RULES,
  ...HISTORY_RULES,
] as readonly SignalRule<DealWithHistory>[];

export interface SlipCheckResult {
  weekOf: LocalDate;
  commitDeals: number;
  signalsLogged: number;
  flaggedDeals: string[];
  savePlaysAdded: number;
  message: string;
}

export function runSlipCheck(
  spreadsheet: Spreadsheet,
  now: Date,
): SlipCheckResult {
  const timeZone = spreadsheet.getSpreadsheetTimeZone();
  const settings = readSettings(spreadsheet, timeZone);
  const clock = zoneClock(timeZone, now);
  const monday = mondayOf(clock.localDate(now));
  const context = signalContext(clock.wall(now), {
    championLatencyHours: settings.championLatencyHours,
    stakeholderWindowDays: settings.stakeholderWindowDays,
    procurementWindowDays: settings.procurementWindowDays,
    hedgePhrases: HEDGE_PHRASES,
  });
  const loggedAt = wholeSeconds(now);
  // History rows are keyed by the week ending, like every other weekly row of the workbook.
  const weekEnding = weekEndingOf(monday, settings.scorecardDay);
  const weekCell = clock.midnight(weekEnding);

  const local = localDates(clock);

  return withDocumentLock(() => {
    secureRecord(spreadsheet, settings, 'run the slip check', [DEAL_HISTORY]);
    const deals = readTable(spreadsheet, DEALS, {
      required: SLIP_CHECK_HEADERS,
    });

    // Last week's (or the latest earlier) recorded state of each deal.
    const previous = new Map<
      string,
      {week: LocalDate; snapshot: DealSnapshot}
    >();
    // Every column of the history: the check writes each (a missing one would fail after the signals were logged).
    for (const {record} of readTable(spreadsheet, DEAL_HISTORY, {
      required: headerNames(DEAL_HISTORY),
    }).rows) {
      const when = record['Week Ending'];
      const id = toText(record['Deal ID']);
      if (!isDate(when) || id === '') continue;
      const week = local(when) as LocalDate;
      const known = previous.get(id);
      if (week >= weekEnding || (known && known.week >= week)) continue;
      previous.set(id, {
        week,
        snapshot: {
          stage: toText(record['Stage']),
          nextStep: toText(record['Next Step']),
          meddpicc: parseMeddpiccText(toText(record['MEDDPICC'])),
        },
      });
    }

    // Signals already logged this week, by deal: never log the same deal, signal and week twice.
    const logged = new Set<string>();
    const hasSavePlay = new Set<string>();
    const sunday = addDays(monday, 6);
    // Signals whole, as the sidebar and the snapshot read it: without Withdrawn At a
    // withdrawn signal would block the real one; without Save Play, save-plays would double.
    for (const {record} of readTable(spreadsheet, SIGNALS_TAB, {
      required: headerNames(SIGNALS_TAB),
    }).rows) {
      const at = record['Logged At'];
      // A withdrawn signal no longer counts: the check may log it again if it really fires.
      if (!isDate(at) || !isBlank(record['Withdrawn At'])) continue;
      const day = local(at) as LocalDate;
      if (day < monday || day > sunday) continue;
      const id = toText(record['Deal ID']);
      logged.add(`${id}\u0000${toText(record['Signal']).toLowerCase()}`);
      if (toText(record['Save Play']) !== '') hasSavePlay.add(id);
    }

    const newSignals: TableRecord[] = [];
    const history: TableRecord[] = [];
    const flagged: string[] = [];
    let savePlays = 0;
    let commitDeals = 0;
    const table = readDealTable(
      DEALS.name,
      deals.cells,
      clock,
      SLIP_CHECK_HEADERS,
    );
    // Commit deals only, read as FLAGGED_DEALS reads them (another deal's
    // cells are never refused), all before anything is written.
    const commit: DealWithHistory[] = [];
    readingTable(DEALS, () =>
      eachDeal(table, isCommit, deal => {
        if (deal.dealId !== '') commit.push(deal);
      }),
    );
    for (const deal of commit) {
      commitDeals++;
      deal.previous = previous.get(deal.dealId)?.snapshot;
      const fired: SlipSignal[] = firingSignals(deal, context, RULES);
      const fresh = fired.filter(
        s => !logged.has(`${deal.dealId}\u0000${s.toLowerCase()}`),
      );
      const rows: TableRecord[] = fresh.map(signal => ({
        'Logged At': loggedAt,
        'Deal ID': deal.dealId,
        Signal: signal,
        Source: 'auto',
        Note: SIGNAL_NOTES[signal],
      }));
      if (fired.length >= 2) {
        flagged.push(deal.dealId);
        if (!hasSavePlay.has(deal.dealId) && rows.length > 0) {
          rows[0]['Save Play'] = savePlayFor(fired);
          rows[0]['Save Play Owner'] = deal.owner;
          savePlays++;
        }
      }
      newSignals.push(...rows);
      history.push({
        'Week Ending': weekCell,
        'Deal ID': deal.dealId,
        Stage: deal.stage,
        'Close Date':
          deal.closeDate === undefined
            ? ''
            : clock.midnight(isoDay(deal.closeDate)),
        'Next Step': deal.nextStep,
        MEDDPICC: meddpiccText(deal),
      });
    }

    appendRows(spreadsheet, SIGNALS_TAB, newSignals);
    const historyTab = requireTab(spreadsheet, DEAL_HISTORY);
    if (!historyTab.isSheetHidden()) historyTab.hideSheet();
    upsertRows(spreadsheet, DEAL_HISTORY, ['Week Ending', 'Deal ID'], history);

    return {
      weekOf: monday,
      commitDeals,
      signalsLogged: newSignals.length,
      flaggedDeals: flagged,
      savePlaysAdded: savePlays,
      message:
        `Slip check for the week of ${monday}: ${plural(commitDeals, 'Commit deal')}, ${plural(newSignals.length, 'new signal')} logged, ` +
        `${plural(flagged.length, 'deal')} flagged with two or more signals, ${plural(savePlays, 'save-play')} added.`,
    };
  });
}
