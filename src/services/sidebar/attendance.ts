/**
 * This week's scorecard attendance from the Scorecard view: invited and
 * attended for the week ending, one Attendance row per week (updated in
 * place when the week has one), under the document lock, refused when the
 * row changed since the sidebar loaded it.
 */
import {
  parsePayload,
  RecordAttendanceSchema,
} from '../../domain/sidebar/schemas';
import type {SavedAttendance, WriteResult} from '../../domain/sidebar/types';
import {versionAt} from '../../domain/sidebar/version';
import {attendanceRowFor, attendanceView} from '../../domain/sidebar/views';
import {ATTENDANCE} from '../../domain/workbook';
import {withDocumentLock} from '../lock';
import {activeSpreadsheet} from '../session';
import {checkWorkbookSettings} from '../settings';
import {appendRows, headerNames, readTable, updateRows} from '../tables';
import {sidebarWeek} from './calendar';
import {staleRefusal, weekMovedRefusal} from './refusal';

export function recordAttendance(
  payload: unknown,
): WriteResult<SavedAttendance> {
  const parsed = parsePayload(RecordAttendanceSchema(), payload);
  if (!parsed.ok) return parsed;
  const input = parsed.value;
  const spreadsheet = activeSpreadsheet();
  return withDocumentLock((): WriteResult<SavedAttendance> => {
    const {settings} = checkWorkbookSettings(spreadsheet);
    const week = sidebarWeek(spreadsheet, settings, new Date());
    if (input.weekEnding !== week.weekEnding) {
      return weekMovedRefusal(
        input.weekEnding,
        week.weekEnding,
        "record this week's attendance",
      );
    }
    const span = week.span(week.weekEnding);
    const table = readTable(spreadsheet, ATTENDANCE, {
      required: headerNames(ATTENDANCE),
    });
    const row = attendanceRowFor(table.rows, span);
    const version = versionAt(table.cells, row?.rowNumber);
    if (version !== input.version) {
      return staleRefusal("This week's Attendance row", 'invited');
    }
    const counts = {Invited: input.invited, Attended: input.attended};
    if (row) updateRows(table, [{rowNumber: row.rowNumber, record: counts}]);
    else
      appendRows(spreadsheet, ATTENDANCE, [
        {'Week Ending': new Date(span.from), ...counts},
      ]);
    const saved = readTable(spreadsheet, ATTENDANCE);
    return {
      ok: true,
      value: {attendance: attendanceView(saved.rows, saved.cells, span)},
    };
  });
}
