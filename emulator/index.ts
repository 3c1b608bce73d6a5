/**
 * One emulated Apps Script world: a spreadsheet, its users and clock, and the
 * services the add-on calls, as the globals Apps Script provides. Dev tool
 * only: nothing here reaches dist/.
 */
import {join} from 'node:path';
import {
  EmulatorContext,
  SCOPES,
  appsScriptError,
  type AuthMode,
  type EmulatorOptions,
  type Trigger,
} from './context';
import {FakeHtmlService} from './html';
import {expose} from './instrument';
import {DeveloperMetadataVisibility} from './developer-metadata';
import {
  FakeLockService,
  holdDocumentLock,
  holdLock,
  releaseDocumentLock,
  releaseLock,
} from './lock';
import {
  DEFAULT_MAIL_QUOTA,
  FakeMailApp,
  emptyMailState,
  type MailState,
  type OutboxMessage,
} from './mail';
import {
  FakePropertiesService,
  emptyPropertiesState,
  type PropertiesState,
} from './properties';
import {FakeSession} from './session';
import {
  FakeDataValidationBuilder,
  FakeSpreadsheet,
  emptySheetState,
  type SpreadsheetState,
} from './spreadsheet';
import {
  FakeScriptApp,
  emptyTriggersState,
  nextRunAfter,
  timeDrivenEvent,
  type TimeDrivenEvent,
  type TriggerFiring,
  type TriggersState,
} from './triggers';
import {FakeUi, emptyUiState, type UiState} from './ui';
import {FakeUtilities} from './utilities';

export {EmulatorContext} from './context';
export type {AuthMode, EmulatorOptions, Trigger} from './context';
export type {OutboxMessage} from './mail';
export type {TimeDrivenEvent, TriggerFiring} from './triggers';

/** What the world keeps besides the spreadsheet: the stores persist.ts saves. */
export interface WorldStores {
  properties: PropertiesState;
  triggers: TriggersState;
  mail: MailState;
}

/** How an execution runs: its auth mode, whether a Ui exists, and as whom. */
export interface ExecutionKind {
  authMode?: AuthMode;
  trigger?: Trigger;
  user?: string;
}

export interface Emulator {
  ctx: EmulatorContext;
  options: EmulatorOptions;
  spreadsheet: FakeSpreadsheet;
  ui: UiState;
  logs: string[];
  properties: PropertiesState;
  triggers: TriggersState;
  mail: MailState;
  /** Sent mail, oldest first (the same array as mail.outbox). */
  outbox: OutboxMessage[];
  /** The globals a script sees: SpreadsheetApp, Utilities, … */
  globals: Record<string, unknown>;
  /**
   * Runs `fn` as one execution of the given kind (auth mode, Ui availability,
   * user). Locks it still holds are released when it ends, as in Apps Script.
   */
  run<T>(kind: ExecutionKind, fn: () => T): T;
  /** Test hook: another execution holds the document lock, until released or for `forMs` (emulated). */
  holdDocumentLock(options?: {forMs?: number}): void;
  releaseDocumentLock(): void;
  /** Test hook: another execution holds the script lock (what a trigger without a document waits for). */
  holdScriptLock(options?: {forMs?: number}): void;
  releaseScriptLock(): void;
  /**
   * Test hook: an update added scopes this user has not granted yet, so
   * ScriptApp.getAuthorizationInfo says REQUIRED and calls needing them fail.
   */
  requireReauthorization(user: string, scopes: string[]): void;
  /** Test hook: the next MailApp send throws this service error and sends nothing. */
  failNextEmail(message?: string): void;
  /**
   * Test hook: every MailApp send to `address` throws this service error and
   * sends nothing (a mailbox down for days), until called with undefined.
   */
  failEmailsTo(address: string, message?: string): void;
  /** Test hook: `fn` runs (as its own execution, e.g. another bundle's call) while the next MailApp send is in flight. */
  duringNextEmail(fn: () => void): void;
  /**
   * Moves the clock to `until`, running each time-driven trigger that falls
   * due on the way, in order, as its installer in AuthMode.FULL with no Ui.
   * `call` runs the handler (loader.ts passes one that calls the bundle).
   * A handler that throws is recorded and the others still run.
   */
  fireDueTriggers(
    until: Date,
    call: (handler: string, event: TimeDrivenEvent) => unknown,
  ): TriggerFiring[];
}

/**
 * The emulated spreadsheet's zone unless a world names one: east of the
 * script's (America/New_York), so every suite meets date cells that are
 * another zone's midnights, as a spreadsheet in Tokyo hands them over.
 */
export const DEFAULT_SPREADSHEET_TIME_ZONE = 'Asia/Tokyo';

export function newSpreadsheetState(
  options: EmulatorOptions = {},
): SpreadsheetState {
  return {
    id: options.spreadsheetId ?? '1emulatedSpreadsheetId',
    name: 'Forecast workbook',
    timeZone: options.spreadsheetTimeZone ?? DEFAULT_SPREADSHEET_TIME_ZONE,
    locale: options.spreadsheetLocale ?? 'en_US',
    sheets: [emptySheetState('Sheet1', 0)],
    nextSheetId: 1,
  };
}

