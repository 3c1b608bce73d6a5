/**
 * Slip signals and save-plays from the sidebar: log a signal on a deal,
 * assign a save-play (action and owner), mark it executed with an outcome.
 * Each write runs under the document lock through the table layer, and an
 * edit to a row that changed since the sidebar loaded it is refused.
 */
import type * as Z from 'zod/mini';
import {isBlank, isDate, toText} from '../../domain/cells';
import {
  AssignSavePlaySchema,
  ExecuteSavePlaySchema,
  LogSignalSchema,
  parsePayload,
  WithdrawSignalSchema,
} from '../../domain/sidebar/schemas';
import type {
  Refusal,
  SavedSignals,
  SignalView,
  WriteResult,
} from '../../domain/sidebar/types';
import {versionAt} from '../../domain/sidebar/version';
import {
  findDeal,
  inSpan,
  signalViews,
  type SheetRow,
} from '../../domain/sidebar/views';
import {DEALS, SIGNALS_TAB} from '../../domain/workbook';
import {withDocumentLock} from '../lock';
import {activeSpreadsheet} from '../session';
import {checkWorkbookSettings} from '../settings';
import {
  appendRows,
  headerNames,
  readTable,
  updateRows,
  type Table,
  type TableRecord,
} from '../tables';
import {sidebarWeek, weekSpan, type SidebarWeek} from './calendar';
import {currentUser, refuse, staleRefusal} from './refusal';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

function readSignals(spreadsheet: Spreadsheet): Table {
  return readTable(spreadsheet, SIGNALS_TAB, {
    required: headerNames(SIGNALS_TAB),
  });
}

function thisWeeksSignals(
  spreadsheet: Spreadsheet,
  week: SidebarWeek,
): SignalView[] {
  const table = readSignals(spreadsheet);
  return signalViews(table.rows, table.cells, weekSpan(week, week.today));
}

function currentWeek(spreadsheet: Spreadsheet, now: Date): SidebarWeek {
  return sidebarWeek(
    spreadsheet,
    checkWorkbookSettings(spreadsheet).settings,
    now,
  );
}

export function logSignal(payload: unknown): WriteResult<SavedSignals> {
  const parsed = parsePayload(LogSignalSchema(), payload);
  if (!parsed.ok) return parsed;
  const input = parsed.value;
  const spreadsheet = activeSpreadsheet();
  return withDocumentLock((): WriteResult<SavedSignals> => {
    const now = new Date();
    const week = currentWeek(spreadsheet, now);
    const deals = readTable(spreadsheet, DEALS, {required: ['Deal ID']});
    const deal = findDeal(deals.rows, input.dealId);
    if (!deal) {
      return refuse(
        `No deal with the ID "${input.dealId}" on the Deals tab: pick the deal from the list.`,
        'dealId',
      );
    }
    const dealId = toText(deal.record['Deal ID']);
    const name = toText(deal.record['Deal']);
    const label = name ? `${name} (${dealId})` : dealId;
    const category = toText(deal.record['Forecast Category']);
    if (/^closed/i.test(category)) {
      return refuse(
        `${label} is ${category}: slip signals are logged on open deals.`,
        'dealId',
      );
    }
    const signals = readSignals(spreadsheet);
    const span = weekSpan(week, week.today);
    const twin = signals.rows.find(
      s =>
        toText(s.record['Deal ID']).toLowerCase() === dealId.toLowerCase() &&
        toText(s.record['Signal']).toLowerCase() ===
          input.signal.toLowerCase() &&
        inSpan(s.record['Logged At'], span) &&
        isBlank(s.record['Withdrawn At']),
    );
    if (twin) {
      return refuse(
        `“${input.signal}” is already logged on ${label} this week (Signals row ${twin.rowNumber}); a signal counts once a week.`,
        'signal',
      );
    }
    appendRows(spreadsheet, SIGNALS_TAB, [
      {
        'Logged At': now,
        'Deal ID': dealId,
        Signal: input.signal,
        Source: 'manual',
        Note: input.note.trim(),
        'Logged By': currentUser(),
      },
    ]);
    return {ok: true, value: {signals: thisWeeksSignals(spreadsheet, week)}};
  });
}

