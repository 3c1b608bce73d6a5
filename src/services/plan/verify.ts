/**
 * What verifying the record adds once a plan is signed: an edit to the Plan
 * tab itself (its chain broken), and each signed commitment changed on the
 * Commitments tab since (wording, metric, target, or no longer active).
 */
import type {Verification} from '../scorecard-store';
import {PLAN} from '../../domain/workbook';
import {brokenPlanRow, planNow, planWords} from './read';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export function verifyPlan(
  spreadsheet: Spreadsheet,
  verdict: Verification,
  localDate: (value: unknown) => string,
): Verification {
  // One lookup before the first signing.
  const now =
    spreadsheet.getSheetByName(PLAN.name) && planNow(spreadsheet, localDate);
  const found = now?.plan
    ? [
        brokenPlanRow(now.record!.table),
        now.changes.length && planWords('changed', now),
      ].filter(Boolean)
    : [];
  return found.length
    ? {...verdict, ok: false, message: [verdict.message, ...found].join(' ')}
    : verdict;
}
