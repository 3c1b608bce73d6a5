/**
 * "Set up workbook": surveys the tabs that exist, asks the pure plan what is
 * missing, and adds only that, under the document lock, with a fixed number
 * of calls per tab whatever its size. Runs without a Ui (the sample
 * workbook and tests call it directly); the menu handler shows the report.
 */
import {isBlank} from '../domain/cells';
import {locateColumns} from '../domain/headers';
import {safeCell} from '../domain/safe-text';
import {
  changesTab,
  planSetup,
  setupReport,
  type ExistingTab,
  type TabPlan,
  type ValidationPlan,
} from '../domain/setup-plan';
import {SETTINGS_TAB, TABS} from '../domain/workbook';
import {withDocumentLock} from './lock';
import {RECORD_TABS, keepersNamed, secureRecord} from './protection';
import {checkWorkbookSettings} from './settings';
import {appendRows} from './tables';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

function sameName(a: string, b: string): boolean {
  return a.trim().toLowerCase() === b.trim().toLowerCase();
}

function protectionOf(sheet: Sheet): ExistingTab['protection'] {
  const found = sheet.getProtections(
    SpreadsheetApp.ProtectionType.SHEET,
  ) as GoogleAppsScript.Spreadsheet.Protection[];
  if (found.length === 0) return 'none';
  return found.every(p => p.isWarningOnly()) ? 'warning-only' : 'protected';
}

/** What set-up needs to know of each contract tab that exists: its header row, extent and protection. */
function survey(sheets: Sheet[]): {
  existing: Record<string, ExistingTab | undefined>;
  byTab: Record<string, Sheet | undefined>;
} {
  const names = sheets.map(s => s.getName());
  const existing: Record<string, ExistingTab | undefined> = {};
  const byTab: Record<string, Sheet | undefined> = {};
  for (const tab of TABS) {
    const i = names.findIndex(n => sameName(n, tab.name));
    if (i < 0) continue;
    const sheet = sheets[i];
    const lastColumn = sheet.getLastColumn();
    const top =
      tab === SETTINGS_TAB
        ? sheet.getDataRange().getValues()
        : lastColumn > 0
          ? sheet.getRange(1, 1, 1, lastColumn).getValues()
          : [[]];
    const header = top[0] ?? [];
    const info: ExistingTab = {
      name: names[i],
      header,
      lastColumn,
      frozenRows: sheet.getFrozenRows(),
      protection: tab.protected ? protectionOf(sheet) : 'none',
    };
    if (tab === SETTINGS_TAB) {
      const at = locateColumns(header, ['Setting']).Setting;
      info.settingNames =
        at < 0
          ? []
          : top
              .slice(1)
              .map(r => r[at])
              .filter(v => !isBlank(v))
              .map(String);
    }
    existing[tab.name] = info;
    byTab[tab.name] = sheet;
  }
  return {existing, byTab};
}

function ruleFor(plan: ValidationPlan) {
  const builder = SpreadsheetApp.newDataValidation();
  if (plan.kind === 'checkbox') return builder.requireCheckbox().build();
  return builder
    .requireValueInList([...plan.values], true)
    .setAllowInvalid(plan.allowInvalid)
    .build();
}

/** New header cells, their formats and dropdowns: one call per run of alike columns, rows 2 to the end. */
function addColumns(sheet: Sheet, plan: TabPlan): void {
  const needed = plan.headerColumn + plan.newHeaders.length - 1;
  const examples = plan.examples
    ? plan.examples.column + plan.examples.headers.length - 1
    : 0;
  const maxColumns = sheet.getMaxColumns();
  const widest = Math.max(needed, examples);
  if (widest > maxColumns)
    sheet.insertColumnsAfter(maxColumns, widest - maxColumns);
  if (plan.newHeaders.length > 0) {
    sheet
      .getRange(1, plan.headerColumn, 1, plan.newHeaders.length)
      .setValues([plan.newHeaders.map(safeCell)])
      .setFontWeight('bold');
  }
  const rows = sheet.getMaxRows() - 1;
  if (rows < 1) return;
  for (const run of plan.formats) {
    sheet.getRange(2, run.column, rows, run.count).setNumberFormat(run.value);
  }
  for (const run of plan.validations) {
    sheet
      .getRange(2, run.column, rows, run.count)
      .setDataValidation(ruleFor(run.value));
  }
}

