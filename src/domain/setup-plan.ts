/**
 * What "Set up workbook" must add, computed from what the workbook already
 * holds: tabs that do not exist, headers a tab lacks (appended after its
 * last column, so nothing moves), settings the Settings tab lacks, and the
 * look of what is added. What is there already is never moved, overwritten,
 * reformatted or deleted: formats and dropdowns go only on new columns, so
 * a user's own column keeps its look even when its header is a contract one.
 */
import {headerKey, spellings} from './headers';
import {SETTINGS} from './settings';
import {
  DEALS,
  FORECAST,
  SETTINGS_TAB,
  TABS,
  type ColumnKind,
  type ColumnSpec,
  type TabSpec,
} from './workbook';

/** What set-up needs to know of a tab that exists. */
export interface ExistingTab {
  /** The tab's name as it is (it may differ from the contract's in case). */
  name: string;
  /** Row 1, up to the last column with anything in it. */
  header: readonly unknown[];
  /** Last column with anything in it, in any row: new columns go after it, so they start empty. */
  lastColumn: number;
  frozenRows: number;
  protection: 'none' | 'warning-only' | 'protected';
  /** Settings tab only: the names already in its Setting column. */
  settingNames?: readonly string[];
}

export type ValidationPlan =
  | {kind: 'checkbox'}
  | {kind: 'list'; values: readonly string[]; allowInvalid: boolean};

/** Columns side by side that get one number format or one validation rule (1-based). */
export interface ColumnRun<T> {
  column: number;
  count: number;
  value: T;
}

export interface TabPlan {
  tab: TabSpec;
  /** The sheet's name: the contract's for a new tab, the existing one's otherwise. */
  sheetName: string;
  create: boolean;
  /** Headers written into row 1 from `headerColumn` on (1-based): after every used column. */
  newHeaders: string[];
  headerColumn: number;
  formats: ColumnRun<string>[];
  validations: ColumnRun<ValidationPlan>[];
  freezeHeader: boolean;
  /** Apply Google's protection recipe (owner and the person setting up only). */
  protect: boolean;
  /** An existing protection that only warns: make it enforce. */
  enforceProtection: boolean;
  hide: boolean;
  /** Settings tab only: rows to add below the last row. */
  settingsToAdd: Array<{Setting: string; Value: string | number}>;
  /** Forecast tab only, when set-up creates it: example formulas beside the data. */
  examples?: {column: number; headers: string[]; formulas: string[]};
}

export interface SetupPlan {
  tabs: TabPlan[];
  /** What set-up adds, one line per kind of change; empty when nothing is missing. */
  changes: string[];
}

/** Number format per column kind; text, checkbox, link and choice columns keep Sheets' default. */
export const NUMBER_FORMATS: Partial<Record<ColumnKind, string>> = {
  number: '0',
  currency: '$#,##0',
  percent: '0.0%',
  date: 'yyyy-mm-dd',
  datetime: 'yyyy-mm-dd hh:mm',
};

/** The examples a RevOps analyst copies: written only when set-up creates the Forecast tab. */
export const FORECAST_EXAMPLES = {
  headers: ['Variance (example)', 'Variance Target (example)'],
  formulas: ['=FORECAST_VARIANCE(C2:C13, D2:D13)', '=RECOVERY_TARGET(A2:A13)'],
} as const;

function validationFor(
  tab: TabSpec,
  column: ColumnSpec,
): ValidationPlan | undefined {
  if (column.kind === 'checkbox') return {kind: 'checkbox'};
  if (column.kind === 'choice' && column.choices) {
    // Deals are pasted from a CRM: an unexpected category is flagged, not refused,
    // so one odd cell never blocks a whole paste. Tabs the add-on writes refuse.
    return {kind: 'list', values: column.choices, allowInvalid: tab === DEALS};
  }
  return undefined;
}

/** Groups neighbouring columns with equal values into runs, skipping undefined. */
function runs<T>(
  first: number,
  values: readonly (T | undefined)[],
): ColumnRun<T>[] {
  const out: ColumnRun<T>[] = [];
  values.forEach((value, i) => {
    if (value === undefined) return;
    const last = out[out.length - 1];
    if (
      last &&
      last.column + last.count === first + i &&
      JSON.stringify(last.value) === JSON.stringify(value)
    ) {
      last.count++;
    } else {
      out.push({column: first + i, count: 1, value});
    }
  });
  return out;
}

