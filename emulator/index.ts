/**
 * One emulated Apps Script world: a spreadsheet, its users and clock, and the
 * services the add-on calls, as the globals Apps Script provides. Dev tool
 * only: nothing here reaches dist/.
 */
import {
  EmulatorContext,
  type AuthMode,
  type EmulatorOptions,
  type Trigger,
} from './context';
import {expose} from './instrument';
import {
  FakeDataValidationBuilder,
  FakeSpreadsheet,
  emptySheetState,
  type SpreadsheetState,
} from './spreadsheet';
import {FakeUi, emptyUiState, type UiState} from './ui';

export {EmulatorContext} from './context';
export type {AuthMode, EmulatorOptions, Trigger} from './context';

export interface Emulator {
  ctx: EmulatorContext;
  spreadsheet: FakeSpreadsheet;
  ui: UiState;
  logs: string[];
  /** The globals a script sees: SpreadsheetApp, Utilities, … */
  globals: Record<string, unknown>;
  /** Runs `fn` as an execution of the given kind (auth mode and Ui availability). */
  run<T>(
    kind: {authMode?: AuthMode; trigger?: Trigger; user?: string},
    fn: () => T,
  ): T;
}

export function newSpreadsheetState(
  options: EmulatorOptions = {},
): SpreadsheetState {
  return {
    id: options.spreadsheetId ?? '1emulatedSpreadsheetId',
    name: 'Forecast workbook',
    timeZone: options.spreadsheetTimeZone ?? 'America/Los_Angeles',
    sheets: [emptySheetState('Sheet1', 0)],
    nextSheetId: 1,
  };
}

export function createEmulator(
  options: EmulatorOptions = {},
  state?: SpreadsheetState,
): Emulator {
  const ctx = new EmulatorContext(options);
  const spreadsheet = new FakeSpreadsheet(
    ctx,
    state ?? newSpreadsheetState(options),
  );
  const ui = emptyUiState();
  const logs: string[] = [];

  const SpreadsheetApp = expose(
    {
      getActiveSpreadsheet: () => {
        ctx.requireAuth('SpreadsheetApp.getActiveSpreadsheet', 'read');
        return spreadsheet.exposed();
      },
      getActive: () => {
        ctx.requireAuth('SpreadsheetApp.getActive', 'read');
        return spreadsheet.exposed();
      },
      /** No Ui outside a user-facing execution: Apps Script throws this from triggers. */
      getUi: () => {
        if (ctx.trigger === 'time' || ctx.trigger === 'custom-function') {
          throw new Error(
            'Cannot call SpreadsheetApp.getUi() from this context.',
          );
        }
        return expose(new FakeUi(ctx, ui), 'Ui', ctx);
      },
      newDataValidation: () =>
        expose(new FakeDataValidationBuilder(), 'DataValidationBuilder', ctx),
      flush: () => undefined,
      ProtectionType: {SHEET: 'SHEET', RANGE: 'RANGE'},
      DataValidationCriteria: {
        VALUE_IN_LIST: 'VALUE_IN_LIST',
        CHECKBOX: 'CHECKBOX',
      },
    },
    'SpreadsheetApp',
    ctx,
  );

  const Logger = expose(
    {
      log: (...args: unknown[]) => {
        logs.push(args.map(String).join(' '));
      },
    },
    'Logger',
    ctx,
  );

  const globals: Record<string, unknown> = {SpreadsheetApp, Logger};

  return {
    ctx,
    spreadsheet,
    ui,
    logs,
    globals,
    run(kind, fn) {
      const saved = {
        authMode: ctx.authMode,
        trigger: ctx.trigger,
        user: ctx.user,
      };
      ctx.authMode = kind.authMode ?? 'FULL';
      ctx.trigger = kind.trigger ?? 'menu';
      ctx.user = kind.user ?? ctx.user;
      try {
        return fn();
      } finally {
        Object.assign(ctx, saved);
      }
    },
  };
}
