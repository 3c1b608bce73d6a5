/**
 * Whether this week is recorded and emailed (domain/week-status.ts), for the
 * sidebar's Scorecard view: the week's Scorecard rows and each one's
 * delivery from the Delivery Log. Asked by the view when it opens, so the
 * sidebar's load stays one round trip of the same reads.
 */
import {deliveryOfRow} from '../../domain/delivery-log-interim';
import type {WeekRecordStatus} from '../../domain/week-status';
import {isDate, toNumber, toText} from '../../domain/cells';
import {DELIVERY_LOG} from '../../domain/workbook';
import {MAX_ATTEMPTS} from '../delivery';
import {readScorecard, rowsForWeek} from '../scorecard-store';
import {readSettings} from '../settings';
import {isDue, scheduleLabel} from '../snapshot-confirm';
import {readTable} from '../tables';
import {weekContext} from '../week';

export function weekRecordStatus(
  spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet,
  now: Date,
): WeekRecordStatus {
  const timeZone = spreadsheet.getSpreadsheetTimeZone();
  const settings = readSettings(spreadsheet, timeZone);
  const context = weekContext(spreadsheet, settings, now, now, timeZone);
  const {clock, weekEnding} = context;
  const state = readScorecard(spreadsheet, clock.localDate);
  const log = readTable(spreadsheet, DELIVERY_LOG).rows.map(r => r.record);
  return {
    week: context.week,
    weekEnding,
    scheduledFor: scheduleLabel(clock, weekEnding, settings.scorecardHour),
    due: isDue(context, settings),
    rows: rowsForWeek(state, weekEnding).map(r => {
      const at = r.values['Snapshot At'];
      return {
        row: r.rowNumber,
        amends: toNumber(r.values['Amends Row']) ?? '',
        recordedAt: isDate(at) ? at.toISOString() : '',
        recordedBy: toText(r.values['Snapshot By']),
        delivery: deliveryOfRow(log, r.rowNumber, MAX_ATTEMPTS),
      };
    }),
  };
}
