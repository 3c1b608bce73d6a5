/**
 * Menu: Sign the 60-day plan. Records the active commitments (wording,
 * metric, target), the CRO Name and the day in the Plan tab, chained and
 * protected for the keepers of the record like the Scorecard. A changed plan
 * is signed again as a new version with the person's reason; the same plan
 * signed again records nothing and says so. The words are in
 * src/templates/plan-words.html.
 */
import {GENESIS, chainValue} from '../../domain/chain';
import {PLAN, SCORECARD} from '../../domain/workbook';
import {localDates, zoneClock} from '../clock';
import {sha256Hex} from '../digest';
import {withDocumentLock} from '../lock';
import {requireKeeper, secureRecord} from '../protection';
import {reportToUser} from '../record-actions';
import {readRecordSettings} from '../settings';
import {activeSpreadsheet, currentUser} from '../session';
import {appendToTable, headerNames, tableOf} from '../tables';
import {planCanonical, planNow, planWords} from './read';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

const ACTION = 'sign the 60-day plan';
const refuse = (say: string, vars?: object) => {
  throw new Error(planWords(say, vars));
};

/** What signing would record now, refusing (before anything is written) what cannot be signed. */
function survey(spreadsheet: Spreadsheet, now: Date) {
  const timeZone = spreadsheet.getSpreadsheetTimeZone();
  const {settings} = readRecordSettings(spreadsheet, timeZone);
  // Someone who may not write the record is refused before anything is read or made.
  requireKeeper(spreadsheet, settings, ACTION, [SCORECARD, PLAN]);
  if (!settings.croName) refuse('cro');
  const clock = zoneClock(timeZone, now);
  const found = planNow(spreadsheet, localDates(clock));
  const n = found.commitments.length;
  if (n < 3 || n > 5 || found.commitments.some(c => c.includes('')))
    refuse('needs', found);
  return {...found, settings, clock};
}

/**
 * Signs, or signs a new version with the reason `ask` gets from the person
 * (null: they cancelled, and nothing is said). Returns the title, a line
 * break and the message.
 */
export function signPlan(
  spreadsheet: Spreadsheet,
  now: Date,
  ask: (version: number) => string | null,
): string {
  const seen = survey(spreadsheet, now);
  if (seen.plan && !seen.changes.length) return planWords('same', seen);
  const reason = seen.plan ? ask(seen.plan.version + 1)?.trim() : '';
  if (reason === undefined) return '';
  if (seen.plan && !reason) refuse('reason');
  return withDocumentLock(() => {
    // Again under the lock: someone may have signed while the person was asked.
    const again = survey(spreadsheet, now);
    const {settings, clock, record, plan} = again;
    if (plan?.version !== seen.plan?.version) refuse('meanwhile');
    const headers = headerNames(PLAN);
    let table = record?.table;
    if (!table) {
      // The first signing makes the tab (set-up never does).
      const sheet = spreadsheet.insertSheet(PLAN.name);
      sheet.appendRow(headers);
      sheet.setFrozenRows(1);
      table = tableOf(PLAN, sheet, [headers]);
    }
    secureRecord(spreadsheet, settings, ACTION, [PLAN]);
    const today = clock.localDate(now);
    const base = {
      Version: (plan?.version ?? 0) + 1,
      'Signed On': clock.midnight(today),
      'Signed By': currentUser(),
      'CRO Name': settings.croName,
      Reason: reason,
    };
    let chain = String(
      table.rows[table.rows.length - 1]?.record['Chain'] ?? GENESIS,
    );
    appendToTable(
      table,
      again.commitments.map(c => {
        const values: Record<string, unknown> = {...base};
        c.forEach((v, i) => (values[headers[i + 5]] = v));
        chain = chainValue(sha256Hex, chain, planCanonical(values));
        return {...values, Chain: chain};
      }),
    );
    return planWords('signed', {...again, ...base, today});
  });
}

/** The menu item: asks for the reason of a new version, then says what happened. */
export function signPlanFromMenu(): void {
  const ui = SpreadsheetApp.getUi();
  reportToUser(
    () =>
      signPlan(activeSpreadsheet(), new Date(), version => {
        const [title, question] = planWords('ask', {version}).split('\n');
        const answer = ui.prompt(title, question, ui.ButtonSet.OK_CANCEL);
        // The text is there even after Cancel or the title bar's close (Class PromptResponse): only OK answers.
        return answer.getSelectedButton() === ui.Button.OK
          ? answer.getResponseText()
          : null;
      }),
    said => (said ? (said.split(/\n(.*)/s) as [string, string]) : undefined),
    'Plan not signed',
  );
}
