/**
 * The page's picture of the world, as plain JSON: the add-on menu, the tabs
 * with their values as Sheets would display them, the clock, the triggers and
 * the outbox. Read from the emulator's state directly, so looking at the
 * workbook costs no counted service calls.
 */
import type {Emulator} from '../../emulator';
import type {MenuRecord} from '../../emulator/ui';
import type {SheetState} from '../../emulator/spreadsheet';
import {columnLetter} from '../../emulator/spreadsheet';
import type {Calculator} from './calc';
import {isDateValue} from './serialise';
import {outboxOf, type Execution, type PreviewWorld} from './world';
import {triggersOf, type TriggerView} from './store';

/** Rows sent per tab: enough to read, bounded for the 8,800-deal export. */
export const ROWS_SHOWN = 300;

export interface TabSummary {
  name: string;
  hidden: boolean;
  protected: boolean;
  protection?: {description: string; editors: string[]; warningOnly: boolean};
  rows: number;
  columns: number;
}

/** One cell as shown: its text and how Sheets would align or draw it. */
export type CellKind =
  | 'text'
  | 'number'
  | 'date'
  | 'boolean'
  | 'checkbox'
  | 'error'
  | 'uncomputed'
  | 'empty';
export interface CellView {
  text: string;
  kind: CellKind;
  checked?: boolean;
  /** The formula the cell holds (what editing it shows). */
  formula?: string;
  /** Why a formula shows an error, or that Sheets computes it, not the preview. */
  note?: string;
  /** Part of a formula's result that spilled beyond its cell. */
  spilled?: boolean;
}

/** What a formula the preview does not compute shows, and why. */
export const NOT_COMPUTED = 'not computed here';

export interface SheetView extends TabSummary {
  frozenRows: number;
  letters: string[];
  cells: CellView[][];
  shownRows: number;
}

export interface MessageView {
  index: number;
  from: string;
  to: string;
  cc: string;
  bcc: string;
  replyTo: string;
  subject: string;
  sentAt: string;
  text: string;
  html: string;
  attachments: Array<{
    index: number;
    name: string;
    contentType: string;
    size: number;
  }>;
}

export interface PreviewState {
  document: {
    name: string;
    url: string;
    timeZone: string;
    scriptTimeZone: string;
    owner: string;
    user: string;
    /** People the preview offers to act as. */
    people: string[];
  };
  menus: MenuRecord[];
  tabs: TabSummary[];
  sidebar: {index: number; title: string} | null;
  /** The last dialog shown, with the title Ui.showModalDialog gave it. */
  dialog: {index: number; title: string} | null;
  clock: {now: string; scriptTimeZone: string; spreadsheetTimeZone: string};
  triggers: TriggerView[];
  outbox: MessageView[];
  executions: Execution[];
  logs: string[];
  alerts: string[];
  functions: string[];
}

function lastRowOf(sheet: SheetState): number {
  for (let r = sheet.values.length; r > 0; r--) {
    if (sheet.values[r - 1].some(v => v !== '')) return r;
    if (Object.keys(sheet.formulas).some(k => k.startsWith(`${r},`))) return r;
  }
  return 0;
}

function lastColumnOf(sheet: SheetState): number {
  let last = 0;
  for (const row of sheet.values)
    for (let c = row.length; c > last; c--)
      if (row[c - 1] !== '') {
        last = c;
        break;
      }
  for (const k of Object.keys(sheet.formulas))
    last = Math.max(last, Number(k.split(',')[1]));
  return last;
}

function summary(sheet: SheetState): TabSummary {
  const lock = sheet.protections.find(p => p.type === 'SHEET');
  const out: TabSummary = {
    name: sheet.name,
    hidden: sheet.hidden,
    protected: sheet.protections.length > 0,
    rows: lastRowOf(sheet),
    columns: lastColumnOf(sheet),
  };
  const shown = lock ?? sheet.protections[0];
  if (shown)
    out.protection = {
      description: shown.description,
      editors: [...shown.editors],
      warningOnly: shown.warningOnly,
    };
  return out;
}

/**
 * The tab's cells as Sheets shows them, first ROWS_SHOWN rows: a formula that
 * calls a custom function shows its computed result (spilled over the cells
 * beside and below), any other formula says it is not computed here.
 */