/** The Signals row the sidebar loaded, or the refusal saying it changed. */
function loadedRow(
  table: Table,
  row: number,
  version: string,
): SheetRow | Refusal {
  const found = table.rows.find(r => r.rowNumber === row);
  if (!found || versionAt(table.cells, row) !== version) {
    return staleRefusal(`Signals row ${row}`, 'row');
  }
  return found;
}

/**
 * Parses a payload naming a Signals row, then changes that row under the
 * document lock, unless it changed since the sidebar loaded it or was
 * withdrawn.
 */
function updateSignal<I extends {row: number; version: string}>(
  schema: Z.ZodMiniType<I>,
  payload: unknown,
  change: (
    input: I,
    found: SheetRow,
    week: SidebarWeek,
  ) => {record: TableRecord} | Refusal,
): WriteResult<SavedSignals> {
  const parsed = parsePayload(schema, payload);
  if (!parsed.ok) return parsed;
  const {row, version} = parsed.value;
  const spreadsheet = activeSpreadsheet();
  return withDocumentLock((): WriteResult<SavedSignals> => {
    const week = currentWeek(spreadsheet, new Date());
    const table = readSignals(spreadsheet);
    const found = loadedRow(table, row, version);
    if ('ok' in found) return found;
    if (!isBlank(found.record['Withdrawn At'])) {
      return refuse(
        `The signal of Signals row ${row} was withdrawn; it stays as it is.`,
        'row',
      );
    }
    const changed = change(parsed.value, found, week);
    if ('ok' in changed) return changed;
    updateRows(table, [{rowNumber: row, record: changed.record}]);
    return {ok: true, value: {signals: thisWeeksSignals(spreadsheet, week)}};
  });
}

export function assignSavePlay(payload: unknown): WriteResult<SavedSignals> {
  return updateSignal(AssignSavePlaySchema(), payload, (input, found) => {
    if (!isBlank(found.record['Save Play Executed On'])) {
      return refuse(
        `The save-play of Signals row ${input.row} is already executed; its action and owner stay as they were.`,
        'savePlay',
      );
    }
    return {
      record: {'Save Play': input.savePlay, 'Save Play Owner': input.owner},
    };
  });
}

export function executeSavePlay(payload: unknown): WriteResult<SavedSignals> {
  return updateSignal(
    ExecuteSavePlaySchema(),
    payload,
    (input, found, week) => {
      if (isBlank(found.record['Save Play'])) {
        return refuse(
          'Assign a save-play (action and owner) before marking it executed.',
          'savePlay',
        );
      }
      if (input.executedOn > week.today) {
        return refuse(
          `Executed on ${input.executedOn} is after today (${week.today}).`,
          'executedOn',
        );
      }
      const executedOn = week.span(input.executedOn);
      const logged = found.record['Logged At'];
      if (isDate(logged) && logged.getTime() >= executedOn.to) {
        return refuse(
          `Executed on ${input.executedOn} is before the signal was logged (${week.clock.localDate(logged)}).`,
          'executedOn',
        );
      }
      return {
        record: {
          'Save Play Executed On': new Date(executedOn.from),
          Outcome: input.outcome,
        },
      };
    },
  );
}

/**
 * Withdraws a mistaken signal: only whoever logged it, only in the week it
 * was logged, and only until its save-play is executed. The row stays in
 * Signals with Withdrawn At set; no count includes it from then on.
 */
export function withdrawSignal(payload: unknown): WriteResult<SavedSignals> {
  const user = currentUser();
  return updateSignal(WithdrawSignalSchema(), payload, (_, found, week) => {
    const by = toText(found.record['Logged By']);
    if (by === '' || by.toLowerCase() !== user.toLowerCase()) {
      return refuse(
        by === ''
          ? 'Only the person who logged a signal may withdraw it, and this one was logged by the slip check or before the sidebar recorded who logs.'
          : `Only ${by}, who logged this signal, may withdraw it.`,
        'withdraw',
      );
    }
    if (!inSpan(found.record['Logged At'], weekSpan(week, week.today))) {
      return refuse(
        'A signal can be withdrawn only in the week it was logged; it stays in that week’s record.',
        'withdraw',
      );
    }
    if (!isBlank(found.record['Save Play Executed On'])) {
      return refuse(
        'Its save-play is already executed, so the signal stays.',
        'withdraw',
      );
    }
    return {record: {'Withdrawn At': new Date()}};
  });
}
