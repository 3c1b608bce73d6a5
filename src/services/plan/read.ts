/**
 * The Plan tab read: its rows, the latest signed version, and its chain
 * checked. Looked up by its exact name (one call when it is absent: the
 * snapshot and the sidebar pay no more before the first signing).
 */
import {canonicalRow, verifyChain} from '../../domain/chain';
import {toText} from '../../domain/cells';
import type {LocalDate} from '../../domain/calendar';
import {
  latestPlan,
  planChanges,
  planDay,
  signedOf,
  type SignedPlan,
} from '../../domain/plan/signed';
import {activeCommitments} from '../../domain/sidebar/views';
import {COMMITMENTS, PLAN} from '../../domain/workbook';
import {sha256Hex} from '../digest';
import {headerNames, readTable, type Table} from '../tables';
import {render} from '../templates';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** Headers whose content the chain covers: all but the chain value itself. */
export const PLAN_CHAINED = headerNames(PLAN).slice(0, -1);

export const planCanonical = (record: Record<string, unknown>) =>
  canonicalRow(
    PLAN_CHAINED,
    PLAN_CHAINED.map(h => record[h]),
  );

export interface PlanRecord {
  table: Table;
  plan?: SignedPlan;
}

export function readPlan(
  spreadsheet: Spreadsheet,
  localDate: (value: unknown) => LocalDate | '',
): PlanRecord | undefined {
  const sheet = spreadsheet.getSheetByName(PLAN.name);
  if (!sheet) return undefined;
  // A missing column reads as blank: the chain then names the row.
  const table = readTable(spreadsheet, PLAN, {sheet});
  return {
    table,
    plan: latestPlan(
      table.rows.map(r => r.record),
      localDate,
    ),
  };
}

/** The Plan tab, the active commitments as they would be signed now, and what changed since the plan was signed. */
export function planNow(
  spreadsheet: Spreadsheet,
  localDate: (value: unknown) => LocalDate | '',
) {
  const record = readPlan(spreadsheet, localDate);
  const plan = record?.plan;
  const commitments = activeCommitments(
    readTable(spreadsheet, COMMITMENTS).rows,
  ).map(r => signedOf(r.record));
  const changes = plan ? planChanges(plan.commitments, commitments) : [];
  return {record, plan, commitments, changes};
}

/** The plan signed on or before a week's ending, with that day of it. */
export function planForWeek(
  spreadsheet: Spreadsheet,
  localDate: (value: unknown) => LocalDate | '',
  weekEnding: LocalDate,
): SignedPlan | undefined {
  const plan = readPlan(spreadsheet, localDate)?.plan;
  const day = plan && planDay(plan, weekEnding);
  return day && day > 0 ? {...plan!, day} : undefined;
}

/** The plan's words (src/templates/plan-words.html): a title line first where one is shown. */
export const planWords = (say: string, vars?: object) =>
  render('plan-words', {say, ...vars}).trim();

/** The first Plan row changed after it was signed, in words; undefined when none. */
export function brokenPlanRow(table: Table): string | undefined {
  const broken = verifyChain(
    sha256Hex,
    table.rows.map(r => ({
      canonical: planCanonical(r.record),
      chain: toText(r.record['Chain']),
    })),
  );
  return (
    broken &&
    planWords('broken', {
      row: table.rows[broken.index].rowNumber,
      reason: broken.reason,
    })
  );
}
