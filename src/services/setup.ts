/**
 * "Set up workbook": surveys the tabs that exist, asks the pure plan what is
 * missing, and adds only that, under the document lock, with a fixed number
 * of calls per tab whatever its size. Runs without a Ui (the sample
 * workbook and tests call it directly); the menu handler shows the report.
 */
import {activeSpreadsheet} from './session';
import {isBlank} from '../domain/cells';
import {letters, locateColumns} from '../domain/headers';
import {safeCell} from '../domain/safe-text';
import {caseless} from '../domain/words';
import {
  changesTab,
  planSetup,
  setupReport,
  type ColumnRun,
  type ExistingTab,
  type TabPlan,
  type ValidationPlan,
} from '../domain/setup-plan';
import {SETTINGS_TAB, TABS} from '../domain/workbook';
import {withDocumentLock} from './lock';
import {
  RECORD_TABS,
  keepersNamed,
  secureRecord,
  type RecordTab,
} from './protection';
import {checkKeeperSettings} from './settings';
import {appendRows} from './tables';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Protection = GoogleAppsScript.Spreadsheet.Protection;

/** The protection's state for the plan, and whether the first (the one set-up keeps) is warning-only. */
function protectionOf(found: Protection[]): {
  state: ExistingTab['protection'];
  firstWarningOnly?: boolean;
} {
  if (found.length === 0) return {state: 'none'};
  const first = found[0].isWarningOnly();
  const all = first && found.slice(1).every(p => p.isWarningOnly());
  return {
    state: all ? 'warning-only' : 'protected',
    firstWarningOnly: first,
  };
}

/** What an empty tab reads as: no header, no column. */
const EMPTY_TAB: unknown[][] = [[]];

/**
 * Row 1 up to the last column with anything in any row (the Settings tab:
 * every row), in one call; an empty tab has no such block.
 */
function topOf(sheet: Sheet, allRows: boolean): unknown[][] {
  try {
    return sheet.getSheetValues(1, 1, allRows ? -1 : 1, -1);
  } catch (err) {
    if (sheet.getLastColumn() > 0) throw err;
    // An empty Settings tab reads as getDataRange would: one blank cell.
    return allRows ? [['']] : EMPTY_TAB;
  }
}

/** What set-up needs to know of each contract tab that exists: its header row, extent and protection. */
interface Survey {
  existing: Record<string, ExistingTab | undefined>;
  byTab: Record<string, Sheet | undefined>;
  /** The Settings tab's cells, for the protection's settings. */
  settingsCells?: unknown[][];
  /** Each protected tab's first sheet protection (the one set-up keeps) and whether it is warning-only. */
  protections: Record<
    string,
    Pick<RecordTab, 'protection' | 'warningOnly'> | undefined
  >;
}