function planTab(tab: TabSpec, existing: ExistingTab | undefined): TabPlan {
  const header = existing?.header ?? [];
  const present = new Set(header.map(headerKey).filter(k => k !== ''));
  // A CRM export's header (Opportunity ID) is the contract's: never add a second column for it.
  const missing = tab.columns.filter(
    c => !spellings(tab.name, c.header).some(k => present.has(k)),
  );
  const headerColumn = Math.max(existing?.lastColumn ?? 0, header.length) + 1;
  const create = existing === undefined;
  const plan: TabPlan = {
    tab,
    sheetName: existing?.name ?? tab.name,
    create,
    newHeaders: missing.map(c => c.header),
    headerColumn,
    formats: runs(
      headerColumn,
      missing.map(c => NUMBER_FORMATS[c.kind]),
    ),
    validations: runs(
      headerColumn,
      missing.map(c => validationFor(tab, c)),
    ),
    freezeHeader: create || existing.frozenRows === 0,
    protect: !!tab.protected && (create || existing.protection === 'none'),
    enforceProtection:
      !!tab.protected && existing?.protection === 'warning-only',
    hide: !!tab.hidden && create,
    settingsToAdd: [],
  };
  if (tab === SETTINGS_TAB) {
    const have = new Set((existing?.settingNames ?? []).map(headerKey));
    plan.settingsToAdd = SETTINGS.filter(s => !have.has(headerKey(s.name))).map(
      s => ({Setting: s.name, Value: s.default}),
    );
  }
  if (tab === FORECAST && create) {
    plan.examples = {
      column: headerColumn + missing.length,
      headers: [...FORECAST_EXAMPLES.headers],
      formulas: [...FORECAST_EXAMPLES.formulas],
    };
  }
  return plan;
}

function describe(plans: readonly TabPlan[]): string[] {
  const changes: string[] = [];
  // One line per kind of change that has any: "What: A, B."
  const say = (what: string, items: readonly string[]) => {
    if (items.length > 0) changes.push(`${what}: ${items.join(', ')}.`);
  };
  const names = (keep: (p: TabPlan) => boolean) =>
    plans.filter(keep).map(p => p.sheetName);
  say(
    'Added tabs',
    plans.filter(p => p.create).map(p => p.tab.name),
  );
  say(
    'Added columns at the end of existing tabs',
    plans
      .filter(p => !p.create)
      .flatMap(p => p.newHeaders.map(h => `${p.sheetName.trim()} › ${h}`)),
  );
  say(
    'Added settings with their defaults',
    plans.flatMap(p => p.settingsToAdd.map(s => s.Setting)),
  );
  say(
    'Froze the header row of',
    names(p => !p.create && p.freezeHeader),
  );
  say(
    'Protected (only the keepers of the record may edit)',
    names(p => p.protect || p.enforceProtection),
  );
  return changes;
}

/**
 * The plan for every tab of the contract, from the tabs that exist (keyed
 * by the contract's tab name). A tab that is complete gets an empty plan.
 */
export function planSetup(
  existing: Readonly<Record<string, ExistingTab | undefined>>,
): SetupPlan {
  const tabs = TABS.map(tab => planTab(tab, existing[tab.name]));
  return {tabs, changes: describe(tabs)};
}

/** Whether a tab's plan changes anything. */
export function changesTab(plan: TabPlan): boolean {
  return (
    plan.create ||
    plan.newHeaders.length > 0 ||
    plan.freezeHeader ||
    plan.protect ||
    plan.enforceProtection ||
    plan.hide ||
    plan.settingsToAdd.length > 0
  );
}

/** The report set-up shows when it is done. */
export function setupReport(plan: SetupPlan): string {
  if (plan.changes.length === 0) {
    return 'The workbook already has every tab, header and setting: nothing was changed.';
  }
  return `${plan.changes.join('\n')}\nNothing that was already in the workbook was moved, changed or deleted.`;
}
