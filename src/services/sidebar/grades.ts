/**
 * Saving the Friday grades: one Grades row per commitment for the week
 * ending, updated in place when the week already has one (never a
 * duplicate), under the document lock, refused when a row changed since the
 * sidebar loaded it. Fixed cost: two tab reads, at most one block rewrite
 * and one append, and one read back, however many rows the tabs hold.
 */
import {addDays} from '../../domain/calendar';
import {toText} from '../../domain/cells';
import {
  gradeProblems,
  MAX_COMMITMENTS,
  tooManyCommitments,
} from '../../domain/sidebar/grades';
import {parsePayload, SaveGradesSchema} from '../../domain/sidebar/schemas';
import type {SavedGrades, WriteResult} from '../../domain/sidebar/types';
import {versionAt} from '../../domain/sidebar/version';
import {
  activeCommitments,
  gradeRowFor,
  planView,
} from '../../domain/sidebar/views';
import {COMMITMENTS, GRADES_TAB} from '../../domain/workbook';
import {withDocumentLock} from '../lock';
import {activeSpreadsheet} from '../session';
import {checkWorkbookSettings} from '../settings';
import {appendRows, readTable, updateRows, type TableRecord} from '../tables';
import {sidebarWeek} from './calendar';
import {currentUser, refuse, staleRefusal, weekMovedRefusal} from './refusal';

const GRADE_HEADERS = GRADES_TAB.columns.map(c => c.header);

export function saveGrades(payload: unknown): WriteResult<SavedGrades> {
  const parsed = parsePayload(SaveGradesSchema(), payload);
  if (!parsed.ok) return parsed;
  const input = parsed.value;
  const problem = gradeProblems(input.grades)[0];
  if (problem) return refuse(problem.message, problem.field);

  const spreadsheet = activeSpreadsheet();
  return withDocumentLock((): WriteResult<SavedGrades> => {
    const now = new Date();
    const {settings} = checkWorkbookSettings(spreadsheet);
    const week = sidebarWeek(spreadsheet, settings, now);
    if (input.weekEnding !== week.weekEnding) {
      return weekMovedRefusal(
        input.weekEnding,
        week.weekEnding,
        "grade this week; last week's grades stay as they were",
      );
    }
    const commitments = readTable(spreadsheet, COMMITMENTS, {
      required: ['Commitment ID', 'Active'],
    });
    const grades = readTable(spreadsheet, GRADES_TAB, {
      required: GRADE_HEADERS,
    });
    const active = new Map(
      activeCommitments(commitments.rows).map(c => {
        const id = toText(c.record['Commitment ID']);
        return [id.toLowerCase(), id] as const;
      }),
    );

    // The playbook's 3 to 5, never more than 5: a plan of 6 is not graded.
    if (active.size > MAX_COMMITMENTS) {
      return refuse(tooManyCommitments(active.size), 'plan');
    }

    const seen = new Set<string>();
    for (const entry of input.grades) {
      const key = entry.commitmentId.toLowerCase();
      if (!active.has(key)) {
        return refuse(
          `${entry.commitmentId} is not an active commitment on the Commitments tab (it may have changed since the sidebar loaded). Reload the sidebar.`,
          `${entry.commitmentId}.grade`,
        );
      }
      if (seen.has(key)) {
        return refuse(
          `${entry.commitmentId} is graded twice; grade each commitment once.`,
          `${entry.commitmentId}.grade`,
        );
      }
      seen.add(key);
    }
    const ungraded = [...active].find(([key]) => !seen.has(key));
    if (ungraded) {
      return refuse(
        `Grade every active commitment: ${ungraded[1]} has no grade.`,
        `${ungraded[1]}.grade`,
      );
    }

    const thisWeek = week.span(week.weekEnding);
    const weekEnding = new Date(thisWeek.from);
    const user = currentUser();
    const updates: Array<{rowNumber: number; record: TableRecord}> = [];
    const appends: TableRecord[] = [];
    for (const entry of input.grades) {
      const id = active.get(entry.commitmentId.toLowerCase()) as string;
      const row = gradeRowFor(grades.rows, id, thisWeek);
      const version = versionAt(grades.cells, row?.rowNumber);
      if (version !== entry.version) {
        return staleRefusal(`This week's grade of ${id}`, `${id}.grade`);
      }
      const record: TableRecord = {
        'Week Ending': weekEnding,
        'Commitment ID': id,
        Grade: entry.grade,
        Reason: entry.reason.trim(),
        'Next Action': entry.nextAction.trim(),
        'Graded By': user,
        'Graded At': now,
      };
      if (row) updates.push({rowNumber: row.rowNumber, record});
      else appends.push(record);
    }
    updateRows(grades, updates);
    appendRows(spreadsheet, GRADES_TAB, appends);

    const saved = readTable(spreadsheet, GRADES_TAB);
    return {
      ok: true,
      value: {
        plan: planView({
          commitments: commitments.rows,
          grades: saved.rows,
          gradeCells: saved.cells,
          thisWeek,
          lastWeek: week.span(addDays(week.weekEnding, -7)),
        }),
      },
    };
  });
}