function survey(sheets: Sheet[]): Survey {
  const names = sheets.map(s => s.getName());
  const existing: Record<string, ExistingTab | undefined> = {};
  const byTab: Record<string, Sheet | undefined> = {};
  const protections: Survey['protections'] = {};
  let settingsCells: unknown[][] | undefined;
  for (const tab of TABS) {
    const i = names.findIndex(n => caseless(n) === caseless(tab.name));
    if (i < 0) continue;
    const sheet = sheets[i];
    const top = topOf(sheet, tab === SETTINGS_TAB);
    const header = top[0] ?? [];
    const info: ExistingTab = {
      name: names[i],
      header,
      // getSheetValues(…, -1) reads up to the last column with anything in any row.
      lastColumn: top === EMPTY_TAB ? 0 : header.length,
      frozenRows: sheet.getFrozenRows(),
      protection: 'none',
    };
    if (tab.protected) {
      const found = sheet.getProtections(
        SpreadsheetApp.ProtectionType.SHEET,
      ) as Protection[];
      const seen = protectionOf(found);
      info.protection = seen.state;
      protections[tab.name] = {
        protection: found[0],
        warningOnly: seen.firstWarningOnly,
      };
    }
    if (tab === SETTINGS_TAB) {
      settingsCells = top;
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
  return {existing, byTab, settingsCells, protections};
}

/** Google's size of a new sheet: insertSheet makes 1,000 rows by 26 columns, so set-up need not ask. */
export const NEW_TAB_ROWS = 1000;
export const NEW_TAB_COLUMNS = 26;

type Rule = GoogleAppsScript.Spreadsheet.DataValidation;

/**
 * Validation rules built once per set-up and reused by every column and tab
 * that takes them, all from one builder: build() makes a rule of the
 * builder's settings as they are then (DataValidationBuilder reference), so
 * a builder goes on to the next rule with only what differs set again.
 */
function ruleBook(): (plan: ValidationPlan) => Rule {
  const built = new Map<string, Rule>();
  let builder: GoogleAppsScript.Spreadsheet.DataValidationBuilder | undefined;
  // A new builder allows invalid data (DataValidationBuilder.setAllowInvalid: "The default for a new data validation builder is true").
  let allowsInvalid = true;
  return plan => {
    const key = JSON.stringify(plan);
    let rule = built.get(key);
    if (!rule) {
      builder ??= SpreadsheetApp.newDataValidation();
      const allowInvalid = plan.kind === 'checkbox' || plan.allowInvalid;
      if (allowInvalid !== allowsInvalid)
        builder.setAllowInvalid((allowsInvalid = allowInvalid));
      if (plan.kind === 'checkbox') builder.requireCheckbox();
      else builder.requireValueInList([...plan.values], true);
      rule = builder.build();
      built.set(key, rule);
    }
    return rule;
  };
}

/** Runs side by side (no column between) merged into blocks, each written with one call. */
function blocks<T>(runs: readonly ColumnRun<T>[]): ColumnRun<T>[][] {
  const out: ColumnRun<T>[][] = [];
  for (const run of runs) {
    const last = out[out.length - 1];
    const end = last && last[last.length - 1];
    if (end && end.column + end.count === run.column) last.push(run);
    else out.push([run]);
  }
  return out;
}

/** One row of a block: each run's value repeated over its columns. */
function rowOf<T>(block: readonly ColumnRun<T>[]): T[] {
  return block.flatMap(run => new Array<T>(run.count).fill(run.value));
}

type Range = GoogleAppsScript.Spreadsheet.Range;
/** A block of a tab by its A1 notation, and what is written to its Range. */
type Write = [string, (range: Range) => unknown];

const a1 = (row: number, column: number, rows: number, columns: number) =>
  `${letters(column)}${row}:${letters(column + columns - 1)}${row + rows - 1}`;

/**
 * Each block's Range with the fewest calls, then its writes in order: a
 * getRange per block, or one getRangeList and getRanges(), which lists the
 * ranges in the order of the notations given.
 */
function writeAll(sheet: Sheet, writes: readonly Write[]): void {
  const ranges =
    writes.length > 2
      ? sheet.getRangeList(writes.map(w => w[0])).getRanges()
      : writes.map(w => sheet.getRange(w[0]));
  writes.forEach(([, write], i) => write(ranges[i]));
}

/**
 * New header cells (and, on a new Settings tab, its default settings below
 * them), their dropdowns and formats, rows 2 to the end, and the Forecast's
 * examples: one write of the header block, one setDataValidations for every
 * dropdown and checkbox of the tab, one setNumberFormats per block of
 * formatted columns side by side; columns between stay untouched. The
 * blocks' Ranges come from one range list (writeAll).
 */
function addColumns(
  sheet: Sheet,
  plan: TabPlan,
  created: boolean,
  ruleFor: (plan: ValidationPlan) => Rule,
): void {
  const ex = plan.examples;
  const headers = [...plan.newHeaders, ...(ex ? ex.headers : [])];
  const widest = plan.headerColumn + headers.length - 1;
  const maxColumns = created ? NEW_TAB_COLUMNS : sheet.getMaxColumns();
  if (widest > maxColumns)
    sheet.insertColumnsAfter(maxColumns, widest - maxColumns);
  const writes: Write[] = [];
  if (headers.length > 0) {
    // A new Settings tab gets its defaults in the same write as its header.
    const below =
      created && plan.settingsToAdd.length > 0
        ? plan.settingsToAdd.map(s => [s.Setting, s.Value].map(safeCell))
        : [];
    const grid = [headers.map(safeCell), ...below];
    const header = a1(1, plan.headerColumn, 1, headers.length);
    const bold = (r: Range) => r.setFontWeight('bold');
    // The header row's Range takes both, unless defaults sit below it.
    writes.push(
      below.length
        ? [
            a1(1, plan.headerColumn, grid.length, headers.length),
            r => r.setValues(grid),
          ]
        : [header, r => bold(r.setValues(grid))],
    );
    if (below.length) writes.push([header, bold]);
  }
  const rows = (created ? NEW_TAB_ROWS : sheet.getMaxRows()) - 1;
  if (rows > 0 && plan.validations.length > 0) {
    // Columns between dropdowns get no rule (null), as they had none.
    const first = plan.validations[0].column;
    const row: (Rule | null)[] = [];
    for (const run of plan.validations) {
      while (first + row.length < run.column) row.push(null);
      for (let i = 0; i < run.count; i++) row.push(ruleFor(run.value));
    }
    writes.push([
      a1(2, first, rows, row.length),
      r => r.setDataValidations(new Array<(Rule | null)[]>(rows).fill(row)),
    ]);
  }
  if (ex) {
    const width = ex.headers.length;
    writes.push(
      [a1(2, ex.column, 1, width), r => r.setFormulas([ex.formulas])],
      [a1(2, ex.column, 12, width), r => r.setNumberFormat('0.0%')],
    );
  }
  if (rows > 0)
    for (const block of blocks(plan.formats)) {
      const row = rowOf(block);
      writes.push([
        a1(2, block[0].column, rows, row.length),
        r => r.setNumberFormats(new Array<string[]>(rows).fill(row)),
      ]);
    }
  writeAll(sheet, writes);
}

function apply(
  spreadsheet: Spreadsheet,
  plan: TabPlan,
  ruleFor: (plan: ValidationPlan) => Rule,
  found?: Sheet,
): Sheet {
  const sheet = found ?? spreadsheet.insertSheet(plan.tab.name);
  addColumns(sheet, plan, !found, ruleFor);
  if (plan.freezeHeader) sheet.setFrozenRows(1);
  if (found && plan.settingsToAdd.length > 0)
    appendRows(spreadsheet, SETTINGS_TAB, plan.settingsToAdd);
  if (plan.hide) sheet.hideSheet();
  return sheet;
}

/**
 * The Settings tab's cells as a read would return them, without reading: what
 * the survey read of a tab set-up did not change, or what set-up wrote into
 * the tab it created (text is written as text, so it reads back as written).
 */
function settingsAsRead(
  sheet: Sheet | undefined,
  plan: TabPlan,
  unchanged: unknown[][] | undefined,
): {sheet: Sheet; cells: unknown[][]} | undefined {
  if (!sheet) return undefined;
  if (unchanged) return {sheet, cells: unchanged};
  if (!plan.create) return undefined;
  const rows = plan.settingsToAdd.map(s => [s.Setting, s.Value]);
  return {sheet, cells: [plan.newHeaders, ...rows]};
}

/**
 * Adds every missing tab, header and setting of the workbook contract and
 * returns what it did, in words. Never moves, overwrites or deletes a cell
 * that holds anything; running it again changes nothing.
 */
export function setUpWorkbook(
  spreadsheet: Spreadsheet = activeSpreadsheet(),
): string {
  return withDocumentLock(() => {
    const found = survey(spreadsheet.getSheets());
    const plan = planSetup(found.existing);
    const ruleFor = ruleBook();
    const changed = new Set<string>();
    const sheets = {...found.byTab};
    for (const tabPlan of plan.tabs) {
      if (!changesTab(tabPlan)) continue;
      const name = tabPlan.tab.name;
      sheets[name] = apply(spreadsheet, tabPlan, ruleFor, sheets[name]);
      changed.add(name);
    }
    const settingsRead = settingsAsRead(
      sheets[SETTINGS_TAB.name],
      plan.tabs.find(p => p.tab === SETTINGS_TAB)!,
      changed.has(SETTINGS_TAB.name) ? undefined : found.settingsCells,
    );
    const recordTabs: RecordTab[] = [];
    for (const tab of RECORD_TABS) {
      const sheet = sheets[tab.name];
      if (!sheet) continue;
      recordTabs.push({tab, sheet, ...found.protections[tab.name]});
    }
    return `${setupReport(plan)}${protectRecord(spreadsheet, settingsRead, recordTabs)}`;
  });
}

/**
 * Protects the record tabs for their keepers, or refreshes who they are when
 * the settings changed; the first person to run set-up stays a keeper.
 * Returns a sentence to add to the report when something changed or could
 * not be done; set-up's other work stands either way.
 */
function protectRecord(
  spreadsheet: Spreadsheet,
  settingsRead: {sheet: Sheet; cells: unknown[][]} | undefined,
  recordTabs: RecordTab[],
): string {
  try {
    const check = checkKeeperSettings(spreadsheet, settingsRead);
    // An invalid CRO Email or Record Keepers would read as blank and remove a keeper.
    const invalid = check.issues.find(
      i => i.setting === 'CRO Email' || i.setting === 'Record Keepers',
    );
    if (invalid) throw new Error(invalid.message);
    const {changed, keepers} = secureRecord(
      spreadsheet,
      check.settings,
      "refresh the record's protection",
      RECORD_TABS,
      true,
      recordTabs,
    );
    return changed
      ? `\nThe keepers of the record (who may write Scorecard, Delivery Log and Deal History): ${keepersNamed(spreadsheet, keepers.emails).join(', ')}.`
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
