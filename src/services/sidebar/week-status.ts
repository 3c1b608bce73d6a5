/**
 * Whether this week is recorded and emailed (domain/week-status.ts), for the
 * sidebar's Scorecard view: the week's Scorecard rows and each one's
 * delivery, read from the Delivery Log by the row's chain value
 * (domain/delivery-log.ts). Asked by the view when it opens, so the
 * sidebar's load stays one round trip of the same reads.
 */
import {deliveryLine, deliveryOf} from '../../domain/delivery-log';
import {deliveryState, type WeekRecordStatus} from '../../domain/week-status';
import {isDate, toNumber, toText} from '../../domain/cells';
import {readDeliveryLog, recordedRow} from '../delivery';
import {readScorecard, rowsForWeek} from '../scorecard-store';
import {readRecordSettings} from '../settings';
import {isDue, scheduleLabel} from '../snapshot-confirm';
import {weekContext} from '../week';

export function weekRecordStatus(
  spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet,
  now: Date,
): WeekRecordStatus {
  const timeZone = spreadsheet.getSpreadsheetTimeZone();
  const {settings} = readRecordSettings(spreadsheet, timeZone);
  const context = weekContext(spreadsheet, settings, now, now, timeZone);
  const {clock, weekEnding} = context;
  const state = readScorecard(spreadsheet, clock.localDate);
  const lines = readDeliveryLog(spreadsheet).rows.map(r =>
    deliveryLine(r.record),
  );
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
        delivery: deliveryState(deliveryOf(lines, r.chain, recordedRow(r))),
      };
    }),
  };
}