/** The Forecast examples: labels in row 1, live formulas in row 2, shown as percentages. */
function addExamples(sheet: Sheet, plan: TabPlan): void {
  const ex = plan.examples;
  if (!ex) return;
  const width = ex.headers.length;
  sheet
    .getRange(1, ex.column, 1, width)
    .setValues([ex.headers.map(safeCell)])
    .setFontWeight('bold');
  sheet.getRange(2, ex.column, 1, width).setFormulas([ex.formulas]);
  sheet.getRange(2, ex.column, 12, width).setNumberFormat('0.0%');
}

function apply(spreadsheet: Spreadsheet, plan: TabPlan, found?: Sheet): void {
  const sheet = found ?? spreadsheet.insertSheet(plan.tab.name);
  addColumns(sheet, plan);
  addExamples(sheet, plan);
  if (plan.freezeHeader) sheet.setFrozenRows(1);
  if (plan.settingsToAdd.length > 0)
    appendRows(spreadsheet, SETTINGS_TAB, plan.settingsToAdd);
  if (plan.hide) sheet.hideSheet();
}

/**
 * Adds every missing tab, header and setting of the workbook contract and
 * returns what it did, in words. Never moves, overwrites or deletes a cell
 * that holds anything; running it again changes nothing.
 */
export function setUpWorkbook(
  spreadsheet: Spreadsheet = SpreadsheetApp.getActiveSpreadsheet(),
): string {
  return withDocumentLock(() => {
    const {existing, byTab} = survey(spreadsheet.getSheets());
    const plan = planSetup(existing);
    for (const tabPlan of plan.tabs) {
      if (changesTab(tabPlan))
        apply(spreadsheet, tabPlan, byTab[tabPlan.tab.name]);
    }
    return `${setupReport(plan)}${protectRecord(spreadsheet)}`;
  });
}

/**
 * Protects the record tabs for their keepers, or refreshes who they are when
 * the settings changed; the first person to run set-up stays a keeper.
 * Returns a sentence to add to the report when something changed or could
 * not be done; set-up's other work stands either way.
 */
function protectRecord(spreadsheet: Spreadsheet): string {
  try {
    const check = checkWorkbookSettings(spreadsheet);
    // An invalid CRO Email or Record Keepers would read as blank and remove a keeper.
    const invalid = check.issues.find(
      i => i.setting === 'CRO Email' || i.setting === 'Record Keepers',
    );
    if (invalid) throw new Error(invalid.message);
    const changed = secureRecord(
      spreadsheet,
      check.settings,
      "refresh the record's protection",
      RECORD_TABS,
      true,
    );
    return changed
      ? `\nThe keepers of the record (who may write Scorecard, Delivery Log and Deal History): ${keepersNamed(spreadsheet, check.settings).join(', ')}.`
      : '';
  } catch (err) {
    return `\nThe record's protection was not refreshed: ${(err as Error).message}`;
  }
}

/** Menu: Set up workbook, then say what was added (or why nothing could be). */
export function setUpWorkbookFromMenu(): void {
  const ui = SpreadsheetApp.getUi();
  let title = 'Workbook set up';
  let report: string;
  try {
    report = setUpWorkbook();
    if (report.endsWith('nothing was changed.'))
      title = 'Workbook already set up';
  } catch (err) {
    title = 'Set-up stopped';
    report = `Set-up stopped: ${(err as Error).message}`;
  }
  ui.alert(title, report, ui.ButtonSet.OK);
}