export function sheetView(
  emulator: Emulator,
  name: string,
  calculator?: Calculator,
): SheetView | undefined {
  const fake = emulator.spreadsheet.sheets.find(s => s.state.name === name);
  if (!fake) return undefined;
  const sheet = fake.state;
  const base = summary(sheet);
  const spill = calculator?.extent(sheet.id) ?? {rows: 0, columns: 0};
  base.rows = Math.max(base.rows, spill.rows);
  base.columns = Math.max(base.columns, spill.columns);
  const columns = Math.max(base.columns, 1);
  const shownRows = Math.min(base.rows, ROWS_SHOWN);
  const cells: CellView[][] = [];
  for (let r = 1; r <= shownRows; r++) {
    const line: CellView[] = [];
    for (let c = 1; c <= columns; c++) {
      const key = `${r},${c}`;
      const formula = sheet.formulas[key];
      const value = sheet.values[r - 1]?.[c - 1] ?? '';
      const computed = calculator?.valueAt(sheet.id, r, c);
      if (formula && !calculator?.computes(formula)) {
        line.push({
          text: NOT_COMPUTED,
          kind: 'uncomputed',
          formula,
          note: `${formula}: Sheets computes this formula; the preview computes only the add-on's custom functions.`,
        });
      } else if (formula || (computed && value === '')) {
        const shown = computed?.value ?? '';
        const view: CellView = computed?.error
          ? {text: String(shown), kind: 'error', note: computed.error}
          : {
              text: emulator.spreadsheet.display(shown, sheet.formats[key]),
              kind: kindOf(shown),
            };
        if (formula) view.formula = formula;
        else view.spilled = true;
        line.push(view);
      } else if (
        sheet.validations[key]?.criteria === 'CHECKBOX' &&
        typeof value === 'boolean'
      ) {
        line.push({
          text: value ? 'TRUE' : 'FALSE',
          kind: 'checkbox',
          checked: value,
        });
      } else {
        const text = emulator.spreadsheet.display(value, sheet.formats[key]);
        line.push({text, kind: kindOf(value)});
      }
    }
    cells.push(line);
  }
  return {
    ...base,
    frozenRows: sheet.frozenRows,
    letters: Array.from({length: columns}, (_, i) => columnLetter(i + 1)),
    cells,
    shownRows,
  };
}

function kindOf(value: unknown): CellKind {
  if (value === '') return 'empty';
  if (typeof value === 'number') return 'number';
  if (typeof value === 'boolean') return 'boolean';
  if (isDateValue(value)) return 'date';
  return 'text';
}

export function messages(emulator: Emulator): MessageView[] {
  return outboxOf(emulator).map((m, index) => ({
    index,
    from: m.name ? `${m.name} <${m.from}>` : m.from,
    to: m.to,
    cc: m.cc,
    bcc: m.bcc,
    replyTo: m.replyTo,
    subject: m.subject,
    sentAt: isDateValue(m.sentAt) ? m.sentAt.toISOString() : '',
    text: m.body,
    html: m.htmlBody,
    attachments: m.attachments.map((a, i) => ({
      index: i,
      name: a.name ?? `attachment-${i + 1}`,
      contentType: a.contentType ?? 'application/octet-stream',
      size: a.bytes.length,
    })),
  }));
}

export function previewState(world: PreviewWorld): PreviewState {
  const {emulator} = world;
  const ss = emulator.spreadsheet;
  const sidebars = emulator.ui.sidebars;
  return {
    document: {
      name: ss.state.name,
      url: ss.getUrl(),
      timeZone: ss.state.timeZone,
      scriptTimeZone: emulator.ctx.scriptTimeZone,
      owner: emulator.ctx.owner,
      user: emulator.ctx.user,
      people: world.people(),
    },
    menus: emulator.ui.menus,
    tabs: ss.sheets.map(s => summary(s.state)),
    sidebar: sidebars.length
      ? {index: sidebars.length - 1, title: sidebars[sidebars.length - 1].title}
      : null,
    dialog: emulator.ui.dialogs.length
      ? {
          index: emulator.ui.dialogs.length - 1,
          title: emulator.ui.dialogs[emulator.ui.dialogs.length - 1].title,
        }
      : null,
    clock: {
      now: world.now().toISOString(),
      scriptTimeZone: emulator.ctx.scriptTimeZone,
      spreadsheetTimeZone: ss.state.timeZone,
    },
    triggers: triggersOf(emulator),
    outbox: messages(emulator),
    executions: world.executions.slice(-40),
    logs: emulator.logs.slice(-60),
    alerts: emulator.ui.alerts.slice(-20),
    functions: world.publicFunctions(),
  };
}