export function createEmulator(
  options: EmulatorOptions = {},
  state?: SpreadsheetState,
  stores: Partial<WorldStores> = {},
): Emulator {
  // HtmlService reads the built files, as clasp pushes them from dist/.
  const ctx = new EmulatorContext({
    htmlDir: join(__dirname, '..', 'dist'),
    ...options,
  });
  const spreadsheet = new FakeSpreadsheet(
    ctx,
    state ?? newSpreadsheetState(options),
  );
  const ui = emptyUiState();
  const logs: string[] = [];
  const properties = stores.properties ?? emptyPropertiesState();
  const triggers = stores.triggers ?? emptyTriggersState();
  const mail =
    stores.mail ?? emptyMailState(options.mailQuota ?? DEFAULT_MAIL_QUOTA);

  const SpreadsheetApp = expose(
    {
      // A time-driven trigger has no current document (context.ts: hasDocument).
      getActiveSpreadsheet: () => {
        ctx.requireAuth('SpreadsheetApp.getActiveSpreadsheet', 'read');
        return ctx.hasDocument() ? spreadsheet.exposed() : null;
      },
      getActive: () => {
        ctx.requireAuth('SpreadsheetApp.getActive', 'read');
        return ctx.hasDocument() ? spreadsheet.exposed() : null;
      },
      /**
       * Opens a file by ID: needs the full spreadsheets scope. With only
       * spreadsheets.currentonly, openById is refused even for the bound
       * file's own ID (a Stack Exchange question, "currentonly ... openById";
       * the reference lists both scopes, so this is the stricter reading).
       */
      openById: (id: string) => {
        ctx.requireAuth('SpreadsheetApp.openById', 'authorized');
        ctx.requireScope('SpreadsheetApp.openById', SCOPES.allSpreadsheets);
        if (String(id) !== spreadsheet.getId()) {
          throw appsScriptError(
            'Unexpected error while getting the method or property openById on object SpreadsheetApp.',
          );
        }
        return spreadsheet.exposed();
      },
      /** No Ui outside a user-facing execution: Apps Script throws this from triggers and custom functions. */
      getUi: () => {
        if (
          ctx.trigger === 'time' ||
          ctx.trigger === 'custom-function' ||
          ctx.authMode === 'CUSTOM_FUNCTION'
        ) {
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
      DeveloperMetadataVisibility,
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
      /** Logger.log(format, values…) fills %s, %d and %f as Apps Script does; otherwise joins its arguments. */
      log: (...args: unknown[]) => {
        const [first, ...rest] = args;
        if (typeof first === 'string' && rest.length && /%[sdf]/.test(first)) {
          let i = 0;
          logs.push(
            first.replace(/%[sdf]/g, m =>
              i < rest.length ? String(rest[i++]) : m,
            ),
          );
        } else {
          logs.push(args.map(String).join(' '));
        }
        return Logger;
      },
    },
    'Logger',
    ctx,
  );

  const scriptApp = new FakeScriptApp(ctx, triggers, spreadsheet.getId());
  const globals: Record<string, unknown> = {
    SpreadsheetApp,
    Logger,
    Utilities: new FakeUtilities(ctx).exposed(),
    PropertiesService: new FakePropertiesService(ctx, properties).exposed(),
    LockService: new FakeLockService(ctx).exposed(),
    MailApp: new FakeMailApp(ctx, mail).exposed(),
    ScriptApp: scriptApp.exposed(),
    Session: new FakeSession(ctx).exposed(),
    HtmlService: new FakeHtmlService(ctx).exposed(),
  };

  const run = <T>(kind: ExecutionKind, fn: () => T): T => {
    const saved = {
      authMode: ctx.authMode,
      trigger: ctx.trigger,
      user: ctx.user,
      execution: ctx.execution,
    };
    ctx.authMode = kind.authMode ?? 'FULL';
    ctx.trigger = kind.trigger ?? 'menu';
    ctx.user = kind.user ?? ctx.user;
    ctx.execution = ctx.nextExecution();
    try {
      return fn();
    } finally {
      ctx.releaseLocksOf(ctx.execution);
      Object.assign(ctx, saved);
    }
  };

  const fireDueTriggers: Emulator['fireDueTriggers'] = (until, call) => {
    const firings: TriggerFiring[] = [];
    for (let guard = 0; guard < 100000; guard++) {
      const due = triggers.triggers
        .filter(t => t.nextRun && t.nextRun.getTime() <= until.getTime())
        .sort((a, b) => a.nextRun!.getTime() - b.nextRun!.getTime())[0];
      if (!due) break;
      // A trigger that fell due while the clock was already past it runs late, now.
      const at = new Date(
        Math.max(due.nextRun!.getTime(), ctx.now().getTime()),
      );
      ctx.setNow(at);
      due.nextRun = nextRunAfter(due, at);
      const event = timeDrivenEvent(due.uid, at);
      const firing: TriggerFiring = {
        uid: due.uid,
        handler: due.handler,
        user: due.owner,
        at,
        event,
      };
      try {
        firing.result = run(
          {authMode: 'FULL', trigger: 'time', user: due.owner},
          () => call(due.handler, event),
        );
      } catch (error) {
        firing.error = error;
      }
      firings.push(firing);
    }
    if (ctx.now().getTime() < until.getTime()) ctx.setNow(until);
    return firings;
  };

  return {
    ctx,
    options,
    spreadsheet,
    ui,
    logs,
    properties,
    triggers,
    mail,
    outbox: mail.outbox,
    globals,
    run,
    holdDocumentLock: (opts = {}) => holdDocumentLock(ctx, opts),
    releaseDocumentLock: () => releaseDocumentLock(ctx),
    holdScriptLock: (opts = {}) => holdLock(ctx, 'script', opts),
    releaseScriptLock: () => releaseLock(ctx, 'script'),
    requireReauthorization: (user, scopes) => {
      ctx.ungranted[user] = [...scopes];
    },
    failNextEmail: (message = 'Service unavailable: Mail') => {
      mail.failNext = message;
    },
    failEmailsTo: (address, message) => {
      const failTo = (mail.failTo ??= {});
      if (message === undefined) delete failTo[address.toLowerCase()];
      else failTo[address.toLowerCase()] = message;
    },
    duringNextEmail: fn => {
      mail.duringNext = fn;
    },
    fireDueTriggers,
  };
}
